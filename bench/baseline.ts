/**
 * Shared by the browser benchmark's baseline pages (bench/bare, bench/same-content): the app's stage
 * colours, and what the benchmark reads from those pages (bench/bare, bench/same-content), so both
 * answer the same questions the same way:
 *   - `window.bench.ready` / `whenReady`: performance.now() at the first `idle` once every named source
 *     has loaded (and `before` has resolved: data a page adds after the style, such as label points);
 *   - `window.bench.toggle(stages)`: applies the page's stage filter (setFilter on every point layer, in
 *     one go) and resolves with the ms until the next `idle`.
 * MapLibre errors go to console.error, which fails the benchmark run.
 */
import type { ExpressionSpecification, Map as MapLibreMap } from 'maplibre-gl';

/** The app's stage colours (Okabe–Ito; a copy of src/map/palette.ts, normal contrast). */
export const STAGE_COLOUR: ExpressionSpecification = [
  'match',
  ['get', 'stage'],
  'upstream',
  '#E69F00',
  'midstream',
  '#0072B2',
  'downstream',
  '#009E73',
  'support',
  '#CC79A7',
  '#7F7F7F',
];

export interface BaselineBench {
  ready?: number;
  whenReady: Promise<number>;
  toggle(stages: string[]): Promise<number>;
}

/**
 * The map's container, sized by `?w=<px>&h=<px>` when given: the benchmark gives the baselines the size
 * of the app's map, so that every page rasterises the same number of pixels.
 */
export function mapContainer(id = 'map'): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`no #${id}`);
  const q = new URLSearchParams(location.search);
  for (const [k, prop] of [
    ['w', 'width'],
    ['h', 'height'],
  ] as const) {
    const px = Number(q.get(k));
    if (px > 0) el.style[prop] = `${px}px`;
  }
  return el;
}

export function exposeBench(
  map: MapLibreMap,
  o: { sources: readonly string[]; before?: Promise<unknown>; setStages(stages: string[]): void },
): void {
  let resolveReady!: (t: number) => void;
  const bench: BaselineBench = {
    whenReady: new Promise((resolve) => (resolveReady = resolve)),
    toggle: (stages) =>
      new Promise<number>((resolve) => {
        const t0 = performance.now();
        o.setStages(stages);
        map.once('idle', () => resolve(performance.now() - t0));
      }),
  };
  (window as unknown as { bench: BaselineBench }).bench = bench;
  map.on('error', (e) => console.error(`[baseline] ${e.error?.message ?? String(e)}`));
  let before = o.before === undefined;
  o.before?.then(
    () => {
      before = true;
      map.triggerRepaint(); // an idle event after it, even if nothing changed
    },
    (e: unknown) => console.error(`[baseline] ${e instanceof Error ? e.message : String(e)}`),
  );
  const onIdle = () => {
    if (!before || !o.sources.every((id) => map.isSourceLoaded(id))) return;
    bench.ready = performance.now();
    resolveReady(bench.ready);
    map.off('idle', onIdle);
  };
  map.on('idle', onIdle);
}
