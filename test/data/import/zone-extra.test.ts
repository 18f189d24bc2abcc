/**
 * Nothing a zone file gave is lost (issue 7): every attribute the mapping does not read stays on the zone
 * (`extra`), whatever its name, values as they came, through the export, the deployment parser, a
 * re-import, IndexedDB and a structured clone (the worker hand-over).
 */
import 'fake-indexeddb/auto';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { guessFileMapping, readImportFile } from '../../../src/data/import/read.ts';
import type { ZoneField } from '../../../src/data/import/vocabulary.ts';
import { importZones } from '../../../src/data/import/zones.ts';
import { parseZonesGeoJSON } from '../../../src/data/parse.ts';
import { clearDataset, loadDataset, saveDataset } from '../../../src/data/persist.ts';
import { featureCollectionToText, zonesToGeoJSON } from '../../../src/data/serialize.ts';
import type { Zone } from '../../../src/data/types.ts';
import { shapefileZip } from './helpers.ts';

const RING = '[[117.9,28.4],[118,28.4],[118,28.5],[117.9,28.5],[117.9,28.4]]';
// Written as text: an object literal's `__proto__` would set a prototype, not a key.
const HOSTILE_GEOJSON = `{"type":"FeatureCollection","features":[
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[${RING}]},"properties":{
"园区名称":"上饶经济技术开发区","级别":"国家级","区县":"广信区","面积":12.5,"批准文号":"国函〔2010〕103号",
"管理机构":"<img src=x onerror=alert(1)>","__proto__":"p","constructor":"c","toString":"t","已认定":true,
"备注":null,"范围":{"东":"信江","四至":[1,2]},"precision":"估计","real_boundary":true,"=cmd":"=1+1"}},
{"type":"Feature","geometry":{"type":"Polygon","coordinates":[${RING}]},"properties":{"园区名称":"铅山工业园区","面积":"3"}}
]}`;

async function zonesOf(name: string, bytes: Uint8Array) {
  const f = await readImportFile(name, bytes);
  expect(f.kind).toBe('zones');
  return importZones(f.table, guessFileMapping('zones', f.table.columns) as ZoneField[], { file: name });
}
const text = (s: string) => new TextEncoder().encode(s);
const plain = (zs: readonly Zone[]) => zs.map((z) => ({ ...z, extra: z.extra && { ...z.extra } }));

