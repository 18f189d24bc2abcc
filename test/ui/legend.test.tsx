import { fireEvent, render } from '@solidjs/testing-library';
import { createSignal } from 'solid-js';
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisResult, StageFigures } from '../../src/analysis/types.ts';
import { STAGES, type Stage } from '../../src/data/types.ts';
import { setLang } from '../../src/i18n/index.ts';
import { Legend } from '../../src/ui/Legend.tsx';

const totals: Record<Stage, number> = {
  upstream: 10,
  midstream: 50,
  downstream: 7,
  support: 3,
  unclassified: 1,
};

function fig(
  stage: 'upstream' | 'midstream' | 'downstream',
  level: StageFigures['level'],
  R: number | null,
  clusters: number,
): StageFigures {
  return {
    stage,
    count: 1,
    located: 1,
    clusters: Array.from({ length: clusters }, (_, id) => ({
      id,
      stage,
      memberIds: [],
      core: 0,
      edge: 0,
      approximate: 0,
      hull: null,
      areaKm2: 0,
      density: null,
      dominantSegment: null,
      county: null,
      zone: null,
      center: [0, 0] as [number, number],
    })),
    clusteredShare: 0.5,
    nni: { n: 1, areaKm2: 1, observedMeanKm: 1, expectedMeanKm: 1, R, z: -3 },
    level,
  };
}

function Harness(props: { analysis?: AnalysisResult | null; onToggle?: (s: Stage, on: boolean) => void }) {
  const [stages, setStages] = createSignal<Stage[]>([...STAGES]);
  return (
    <Legend
      stages={stages()}
      counts={totals}
      analysis={props.analysis ?? null}
      computing={false}
      largeText={false}
      hulls
      hexGrid={false}
      hexStage="total"
      onHexStage={() => {}}
      onOverlay={() => {}}
      onToggle={(s, on) => {
        props.onToggle?.(s, on);
        setStages((xs) => (on ? [...xs, s] : xs.filter((x) => x !== s)));
      }}
      onAll={(on) => setStages(on ? [...STAGES] : [])}
    />
  );
}

describe('Legend and stage filter', () => {
  it('has one checkbox per stage with its live count', () => {
    setLang('zh');
    const { container } = render(() => <Harness />);
    for (const s of STAGES) {
      const box = container.querySelector<HTMLInputElement>(`input[type=checkbox][data-stage-filter="${s}"]`);
      expect(box, s).not.toBeNull();
      expect(box!.checked).toBe(true);
      expect(container.querySelector(`[data-stage-count="${s}"]`)!.textContent).toBe(String(totals[s]));
    }
  });

  it('unticking a stage calls back and keeps its count: what ticking it again would add (faceted)', () => {
    const onToggle = vi.fn();
    const { container } = render(() => <Harness onToggle={onToggle} />);
    const box = container.querySelector<HTMLInputElement>('[data-stage-filter="midstream"]')!;
    fireEvent.click(box);
    expect(onToggle).toHaveBeenCalledWith('midstream', false);
    expect(box.checked).toBe(false);
    expect(container.querySelector('[data-stage-count="midstream"]')!.textContent).toBe('50');
    expect(box.closest('li')!.textContent).toContain('+50');
    expect(box.closest('li')!.textContent).toContain('已隐藏');
    fireEvent.click(box);
    expect(container.querySelector('[data-stage-count="midstream"]')!.textContent).toBe('50');
  });

  it('all/none buttons set every stage', () => {
    const { container } = render(() => <Harness />);
    fireEvent.click(container.querySelector('[data-stages-all="off"]')!);
    for (const s of STAGES)
      expect(container.querySelector<HTMLInputElement>(`[data-stage-filter="${s}"]`)!.checked).toBe(false);
    fireEvent.click(container.querySelector('[data-stages-all="on"]')!);
    for (const s of STAGES)
      expect(container.querySelector<HTMLInputElement>(`[data-stage-filter="${s}"]`)!.checked).toBe(true);
  });

  it('carries the agglomeration hooks for the three chain stages only', () => {
    const analysis = {
      params: { maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 },
      stages: {
        upstream: fig('upstream', 'low', 0.93, 1),
        midstream: fig('midstream', 'high', 0.31234567, 12),
        downstream: fig('downstream', 'none', null, 0),
      },
    } as unknown as AnalysisResult;
    const { container } = render(() => <Harness analysis={analysis} />);
    const mid = container.querySelector('[data-agglomeration="midstream"]')!;
    expect(mid.getAttribute('data-level')).toBe('high');
    expect(mid.getAttribute('data-clusters')).toBe('12');
    expect(mid.getAttribute('data-nni')).toBe('0.31234567'); // full precision in the hook
    expect(mid.textContent).toContain('0.31'); // rounded in the text
    expect(container.querySelector('[data-agglomeration="downstream"]')!.getAttribute('data-level')).toBe(
      'none',
    );
    // Undefined R reads as NaN, never as a misleading 0.
    expect(container.querySelector('[data-agglomeration="downstream"]')!.getAttribute('data-nni')).toBe(
      'NaN',
    );
    expect(container.querySelector('[data-agglomeration="support"]')).toBeNull();
  });

  it('gives each level its reason in plain words (issue 8)', () => {
    const mid = { ...fig('midstream', 'high', 0.36, 20), located: 574, clusteredShare: 0.76 };
    const up = { ...fig('upstream', 'low', 1.3, 2), located: 40, clusteredShare: 0.1 };
    const analysis = {
      params: { maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 },
      stages: { upstream: up, midstream: mid, downstream: fig('downstream', 'none', null, 0) },
    } as unknown as AnalysisResult;
    setLang('en');
    const { container } = render(() => <Harness analysis={analysis} />);
    const reason = (s: string) => container.querySelector(`[data-agglomeration-reason="${s}"]`)!.textContent;
    expect(reason('midstream')).toBe(
      '76% of midstream firms sit in 20 clusters; nearest-neighbour index 0.36, far below random (1)',
    );
    expect(reason('upstream')).toContain('above random');
    expect(reason('downstream')).toMatch(/too few/);
    setLang('zh');
    expect(reason('midstream')).toBe('中游企业 76% 位于 20 个集群；最近邻指数 0.36，远低于随机分布（1）');
    expect(container.querySelector('[data-cluster-symbol-legend]')!.textContent).toContain(
      '面积与企业数成正比',
    );
  });

  it('speaks English with lang=en', () => {
    setLang('en');
    const { container } = render(() => <Harness />);
    expect(container.textContent).toContain('Upstream · raw materials');
    expect(container.textContent).not.toContain('上游');
    setLang('zh');
  });
});
