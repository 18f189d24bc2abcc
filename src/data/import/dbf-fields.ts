/**
 * What shpjs (parsedbf) loses of a Shapefile's attribute table, put back (issue 7: nothing a zone file gave
 * is lost): a date field comes as a local Date (written as 'YYYY-MM-DD', as the .dbf holds it; empty: null),
 * and a field named `__proto__` is assigned to a plain object, where it sets nothing (read here from the
 * .dbf and added as an own key). Only for a zip with one .dbf whose record count matches the features.
 */
import { setOwn } from '../extra.ts';
import type { Cell } from './table.ts';

interface DbfField {
  name: string;
  type: string;
  offset: number;
  length: number;
}

function dbfFields(b: Uint8Array): DbfField[] {
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const headerLength = dv.getUint16(8, true);
  const fields: DbfField[] = [];
  let offset = 1; // the record's deletion flag
  for (let at = 32; at + 32 <= headerLength && b[at] !== 0x0d; at += 32) {
    const raw = b.subarray(at, at + 11);
    const end = raw.indexOf(0);
    const name = String.fromCharCode(...raw.subarray(0, end < 0 ? 11 : end));
    const length = b[at + 16]!;
    fields.push({ name, type: String.fromCharCode(b[at + 11]!), offset, length });
    offset += length;
  }
  return fields;
}

function decoderFor(cpg: Uint8Array | undefined): TextDecoder {
  const label = cpg ? new TextDecoder().decode(cpg).trim() : '';
  const codePage = /^(?:ANSI\s)?(\d+)$/.exec(label)?.[1];
  for (const l of [label, codePage ? `windows-${codePage}` : '']) {
    try {
      if (l) return new TextDecoder(l);
    } catch {
      // not a label TextDecoder knows: the next one
    }
  }
  return new TextDecoder();
}

function fieldValue(text: string, type: string): Cell {
  if (type === 'N' || type === 'F' || type === 'O') {
    const n = Number.parseFloat(text);
    return Number.isFinite(n) ? n : null;
  }
  if (type === 'L') return /^[yt]$/i.test(text);
  if (type === 'D')
    return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6)}` : null;
  return text;
}

function dateText(d: Date): string | null {
  if (Number.isNaN(d.getTime())) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export function restoreDbfFields(
  features: GeoJSON.Feature[],
  files: Record<string, Uint8Array>,
): GeoJSON.Feature[] {
  for (const f of features) {
    const p = f.properties;
    if (p) for (const k of Object.keys(p)) if (p[k] instanceof Date) p[k] = dateText(p[k]);
  }
  const dbfs = Object.keys(files).filter((k) => /\.dbf$/i.test(k) && !k.startsWith('__MACOSX'));
  if (dbfs.length !== 1) return features;
  const dbf = files[dbfs[0]!]!;
  if (dbf.length < 32) return features;
  const dv = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const records = dv.getUint32(4, true);
  const headerLength = dv.getUint16(8, true);
  const recordLength = dv.getUint16(10, true);
  const proto = dbfFields(dbf).filter((x) => x.name === '__proto__');
  if (proto.length === 0 || records !== features.length) return features;
  const cpg = Object.keys(files).find((k) => k.replace(/\.cpg$/i, '.dbf') === dbfs[0]);
  const decoder = decoderFor(cpg ? files[cpg] : undefined);
  features.forEach((f, r) => {
    const start = headerLength + r * recordLength;
    for (const x of proto) {
      const bytes = dbf.subarray(start + x.offset, start + x.offset + x.length);
      const text = decoder.decode(bytes).replace(/\0/g, '').trim();
      f.properties ??= {};
      setOwn(f.properties, x.name, fieldValue(text, x.type));
    }
  });
  return features;
}