describe("a zone file's other attributes are kept on the zone", () => {
  it('GeoJSON: every unmapped property, whatever its name, values as they came, in file order', async () => {
    const { zones } = await zonesOf('zones.geojson', text(HOSTILE_GEOJSON));
    const extra = zones[0]!.extra!;
    expect(Object.keys(extra)).toEqual([
      '面积',
      '批准文号',
      '管理机构',
      '__proto__',
      'constructor',
      'toString',
      '已认定',
      '备注',
      '范围',
      // A property the export writes, with another value in the file: kept beside it, not hidden by it.
      'precision_as_in_source',
      '=cmd',
    ]);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('p');
    expect(extra).toMatchObject({
      面积: 12.5,
      批准文号: '国函〔2010〕103号',
      管理机构: '<img src=x onerror=alert(1)>',
      constructor: 'c',
      toString: 't',
      已认定: true,
      备注: null,
      范围: '{"东":"信江","四至":[1,2]}',
      precision_as_in_source: '估计',
      '=cmd': '=1+1',
    });
    // real_boundary true is what the zone says anyway: not kept twice.
    expect(zones[0]!.realBoundary).toBe(true);
    expect(zones[1]!.extra).toMatchObject({ 面积: '3', 批准文号: null });
  });

  it('KML ExtendedData and a zipped Shapefile table (GBK) keep their other attributes', async () => {
    const kml = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>
<name>上饶经济技术开发区</name><description>&lt;b&gt;说明&lt;/b&gt;</description>
<ExtendedData><Data name="级别"><value>国家级</value></Data><Data name="管理机构"><value>管委会</value></Data>
<Data name="constructor"><value>c</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>117.9,28.4 118,28.4 118,28.5 117.9,28.4</coordinates>
</LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;
    for (const [name, bytes] of [
      ['zones.kml', text(kml)],
      ['zones.kmz', zipSync({ 'doc.kml': text(kml) })],
    ] as const) {
      const { zones } = await zonesOf(name, bytes);
      expect(zones[0]!.level).toBe('national');
      expect(zones[0]!.extra).toMatchObject({
        description: '<b>说明</b>',
        管理机构: '管委会',
        constructor: 'c',
      });
    }
    const ring: [number, number][] = [
      [117.9, 28.4],
      [118, 28.4],
      [118, 28.5],
      [117.9, 28.4],
    ];
    const other = JSON.parse(
      '{"APPROVAL":"国函〔2010〕103号","AREA":"12.5","__proto__":"p","APPROVED":"20100426"}',
    );
    const zip = shapefileZip([{ ring, name: '上饶经济技术开发区', level: '国家级', other }], 'GBK', {
      AREA: 'N',
      APPROVED: 'D',
    });
    const { zones } = await zonesOf('zones.zip', zip);
    const extra = zones[0]!.extra!;
    expect(Object.keys(extra).sort()).toEqual(['APPROVAL', 'APPROVED', 'AREA', '__proto__']);
    // A number field as a number, a date as the .dbf holds it (shpjs gives a local Date), __proto__ a key.
    expect(extra).toMatchObject({ APPROVAL: '国函〔2010〕103号', AREA: 12.5, APPROVED: '2010-04-26' });
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toBe('p');
  });

  it('round trip: the export reads back to the same zones, through the deployment parser and a re-import', async () => {
    const { zones } = await zonesOf('zones.geojson', text(HOSTILE_GEOJSON));
    const out = featureCollectionToText(zonesToGeoJSON(zones) as never);
    expect(out).toContain('"__proto__":"p"');
    const parsed = parseZonesGeoJSON(JSON.parse(out));
    expect(parsed.rejected).toEqual([]);
    expect(plain(parsed.records)).toEqual(plain(zones));
    expect(Object.getOwnPropertyDescriptor(parsed.records[0]!.extra!, '__proto__')?.value).toBe('p');
    const again = await zonesOf('zones.geojson', text(out));
    expect(again.report).toMatchObject({ accepted: 2, rejected: 0 });
    expect(plain(again.zones)).toEqual(plain(zones));
  });

  it('the deployment parser keeps extra properties of its own zones file too', () => {
    const r = parseZonesGeoJSON(
      JSON.parse(`{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Polygon",
"coordinates":[${RING}]},"properties":{"id":"z","name":"甲","level":"national","county":"361104",
"precision":"exact","source":"s","real_boundary":true,"面积":12.5,"__proto__":"p"}}]}`),
    );
    expect(r.rejected).toEqual([]);
    expect(Object.entries(r.records[0]!.extra!)).toEqual([
      ['面积', 12.5],
      ['__proto__', 'p'],
    ]);
  });

  it('kept through a structured clone (the worker hand-over) and IndexedDB across a reload', async () => {
    const { zones } = await zonesOf('zones.geojson', text(HOSTILE_GEOJSON));
    const cloned = structuredClone(zones);
    expect(Object.getOwnPropertyDescriptor(cloned[0]!.extra!, '__proto__')?.value).toBe('p');
    expect(plain(cloned)).toEqual(plain(zones));
    await saveDataset({
      name: 'zones.geojson',
      since: '2026-12-01T10:00:00.000Z',
      enterprises: [],
      zones,
      sample: true,
    });
    const back = await loadDataset();
    expect(plain(back!.zones)).toEqual(plain(zones));
    expect(Object.getOwnPropertyDescriptor(back!.zones[0]!.extra!, '__proto__')?.value).toBe('p');
    await clearDataset();
  });
});
