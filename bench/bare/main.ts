/**
 * The baseline of the browser benchmark: a bare MapLibre page with the same points in one GeoJSON
 * source and one circle layer (toolchain.md's "bare MapLibre page"). ?data=<url of a FeatureCollection>.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

maplibregl.setWorkerUrl(workerUrl);
const data = new URLSearchParams(location.search).get('data') ?? '';
const w = window as unknown as { bench: Record<string, unknown> };
w.bench = {};
const map = new maplibregl.Map({
  container: 'map',
  style: {
    version: 8,
    sources: { pts: { type: 'geojson', data } },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#eef1f4' } },
      {
        id: 'pts',
        type: 'circle',
        source: 'pts',
        paint: {
          'circle-radius': 3,
          'circle-color': [
            'match',
            ['get', 'stage'],
            'upstream',
            '#E69F00',
            'midstream',
            '#0072B2',
            'downstream',
            '#009E73',
            '#999',
          ],
        },
      },
    ],
  },
  bounds: [
    [116.22, 27.8],
    [118.48, 29.7],
  ],
});
map.once('idle', () => {
  w.bench.firstIdle = performance.now();
});
w.bench.toggle = (stages: string[]) =>
  new Promise<number>((resolve) => {
    const t0 = performance.now();
    map.setFilter('pts', ['in', ['get', 'stage'], ['literal', stages]]);
    map.once('idle', () => resolve(performance.now() - t0));
  });
