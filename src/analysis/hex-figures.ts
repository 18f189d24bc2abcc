import { lengthToDegrees } from '@turf/helpers';
import { CHAIN_STAGES } from '../data/types.ts';
import { hexDensity } from './hex-density.ts';
import { isSpatial } from './is-spatial.ts';
import { chainStageCode } from './stage-code.ts';
import { studyAreaBbox } from './study-area-bbox.ts';
import type { StudyArea } from './study-area-km2.ts';
import type { AnalysisRecord, AnalysisResult } from './types.ts';

/**
 * Hexagon counts per chain stage (and `total`) of the spatial chain records: `@turf/hex-grid` cells of
 * `hexSideKm` km over the study area's bbox united with the points' bbox, padded by two cell sides;
 * non-empty cells only. The page computes it over every filter but the stage filter, once, and lets
 * the map add up the visible stages' counts (a stage toggle then needs no new grid).
 */
export function hexFigures(
  records: readonly AnalysisRecord[],
  studyArea: StudyArea | null | undefined,
  hexSideKm: number,
): AnalysisResult['hexGrid'] {
  const empty: AnalysisResult['hexGrid'] = { type: 'FeatureCollection', features: [] };
  const located = records.filter((r) => chainStageCode(r.stage) >= 0 && isSpatial(r));
  if (located.length === 0 || !(hexSideKm > 0)) return empty;
  const coords = new Float64Array(located.length * 2);
  const cats = new Uint8Array(located.length);
  let box: [number, number, number, number] | null = studyArea ? studyAreaBbox(studyArea) : null;
  located.forEach((r, t) => {
    const x = r.lon!;
    const y = r.lat!;
    coords[2 * t] = x;
    coords[2 * t + 1] = y;
    cats[t] = chainStageCode(r.stage);
    if (!box) box = [x, y, x, y];
    else {
      if (x < box[0]) box[0] = x;
      if (y < box[1]) box[1] = y;
      if (x > box[2]) box[2] = x;
      if (y > box[3]) box[3] = y;
    }
  });
  const b = box!;
  const padLat = lengthToDegrees(2 * hexSideKm, 'kilometers');
  const maxAbsLat = Math.min(89, Math.max(Math.abs(b[1]), Math.abs(b[3])) + padLat);
  const padLon = padLat / Math.cos((maxAbsLat * Math.PI) / 180);
  const padded: [number, number, number, number] = [
    Math.max(-180, b[0] - padLon),
    Math.max(-90, b[1] - padLat),
    Math.min(180, b[2] + padLon),
    Math.min(90, b[3] + padLat),
  ];
  return hexDensity(coords, cats, CHAIN_STAGES, padded, hexSideKm) as AnalysisResult['hexGrid'];
}
