import { describe, expect, it, vi } from 'vitest';
import { createBridge } from '../../src/embed/messages.ts';

const PORTAL = 'https://portal.example';
const post = (origin: string, data: unknown) =>
  window.dispatchEvent(new MessageEvent('message', { origin, data, source: window }));

describe('the message bridge while the map shows a user import', () => {
  it('an allowed portal drives the map normally, but not while the data are the user’s own import', () => {
    let imported = false;
    const heard = vi.fn();
    const bridge = createBridge([PORTAL], heard, () => imported);
    post(PORTAL, { type: 'belt:get-state' });
    expect(heard).toHaveBeenCalledTimes(1);
    imported = true;
    post(PORTAL, { type: 'belt:get-state' });
    post(PORTAL, { type: 'belt:select', id: 'E1' });
    expect(heard).toHaveBeenCalledTimes(1);
    // The page's own origin is still heard (the same origin may always drive the map).
    post(window.location.origin, { type: 'belt:get-state' });
    expect(heard).toHaveBeenCalledTimes(2);
    bridge.dispose();
  });
});
