/**
 * Baseline of the browser benchmark: a bare MapLibre page with the same points in one GeoJSON
 * source and one circle layer (toolchain.md's "bare MapLibre page"). ?data=<url of a FeatureCollection>.
 */
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import './bare.css';
import { exposeBench, mapContainer, STAGE_COLOUR } from '../baseline.ts';

maplibregl.setWorkerUrl(workerUrl);
const data = new URLSearchParams(location.search).get('data') ?? '';
const map = new maplibregl.Map({
  container: mapContainer(),
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
          'circle-color': STAGE_COLOUR,
        },
      },
    ],
  },
  bounds: [
    [116.22, 27.8],
    [118.48, 29.7],
  ],
});
exposeBench(map, {
  sources: ['pts'],
  setStages: (stages) => map.setFilter('pts', ['in', ['get', 'stage'], ['literal', stages]]),
});
