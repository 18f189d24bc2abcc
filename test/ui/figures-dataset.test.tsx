import { createRoot, createSignal } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { DatasetFigures } from '../../src/analysis/protocol.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';
import { type AnalysisRunner, createFigures } from '../../src/ui/figures.ts';

const rec = (id: string): AnalysisRecord =>
  ({
    id,
    stage: 'midstream',
    segment: null,
    county: null,
    zone: null,
    lon: 117.9,
    lat: 28.4,
  }) as AnalysisRecord;

/** Waits for the resources' timers and promises. */
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('figures of a dataset (ui/figures.ts)', () => {
  it("while a new dataset loads, the last one's zones and zone column are not its", async () => {
    const answers: ((f: DatasetFigures) => void)[] = [];
    const runner: AnalysisRunner = {
      load: () => new Promise<DatasetFigures>((resolve) => answers.push(resolve)),
      figures: () => new Promise(() => {}),
    };
    await createRoot(async (dispose) => {
      const first = { records: [rec('a')], zones: [], studyArea: null };
      const [data, setData] = createSignal<typeof first | null>(first);
      const f = createFigures(
        {
          dataset: data,
          filterIdx: () => new Uint32Array(),
          stages: () => [],
          params: () => ({ maxDistanceKm: 1.5, minPoints: 3, hexSideKm: 3 }),
          hexShown: () => false,
          visibleCount: () => 0,
        },
        runner,
      );
      await settle();
      const zoneColumn = { values: ['Z1'], codes: Int32Array.of(0) };
      answers.shift()!({ resolvedZones: { a: 'Z1' }, zoneColumn, areaKm2: 1 });
      await settle();
      expect(f.resolvedZones()).toEqual({ a: 'Z1' });
      expect(f.zoneColumn()).toBe(zoneColumn);
      // A second dataset, whose record 'a' is another firm: nothing of the first one's zones applies.
      setData({ records: [rec('a'), rec('b')], zones: [], studyArea: null });
      await settle();
      expect(answers).toHaveLength(1);
      expect(f.resolvedZones()).toBeNull();
      expect(f.zoneColumn()).toBeNull();
      const second = { values: [], codes: Int32Array.of(-1, -1) };
      answers.shift()!({ resolvedZones: {}, zoneColumn: second, areaKm2: 1 });
      await settle();
      expect(f.resolvedZones()).toBeNull();
      expect(f.zoneColumn()).toBe(second);
      dispose();
    });
  });
});
