import type { Zone } from '../data/types.ts';
import { chainFigures } from './chain-figures.ts';
import { stringColumn } from './columns.ts';
import { crossStageFigures } from './cross-stage-figures.ts';
import { gapList } from './gap-list.ts';
import { hexFigures } from './hex-figures.ts';
import type { DatasetFigures, FigureRequest, FigureResults } from './protocol.ts';
import { keyOf } from './protocol.ts';
import { resolveZones } from './resolve-zones.ts';
import { segmentColocation } from './segment-colocation.ts';
import { stageFigures } from './stage-figures.ts';
import type { StudyArea } from './study-area-km2.ts';
import { studyAreaKm2 } from './study-area-km2.ts';
import type { AnalysisRecord } from './types.ts';

/** Results kept per session (a toggle back and forth, or a parameter tried twice, costs nothing). */
const CACHE_SIZE = 64;
/** Filters kept: twice the client's (client.ts), so that any filter the client still names is here. */
const FILTERS_KEPT = 16;

export interface AnalysisSession {
  /** Keeps the dataset; resolves zone containment and the study area's km² once per dataset. */
  load(
    records: readonly AnalysisRecord[],
    zones: readonly Zone[],
    studyArea: StudyArea | null,
  ): DatasetFigures;
  /** Names the records at `indices` (every filter but the stage filter; out-of-range ones ignored). */
  setFilter(filter: number, indices: ArrayLike<number>): void;
  /** Whether a result for this request is cached. */
  has(req: FigureRequest): boolean;
  /** The figures a request asks for: computed once per key, then from the cache. */
  compute<R extends FigureRequest>(req: R): FigureResults[R['kind']];
}

/** A small least-recently-used map. */
function lru<V>(size: number) {
  const m = new Map<string, V>();
  return {
    get(k: string): V | undefined {
      const v = m.get(k);
      if (v !== undefined) {
        m.delete(k);
        m.set(k, v);
      }
      return v;
    },
    set(k: string, v: V) {
      m.delete(k);
      m.set(k, v);
      if (m.size > size) m.delete(m.keys().next().value!);
    },
    has: (k: string) => m.has(k),
    clear: () => m.clear(),
  };
}

/**
 * A loaded dataset, the work that depends on it alone (zone of every record, study-area km²), and a
 * cache of the figures asked for; shared by the Web Worker and the client's in-process fallback.
 */
export function createAnalysisSession(): AnalysisSession {
  let records: readonly AnalysisRecord[] = [];
  let zones: readonly Zone[] = [];
  let studyArea: StudyArea | null = null;
  let areaKm2 = 0;
  let zoneOf: readonly (string | null)[] = [];
  const filters = lru<{ records: AnalysisRecord[]; zoneOf: (string | null)[] }>(FILTERS_KEPT);
  const cache = lru<FigureResults[FigureRequest['kind']]>(CACHE_SIZE);

  const filterOf = (id: number) => {
    const f = filters.get(String(id));
    if (!f) throw new Error(`analysis: unknown filter ${id}`);
    return f;
  };
  const run = (req: FigureRequest): FigureResults[FigureRequest['kind']] => {
    const f = filterOf(req.filter);
    switch (req.kind) {
      case 'stage':
        return stageFigures(req.stage, f.records, f.zoneOf, req, areaKm2);
      case 'cross': {
        const on = new Set<string>(req.stages);
        return crossStageFigures(f.records.filter((r) => on.has(r.stage)));
      }
      case 'chain':
        return chainFigures(f.records, f.zoneOf, zones);
      case 'hex':
        return hexFigures(f.records, studyArea, req.hexSideKm);
      case 'segments': {
        const on = new Set<string>(req.stages);
        return segmentColocation(f.records.filter((r) => on.has(r.stage)));
      }
      case 'gaps':
        return gapList(f.records, f.zoneOf, zones);
    }
  };

  return {
    load(r, z, s) {
      records = r;
      zones = z;
      studyArea = s;
      areaKm2 = s ? studyAreaKm2(s) : 0;
      filters.clear();
      cache.clear();
      const res = resolveZones(r, z);
      zoneOf = res.zoneOf;
      // Record ids are data: inherited keys (constructor, toString) must never read as zones.
      const resolvedZones: Record<string, string> = Object.create(null);
      r.forEach((rec, i) => {
        const zone = res.zoneOf[i];
        if (res.byContainment[i] && zone) resolvedZones[rec.id] = zone;
      });
      const zoneColumn = stringColumn(r.length, (i) => {
        const own = r[i]!.zone;
        const zone = res.zoneOf[i];
        return own ?? (res.byContainment[i] && zone ? zone : null);
      });
      return { resolvedZones, zoneColumn, areaKm2 };
    },
    setFilter(id, indices) {
      const picked: AnalysisRecord[] = [];
      const pickedZone: (string | null)[] = [];
      for (let t = 0; t < indices.length; t++) {
        const i = indices[t]!;
        const rec = records[i];
        if (!rec) continue;
        picked.push(rec);
        pickedZone.push(zoneOf[i] ?? null);
      }
      filters.set(String(id), { records: picked, zoneOf: pickedZone });
    },
    has: (req) => cache.has(keyOf(req)),
    compute<R extends FigureRequest>(req: R) {
      const key = keyOf(req);
      let out = cache.get(key);
      if (out === undefined) {
        out = run(req);
        cache.set(key, out);
      }
      return out as FigureResults[R['kind']];
    },
  };
}
