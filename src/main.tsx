/**
 * Start-up: read the URL and belt.config.json, mount the app, load the data, start the worker.
 * Order of precedence: URL parameters > config file > defaults.
 */
import { batch, createSignal } from 'solid-js';
import { render } from 'solid-js/web';
import { AnalysisClient } from './analysis/client.ts';
import { loadData } from './data/load.ts';
import { loadDataset } from './data/persist.ts';
import { loadConfig } from './embed/config.ts';
import { parseUrlState } from './embed/url.ts';
import { setLang } from './i18n/index.ts';
import { hasWebGL2 } from './map/controller.ts';
import { App } from './ui/App.tsx';
import { indexDataset } from './ui/arrival.ts';
import { createBeltState } from './ui/state.ts';
import './ui/styles.css';

async function start() {
  const url = parseUrlState(window.location.search);
  const { config, warnings } = await loadConfig('belt.config.json');
  setLang(url.lang ?? config.lang);
  for (const w of warnings) console.warn(`[belt] belt.config.json: ${w}`);

  const state = createBeltState(config, url, new AnalysisClient());
  if (warnings.length)
    state.setUi('warnings', [{ key: 'config.warning', params: { msg: warnings.join('; ') } }]);
  state.setUi('noWebGL', !hasWebGL2());

  const [boundaries, setBoundaries] = createSignal<{
    counties: GeoJSON.FeatureCollection;
    prefecture: GeoJSON.FeatureCollection;
  } | null>(null);
  const root = document.getElementById('root')!;
  render(() => <App state={state} config={config} boundaries={boundaries} dataBase="data/" />, root);

  let shownBoundaries: { counties: GeoJSON.FeatureCollection; prefecture: GeoJSON.FeatureCollection } | null =
    null;
  try {
    const d = await loadData({ ...config.data, base: 'data/' }, { onProgress: state.setLoadProgress });
    shownBoundaries = { counties: d.counties, prefecture: d.prefecture };
    for (const r of d.rejected) {
      for (const e of r.errors) console.warn(`[belt] ${r.file}: ${e.message}`);
      state.setUi('warnings', (ws) => [
        ...ws,
        {
          key: 'data.warning',
          params: {
            n: r.errors.length,
            msg: `${r.file}: ${r.errors
              .slice(0, 3)
              .map((e) => e.message)
              .join('; ')}`,
          },
        },
      ]);
    }
    const studyArea = d.prefecture as GeoJSON.FeatureCollection<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
    // An import kept in this browser (issue 7) is shown instead of the deployment's data until restored.
    // Never inside a frame: a portal (same-site storage) must not see a user's import, nor drive the map over it.
    const stored = window.parent !== window ? null : await loadDataset();
    const shown = stored
      ? { ...stored, studyArea, kind: 'imported' as const }
      : { ...d, studyArea, kind: d.sample ? ('sample' as const) : ('configured' as const) };
    // What depends on the dataset alone is built in slices first (no long task while it arrives).
    const index = await indexDataset(shown.enterprises, shown.zones);
    // The boundaries with the dataset, in one change: the map loads them together (each separate
    // arrival costs frames of its own).
    batch(() => {
      setBoundaries(shownBoundaries);
      state.loadData({ ...shown, index });
    });
  } catch (e) {
    console.error('[belt] could not load data', e);
    if (shownBoundaries && !boundaries()) setBoundaries(shownBoundaries); // the map still shows Shangrao
    state.setUi('loadError', e instanceof Error ? e.message : String(e));
  }
}

void start();
