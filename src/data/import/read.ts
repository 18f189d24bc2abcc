/**
 * Reading any import file into a table and saying what it holds (issue 7): registries (CSV, XLSX,
 * GeoJSON points) are enterprises; boundary files (KML, KMZ, zipped Shapefile, GeoJSON of polygons) are
 * zones. The first step of both the page's import (in the parse worker) and `npm run import`.
 */
import type { Encoding } from './decode.ts';
import {
  featuresOf,
  featuresTable,
  formatOf,
  isPolygonCollection,
  readCsvTable,
  readXlsxTable,
  type Table,
} from './table.ts';
import { guessField, guessMapping, guessZoneField } from './vocabulary.ts';
import { readZoneTable } from './zones.ts';

export type ImportKind = 'enterprises' | 'zones';

export interface ReadChoices {
  /** CSV: the encoding chosen by the user (default: detected). */
  encoding?: Encoding;
  /** XLSX: the sheet (default: the first). */
  sheet?: string;
}

export interface ReadFile {
  kind: ImportKind;
  table: Table;
}

export async function readImportFile(
  name: string,
  bytes: Uint8Array,
  choices: ReadChoices = {},
): Promise<ReadFile> {
  const format = formatOf(name, bytes);
  if (format === 'csv') return { kind: 'enterprises', table: readCsvTable(bytes, choices.encoding) };
  if (format === 'xlsx') return { kind: 'enterprises', table: await readXlsxTable(bytes, choices.sheet) };
  if (format === 'geojson') {
    const features = featuresOf(new TextDecoder().decode(bytes).replace(/^\uFEFF/, ''));
    return isPolygonCollection(features)
      ? { kind: 'zones', table: featuresTable(features) }
      : { kind: 'enterprises', table: featuresTable(features) };
  }
  return { kind: 'zones', table: await readZoneTable(format, bytes) };
}

/** The mapping guessed from the headers, for the file's kind. */
export function guessFileMapping(kind: ImportKind, columns: readonly string[]): string[] {
  return kind === 'zones' ? guessMapping(columns, guessZoneField) : guessMapping(columns, guessField);
}
