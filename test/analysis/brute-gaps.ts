/** The investment-promotion list by its definition (domain.md), the slow way: the reference of the unit and e2e tests. */
import { centroid } from '@turf/centroid';
import { distance } from '@turf/distance';
import { CHAIN_SEGMENTS } from '../../src/analysis/chain-segments.ts';
import { COUNTY_GAP_PREFIX, GAP_CANDIDATES, type GapRow } from '../../src/analysis/gap-list.ts';
import { THIN_MIN_COUNT, THIN_MIN_SHARE } from '../../src/analysis/thresholds.ts';
import type { AnalysisRecord } from '../../src/analysis/types.ts';
import { COUNTY_CENTROIDS } from '../../src/data/county-centroids.ts';
import { CHAIN_STAGES, SEGMENT_STAGE, type Stage, type Zone } from '../../src/data/types.ts';

/** The list by its definition (domain.md), the slow way: every (Z, g), every firm measured. */
export function bruteGaps(
  records: readonly AnalysisRecord[],
  zoneOf: readonly (string | null)[],
  zones: readonly Zone[],
): GapRow[] {
  const inZ = (key: string, i: number) =>
    key.startsWith(COUNTY_GAP_PREFIX)
      ? records[i]!.county === key.slice(COUNTY_GAP_PREFIX.length)
      : zoneOf[i] === key;
  const counties = new Set(records.map((r) => r.county).filter((c): c is string => c !== null));
  const places: { key: string; county: string | null; at: [number, number] | null }[] = [];
  const withMembers = new Set(zoneOf.filter((z): z is string => z !== null));
  for (const z of zones)
    if (counties.has(z.county) || withMembers.has(z.id))
      places.push({
        key: z.id,
        county: z.county,
        at:
          z.precision === 'none' || !z.geometry
            ? null
            : (centroid(z.geometry).geometry.coordinates as [number, number]),
      });
  for (const id of withMembers)
    if (!zones.some((z) => z.id === id)) places.push({ key: id, county: null, at: null });
  for (const c of counties)
    places.push({
      key: COUNTY_GAP_PREFIX + c,
      county: c,
      at: (COUNTY_CENTROIDS[c] as [number, number]) ?? null,
    });
  const rows: GapRow[] = [];
  for (const p of places) {
    const members = records.map((_, i) => i).filter((i) => inZ(p.key, i));
    const stageCount = (s: Stage) => members.filter((i) => records[i]!.stage === s).length;
    const total = CHAIN_STAGES.reduce((t, s) => t + stageCount(s), 0);
    for (const g of CHAIN_SEGMENTS) {
      if (members.some((i) => records[i]!.segment === g)) continue;
      const stage = SEGMENT_STAGE[g] as (typeof CHAIN_STAGES)[number];
      const n = stageCount(stage);
      const status =
        n === 0 ? 'missing' : n < THIN_MIN_COUNT || n / total < THIN_MIN_SHARE ? 'thin' : 'present';
      const cands = records
        .map((r, i) => ({ r, i }))
        .filter(
          ({ r, i }) =>
            r.segment === g &&
            !inZ(p.key, i) &&
            r.lon !== null &&
            r.lat !== null &&
            r.precision !== 'county' &&
            r.precision !== 'none',
        )
        .map(({ r, i }) => ({ id: r.id, i, km: p.at ? distance(p.at, [r.lon!, r.lat!]) : 0 }))
        .sort((a, b) => a.km - b.km || a.i - b.i)
        .slice(0, p.at ? GAP_CANDIDATES : 0)
        .map(({ id, km }) => ({ id, km }));
      rows.push({
        zone: p.key,
        kind: p.key.startsWith(COUNTY_GAP_PREFIX) ? 'county' : 'zone',
        county: p.county,
        stage,
        segment: g,
        status,
        zoneFirmsOfStage: n,
        cityFirmsOfSegment: records.filter((r) => r.segment === g).length,
        candidates: cands,
      });
    }
  }
  const sr = { missing: 0, thin: 1, present: 2 };
  const st = { downstream: 0, midstream: 1, upstream: 2 };
  return rows.sort(
    (a, b) =>
      sr[a.status] - sr[b.status] ||
      st[a.stage] - st[b.stage] ||
      (a.zone < b.zone ? -1 : a.zone > b.zone ? 1 : 0) ||
      CHAIN_SEGMENTS.indexOf(a.segment) - CHAIN_SEGMENTS.indexOf(b.segment),
  );
}
