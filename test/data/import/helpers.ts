/** Shared helpers of the import tests: run the whole import of a CSV text, a zipped Shapefile writer. */
import { zipSync } from 'fflate';
import iconv from 'iconv-lite';
import { type EnterpriseImportOptions, importEnterprises } from '../../../src/data/import/enterprises.ts';
import { guessFileMapping, readImportFile } from '../../../src/data/import/read.ts';
import type { ImportField } from '../../../src/data/import/vocabulary.ts';

export async function importText(
  csv: string,
  options: Partial<EnterpriseImportOptions> = {},
  encoding: 'utf8' | 'gbk' | 'gb18030' = 'utf8',
) {
  const bytes = new Uint8Array(iconv.encode(csv, encoding));
  const f = await readImportFile('registry.csv', bytes);
  const mapping = guessFileMapping(f.kind, f.table.columns) as ImportField[];
  return {
    table: f.table,
    mapping,
    ...importEnterprises(f.table, mapping, { file: 'registry.csv', ...options }),
  };
}

/** Metres between two WGS84 points (equirectangular: fine at these distances). */
export function metres(a: [number, number], b: [number, number]): { east: number; north: number } {
  const R = 6371008.8;
  const rad = Math.PI / 180;
  return {
    east: (b[0] - a[0]) * rad * R * Math.cos(((a[1] + b[1]) / 2) * rad),
    north: (b[1] - a[1]) * rad * R,
  };
}

/**
 * A zipped Shapefile of one polygon per ring with a text attribute `NAME` and `LEVEL`, the .dbf written
 * in `encoding` and a .cpg naming it (how Chinese GIS desktop tools write them).
 */
export function shapefileZip(
  features: { ring: [number, number][]; name: string; level: string; other?: Record<string, string> }[],
  encoding = 'GBK',
  /** dBASE type of an `other` field: C (default), N or D (8 bytes, YYYYMMDD). */
  types: Record<string, 'C' | 'N' | 'D'> = {},
): Uint8Array {
  const records = features.map(({ ring }) => {
    const n = ring.length;
    const content = new DataView(new ArrayBuffer(44 + 4 + n * 16));
    const xs = ring.map((p) => p[0]);
    const ys = ring.map((p) => p[1]);
    content.setInt32(0, 5, true);
    for (const [i, v] of [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)].entries())
      content.setFloat64(4 + i * 8, v, true);
    content.setInt32(36, 1, true);
    content.setInt32(40, n, true);
    content.setInt32(44, 0, true);
    ring.forEach(([x, y], i) => {
      content.setFloat64(48 + i * 16, x, true);
      content.setFloat64(56 + i * 16, y, true);
    });
    return new Uint8Array(content.buffer);
  });
  const all = features.flatMap((f) => f.ring);
  const box = [
    Math.min(...all.map((p) => p[0])),
    Math.min(...all.map((p) => p[1])),
    Math.max(...all.map((p) => p[0])),
    Math.max(...all.map((p) => p[1])),
  ];
  const header = (lengthBytes: number) => {
    const h = new DataView(new ArrayBuffer(100));
    h.setInt32(0, 9994, false);
    h.setInt32(24, lengthBytes / 2, false);
    h.setInt32(28, 1000, true);
    h.setInt32(32, 5, true);
    for (const [i, v] of box.entries()) h.setFloat64(36 + i * 8, v, true);
    return new Uint8Array(h.buffer);
  };
  const shpLen = 100 + records.reduce((s, r) => s + 8 + r.length, 0);
  const shp = new Uint8Array(shpLen);
  shp.set(header(shpLen), 0);
  const shx = new Uint8Array(100 + 8 * records.length);
  shx.set(header(shx.length), 0);
  let off = 100;
  records.forEach((r, i) => {
    const rh = new DataView(shp.buffer, off, 8);
    rh.setInt32(0, i + 1, false);
    rh.setInt32(4, r.length / 2, false);
    shp.set(r, off + 8);
    const xh = new DataView(shx.buffer, 100 + i * 8, 8);
    xh.setInt32(0, off / 2, false);
    xh.setInt32(4, r.length / 2, false);
    off += 8 + r.length;
  });
  // dBASE III table: fields of 40 bytes (NAME, LEVEL, then the first feature's `other` names; a date 8).
  const fields = ['NAME', 'LEVEL', ...Object.keys(features[0]?.other ?? {})];
  const type = (name: string) => (Object.hasOwn(types, name) ? types[name]! : 'C');
  const widths = fields.map((f) => (type(f) === 'D' ? 8 : 40));
  const starts = widths.map((_, i) => 1 + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + widths.reduce((a, b) => a + b, 0);
  const dbf = new Uint8Array(headerLength + recordLength * features.length + 1);
  const dv = new DataView(dbf.buffer);
  dbf[0] = 0x03;
  dv.setUint32(4, features.length, true);
  dv.setUint16(8, headerLength, true);
  dv.setUint16(10, recordLength, true);
  fields.forEach((name, i) => {
    const at = 32 + i * 32;
    dbf.set(new TextEncoder().encode(name), at);
    dbf[at + 11] = type(name).charCodeAt(0);
    dbf[at + 16] = widths[i]!;
  });
  dbf[headerLength - 1] = 0x0d;
  features.forEach((f, r) => {
    const at = headerLength + r * recordLength;
    dbf.fill(0x20, at, at + recordLength);
    const values = [f.name, f.level, ...fields.slice(2).map((k) => f.other?.[k] ?? '')];
    for (const [i, v] of values.entries()) dbf.set(iconv.encode(v, encoding), at + starts[i]!);
  });
  dbf[dbf.length - 1] = 0x1a;
  return zipSync({
    'zones.shp': shp,
    'zones.shx': shx,
    'zones.dbf': dbf,
    'zones.cpg': new TextEncoder().encode(encoding),
  });
}
