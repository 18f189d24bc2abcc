import { describe, expect, it } from 'vitest';
import { agglomerationLevel } from '../../src/analysis/agglomeration-level.ts';

describe('agglomerationLevel (domain.md thresholds)', () => {
  it('none below 5 points or without R/z', () => {
    expect(agglomerationLevel(4, 0.1, -10, 1)).toBe('none');
    expect(agglomerationLevel(0, null, null, null)).toBe('none');
    expect(agglomerationLevel(50, null, null, 0.9)).toBe('none');
  });
  it('high needs R < 0.5, z < −2.58 and S ≥ 0.6 (boundaries exclusive / inclusive as specified)', () => {
    expect(agglomerationLevel(5, 0.49, -2.59, 0.6)).toBe('high');
    expect(agglomerationLevel(5, 0.5, -2.59, 0.6)).toBe('medium');
    expect(agglomerationLevel(5, 0.49, -2.58, 0.6)).toBe('medium');
    expect(agglomerationLevel(5, 0.49, -2.59, 0.59)).toBe('medium');
  });
  it('medium needs R < 1 and z < −1.96, else low', () => {
    expect(agglomerationLevel(20, 0.99, -1.97, 0)).toBe('medium');
    expect(agglomerationLevel(20, 1, -1.97, 0)).toBe('low');
    expect(agglomerationLevel(20, 0.8, -1.96, 0)).toBe('low');
    expect(agglomerationLevel(20, 1.4, 5, 0)).toBe('low');
  });
});
