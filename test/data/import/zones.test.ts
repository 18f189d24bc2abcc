import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { rejoinZones } from '../../../src/data/import/join.ts';
import { guessFileMapping, readImportFile } from '../../../src/data/import/read.ts';
import type { ZoneField } from '../../../src/data/import/vocabulary.ts';
import { importZones } from '../../../src/data/import/zones.ts';
import { parseZonesGeoJSON } from '../../../src/data/parse.ts';
import { zonesToGeoJSON } from '../../../src/data/serialize.ts';
import type { Enterprise, Zone } from '../../../src/data/types.ts';
import { metres, shapefileZip } from './helpers.ts';

const RING: [number, number][] = [
  [117.9, 28.4],
  [118.0, 28.4],
  [118.0, 28.5],
  [117.9, 28.5],
  [117.9, 28.4],
];
const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>上饶经济技术开发区</name>
<ExtendedData><Data name="级别"><value>国家级</value></Data><Data name="区县"><value>广信区</value></Data></ExtendedData>
<Polygon><outerBoundaryIs><LinearRing><coordinates>${RING.map((p) => p.join(',')).join(' ')}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
<Placemark><name>两块园区</name><MultiGeometry>
<Polygon><outerBoundaryIs><LinearRing><coordinates>117,28 117.1,28 117.1,28.1 117,28</coordinates></LinearRing></outerBoundaryIs></Polygon>
<Polygon><outerBoundaryIs><LinearRing><coordinates>117.2,28 117.3,28 117.3,28.1 117.2,28</coordinates></LinearRing></outerBoundaryIs></Polygon>
</MultiGeometry></Placemark>
<Placemark><name>一条线</name><LineString><coordinates>117,28 118,29</coordinates></LineString></Placemark>
</Document></kml>`;

async function zonesOf(name: string, bytes: Uint8Array, crs: 'wgs84' | 'gcj02' = 'wgs84') {
  const f = await readImportFile(name, bytes);
  expect(f.kind).toBe('zones');
  return importZones(f.table, guessFileMapping('zones', f.table.columns) as ZoneField[], { file: name, crs });
}

describe('zone files', () => {
  it('a damaged zip is refused at once with a message (shpjs alone looped for ever on it)', async () => {
    const bytes = new TextEncoder().encode('PK\u0003\u0004garbage');
    await expect(readImportFile('zones.zip', bytes)).rejects.toThrow(/zip/);
  });

  it('KML (Google Earth / 奥维): names, levels, counties from ExtendedData; MultiGeometry merged; a line rejected', async () => {
    const r = await zonesOf('zones.kml', new TextEncoder().encode(KML));
    expect(r.zones.map((z) => [z.name, z.level, z.county, z.geometry?.type, z.realBoundary])).toEqual([
      ['上饶经济技术开发区', 'national', '361104', 'Polygon', true],
      ['两块园区', 'unknown', '', 'MultiPolygon', true],
    ]);
    expect(r.report).toMatchObject({ kind: 'zones', accepted: 2, rejected: 1 });
    expect(r.report.issues[0]).toMatchObject({ row: 3, code: 'zone-geometry', name: '一条线' });
  });
  it('KMZ: the zipped KML', async () => {
    const r = await zonesOf('zones.kmz', zipSync({ 'doc.kml': new TextEncoder().encode(KML) }));
    expect(r.zones).toHaveLength(2);
  });
  it('zipped Shapefile with a GBK attribute table named by its .cpg', async () => {
    const zip = shapefileZip([
      { ring: RING, name: '上饶经济技术开发区', level: '国家级' },
      { ring: RING.map(([x, y]) => [x + 0.2, y] as [number, number]), name: '铅山工业园区', level: '省级' },
    ]);
    const r = await zonesOf('zones.zip', zip);
    expect(r.zones.map((z) => [z.name, z.level])).toEqual([
      ['上饶经济技术开发区', 'national'],
      ['铅山工业园区', 'provincial'],
    ]);
    expect(r.zones[0]!.geometry).toEqual({ type: 'Polygon', coordinates: [RING] });
  });
  it('GeoJSON polygons in GCJ-02, converted to WGS84 vertex by vertex', async () => {
    const fc = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { 园区名称: '甲园区', 级别: '省级' },
          geometry: { type: 'Polygon', coordinates: [RING] },
        },
      ],
    };
    const r = await zonesOf('z.geojson', new TextEncoder().encode(JSON.stringify(fc)), 'gcj02');
    const p = (r.zones[0]!.geometry as GeoJSON.Polygon).coordinates[0]![0] as [number, number];
    const d = metres(p, RING[0]!);
    expect(d.east).toBeGreaterThan(400);
    expect(d.north).toBeLessThan(-300);
  });
  it('what the import writes reads back through the deployment parser (name-only zones included)', () => {
    const zones: Zone[] = [
      {
        id: 'z1',
        name: '甲',
        nameEn: null,
        level: 'unknown',
        county: '',
        geometry: { type: 'Polygon', coordinates: [RING] },
        precision: 'exact',
        source: 's',
        realBoundary: true,
      },
      {
        id: 'z2',
        name: '乙',
        nameEn: null,
        level: 'unknown',
        county: '361102',
        geometry: null,
        precision: 'none',
        source: 's',
        realBoundary: false,
      },
    ];
    const r = parseZonesGeoJSON(zonesToGeoJSON(zones));
    expect(r.rejected).toEqual([]);
    expect(r.records).toEqual(zones);
  });
});

describe('a zone file under kept enterprises', () => {
  const e = (id: string, zone: string | null): Enterprise => ({
    id,
    name: id,
    nameEn: null,
    stage: 'midstream',
    segment: null,
    county: '361102',
    zone,
    lon: null,
    lat: null,
    precision: 'none',
    source: 's',
    extra: {},
  });
  const z = (id: string, name: string, geometry: Zone['geometry']): Zone => ({
    id,
    name,
    nameEn: null,
    level: 'unknown',
    county: '',
    geometry,
    precision: geometry ? 'exact' : 'none',
    source: 's',
    realBoundary: !!geometry,
  });
  it('memberships follow the zone names into the new polygons; unmatched names stay zones of their own', () => {
    const old = [z('zone-1', '上饶经开区', null), z('zone-2', '无边界园区', null)];
    const fresh = [z('k1', '上饶经开区', { type: 'Polygon', coordinates: [RING] })];
    const r = rejoinZones([e('a', 'zone-1'), e('b', 'zone-2'), e('c', null)], old, fresh);
    expect(r.enterprises.map((x) => x.zone)).toEqual(['k1', 'zone-2', null]);
    expect(r.zones.map((x) => x.id)).toEqual(['k1', 'zone-2']);
  });

  it('a zone carried as a zone of its own keeps its other attributes (issue 7)', () => {
    const old = { ...z('zone-2', '无边界园区', null), extra: { 面积: 3, 备注: '<b>x</b>' } };
    const r = rejoinZones([e('b', 'zone-2')], [old], [z('k1', '上饶经开区', null)]);
    expect(r.zones[1]).toMatchObject({ id: 'zone-2', extra: { 面积: 3, 备注: '<b>x</b>' } });
  });

  it('the same generated id in both files is not the same zone unless it names it (review)', () => {
    // A registry's zones 甲园区 = zone-1, 乙园区 = zone-2; a zone file without ids: 丙园区 = zone-1, 甲园区 = zone-2.
    const old = [z('zone-1', '甲园区', null), z('zone-2', '乙园区', null)];
    const fresh = [
      z('zone-1', '丙园区', { type: 'Polygon', coordinates: [RING] }),
      z('zone-2', '甲园区', { type: 'Polygon', coordinates: [RING] }),
    ];
    const r = rejoinZones([e('厂一', 'zone-1'), e('厂二', 'zone-2'), e('厂三', 'zone-2')], old, fresh);
    // 厂一 follows 甲园区 to its new id; 乙园区 stays a zone of its own under a fresh id (zone-2 is taken).
    expect(r.enterprises.map((x) => x.zone)).toEqual(['zone-2', 'zone-2~2', 'zone-2~2']);
    expect(r.zones.map((x) => [x.id, x.name])).toEqual([
      ['zone-1', '丙园区'],
      ['zone-2', '甲园区'],
      ['zone-2~2', '乙园区'],
    ]);
    expect([...r.renamed]).toEqual([
      ['zone-1', 'zone-2'],
      ['zone-2', 'zone-2~2'],
    ]);
  });
});
