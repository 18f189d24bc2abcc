import { COUNTY_CENTROIDS } from '../data/county-centroids.ts';
import type { ChainStage, Segment, Zone } from '../data/types.ts';
import { chainFigures } from './chain-figures.ts';
import { CHAIN_SEGMENTS, chainSegmentCode, chainStageOf } from './chain-segments.ts';
import { isSpatial } from './is-spatial.ts';
import { pointIndex } from './nearest-to-point.ts';
import type { AnalysisRecord, ChainCompleteness } from './types.ts';
import { zoneCentroid } from './zone-centroid.ts';

export type GapStatus = 'missing' | 'thin' | 'present';

/** How many candidates a row names. */
export const GAP_CANDIDATES = 5;
/** Prefix of a county's id in the list (zone ids and county ids never meet: `county:361104`). */
export const COUNTY_GAP_PREFIX = 'county:';

export interface GapCandidate {
  id: string;
  /** Geodesic distance from the zone's (county's) centroid, km. */
  km: number;
}

/** One row of the investment-promotion list (domain.md, "The investment-promotion list"). */
export interface GapRow {
  /** Zone id, or `county:<adcode>` for a county. */
  zone: string;
  kind: 'zone' | 'county';
  /** County adcode: the zone's county, or the county itself. */
  county: string | null;
  stage: ChainStage;
  segment: Segment;
  /** Chain completeness of the row's stage in the zone: missing (0 firms), thin or present. */
  status: GapStatus;
  /** Firms of the row's stage in the zone (the list's records). */
  zoneFirmsOfStage: number;
  /** Firms of the segment in the whole city (the list's records, located or not). */
  cityFirmsOfSegment: number;
  /** Up to GAP_CANDIDATES located firms of the segment (all outside the zone: it has none), nearest first. */
  candidates: GapCandidate[];
}

const STATUS_RANK: Record<GapStatus, number> = { missing: 0, thin: 1, present: 2 };
/** Downstream first: extending the chain is the plan. */
const STAGE_RANK: Record<ChainStage, number> = { downstream: 0, midstream: 1, upstream: 2 };

/** The list's order: stage status, then stage (downstream first), then zone id, then the chain's segment order. */
export function compareGapRows(a: GapRow, b: GapRow): number {
  return (
    STATUS_RANK[a.status] - STATUS_RANK[b.status] ||
    STAGE_RANK[a.stage] - STAGE_RANK[b.stage] ||
    (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0) ||
    chainSegmentCode(a.segment) - chainSegmentCode(b.segment)
  );
}

/**
 * The investment-promotion list over `records` (every filter except the stage and segment filters):
 * for each zone and county that chain completeness lists (chain-figures.ts, over the same records) and
 * each chain segment g it lacks (no firm of g, located or not), one row with the status of g's stage
 * there, the firms of that stage there, the city's firms of g, and the GAP_CANDIDATES located firms of
 * g nearest to the zone's centroid (zone-centroid.ts; a county's from COUNTY_CENTROIDS; none for a
 * zone without a location). Sorted by compareGapRows.
 *
 * @param zoneOf zone of each record (own zone id or containment), parallel to `records`
 */
export function gapList(
  records: readonly AnalysisRecord[],
  zoneOf: readonly (string | null)[],
  zones: readonly Zone[],
): GapRow[] {
  const S = CHAIN_SEGMENTS.length;
  const city = new Array<number>(S).fill(0);
  /** Per zone / county key: firms per segment. */
  const bySeg = new Map<string, number[]>();
  const add = (key: string, c: number) => {
    let a = bySeg.get(key);
    if (!a) {
      a = new Array<number>(S).fill(0);
      bySeg.set(key, a);
    }
    a[c]! += 1;
  };
  const located: number[][] = Array.from({ length: S }, () => []);
  records.forEach((r, i) => {
    const c = chainSegmentCode(r.segment);
    if (c < 0) return;
    city[c]! += 1;
    const z = zoneOf[i];
    if (z) add(z, c);
    if (r.county) add(COUNTY_GAP_PREFIX + r.county, c);
    if (isSpatial(r)) located[c]!.push(i);
  });
  const indexes = located.map((ids) => {
    const coords = new Float64Array(ids.length * 2);
    ids.forEach((i, t) => {
      coords[2 * t] = records[i]!.lon!;
      coords[2 * t + 1] = records[i]!.lat!;
    });
    return pointIndex(coords);
  });
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const { zoneChains, countyChains } = chainFigures(records, zoneOf, zones);
  const rows: GapRow[] = [];
  const emit = (
    key: string,
    kind: 'zone' | 'county',
    cc: ChainCompleteness,
    county: string | null,
    at: [number, number] | null,
  ) => {
    const have = bySeg.get(key);
    CHAIN_SEGMENTS.forEach((segment, c) => {
      if (have && have[c]! > 0) return;
      const stage = chainStageOf(segment);
      const status: GapStatus = cc.gaps.includes(stage)
        ? 'missing'
        : cc.thin.includes(stage)
          ? 'thin'
          : 'present';
      const candidates = at
        ? indexes[c]!.nearest(at[0], at[1], GAP_CANDIDATES).map((p) => ({
            id: records[located[c]![p.index]!]!.id,
            km: p.km,
          }))
        : [];
      rows.push({
        zone: key,
        kind,
        county,
        stage,
        segment,
        status,
        zoneFirmsOfStage: cc.counts[stage],
        cityFirmsOfSegment: city[c]!,
        candidates,
      });
    });
  };
  for (const cc of zoneChains) {
    const z = zoneById.get(cc.id);
    emit(cc.id, 'zone', cc, z?.county ?? null, z ? zoneCentroid(z) : null);
  }
  for (const cc of countyChains) {
    const at = COUNTY_CENTROIDS[cc.id];
    emit(COUNTY_GAP_PREFIX + cc.id, 'county', cc, cc.id, at ? [at[0], at[1]] : null);
  }
  return rows.sort(compareGapRows);
}
