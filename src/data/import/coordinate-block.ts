/**
 * The coordinates of a block of registry rows on their way to WGS84 (issue 7's import at 100,000 rows):
 * each row's pair is read first, and then ONE gcoord call per coordinate system converts the whole
 * block (a MultiPoint, `toWGS84InPlace`), instead of a call, its argument checks and its arrays per row.
 * A row rejected while its coordinates are read keeps its one issue here (`hold`) for the second pass,
 * so the report keeps row order. Slots are reused from block to block: nothing is kept between files.
 */
import { type Crs, toWGS84InPlace } from '../crs.ts';
import type { IssueCode } from './report.ts';
import type { ImportField } from './vocabulary.ts';

export const REJECTED = 0;
export const LOCATED = 1;
export const UNLOCATED = 2;

export interface HeldRejection {
  code: IssueCode;
  params: Record<string, string | number>;
  field?: ImportField;
}

export class CoordinateBlock {
  /** WGS84 once `toWGS84` has run; as read before. */
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  /** REJECTED, LOCATED or UNLOCATED. */
  readonly state: Uint8Array;
  /** 1 where the pair came from the one lon/lat column (its issues name that column). */
  readonly fromPair: Uint8Array;
  readonly names: (string | null)[];
  readonly rejections: (HeldRejection | undefined)[];
  /** Per system: the block's slots to convert and their pairs (arrays reused from block to block). */
  private readonly pending: Record<'gcj02' | 'bd09', Pending> = { gcj02: new Pending(), bd09: new Pending() };

  constructor(readonly size: number) {
    this.lon = new Float64Array(size);
    this.lat = new Float64Array(size);
    this.state = new Uint8Array(size);
    this.fromPair = new Uint8Array(size);
    this.names = new Array<string | null>(size).fill(null);
    this.rejections = new Array<HeldRejection | undefined>(size).fill(undefined);
  }

  clear(): void {
    this.names.fill(null);
    this.rejections.fill(undefined);
    this.state.fill(REJECTED);
    this.pending.gcj02.clear();
    this.pending.bd09.clear();
  }

  hold(k: number, code: IssueCode, params: Record<string, string | number>, field?: ImportField): void {
    this.state[k] = REJECTED;
    this.rejections[k] = field === undefined ? { code, params } : { code, params, field };
  }

  unlocated(k: number): void {
    this.state[k] = UNLOCATED;
  }

  located(k: number, lon: number, lat: number, crs: Crs, fromPair: boolean): void {
    this.state[k] = LOCATED;
    this.fromPair[k] = fromPair ? 1 : 0;
    if (crs === 'wgs84') {
      this.lon[k] = lon;
      this.lat[k] = lat;
      return;
    }
    this.pending[crs].add(k, lon, lat);
  }

  /** Convert the block's GCJ-02 and BD-09 points to WGS84, one gcoord call per system. */
  toWGS84(): void {
    for (const crs of ['gcj02', 'bd09'] as const) {
      const { slots, points } = this.pending[crs];
      if (slots.length === 0) continue;
      toWGS84InPlace(points, crs);
      for (let j = 0; j < slots.length; j++) {
        const k = slots[j]!;
        this.lon[k] = points[j]![0];
        this.lat[k] = points[j]![1];
      }
    }
  }
}

/** Pairs waiting for conversion; the pair arrays are kept and refilled (no 100,000 new arrays a file). */
class Pending {
  readonly slots: number[] = [];
  readonly points: [number, number][] = [];
  private readonly pool: [number, number][] = [];

  clear(): void {
    this.slots.length = 0;
    this.points.length = 0;
  }

  add(k: number, lon: number, lat: number): void {
    const j = this.slots.length;
    let pair = this.pool[j];
    if (pair) {
      pair[0] = lon;
      pair[1] = lat;
    } else {
      pair = [lon, lat];
      this.pool.push(pair);
    }
    this.slots.push(k);
    this.points.push(pair);
  }
}
