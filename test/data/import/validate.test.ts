import { describe, expect, it } from 'vitest';
import { parseCoordinate } from '../../../src/data/import/coordinates.ts';
import type { Zone } from '../../../src/data/types.ts';
import { importText, metres } from './helpers.ts';

const H = '企业名称,经度,纬度,产业链环节,细分行业,所属区县,所属园区,坐标系,定位精度,统一社会信用代码';
const issues = (r: Awaited<ReturnType<typeof importText>>) =>
  r.report.issues.map((i) => [i.kind, i.row, i.column ?? '', i.code]);

describe('rejections name the spreadsheet row, the column and the reason', () => {
  it('no name; unreadable, out-of-range, half or swapped coordinates; unknown crs', async () => {
    const r = await importText(
      [
        H,
        ',117.9,28.4,,,,,,,',
        '坏经度,东117,28.4,,,,,,,',
        '超范围,190,28.4,,,,,,,',
        '只有经度,117.9,,,,,,,,',
        '填反了,28.45,117.97,,,,,,,',
        '坐标系不明,117.9,28.4,,,,,火星2,,',
        '好的,117.9,28.4,,,,,,,',
      ].join('\n'),
    );
    expect(issues(r).filter((i) => i[0] === 'rejected')).toEqual([
      ['rejected', 2, '企业名称', 'name-missing'],
      ['rejected', 3, '经度', 'coord-unreadable'],
      ['rejected', 4, '经度', 'coord-range'],
      ['rejected', 5, '纬度', 'coord-half'],
      ['rejected', 6, '纬度', 'coord-range'],
      ['rejected', 7, '坐标系', 'crs-unknown'],
    ]);
    expect(r.report.issues.find((i) => i.row === 6)!.message).toMatch(/look swapped/);
    expect(r.report.issues.find((i) => i.row === 4)!.message).not.toMatch(/swapped/);
    expect(r.report).toMatchObject({ rows: 7, accepted: 1, rejected: 6, unlocated: 0 });
  });
});

describe('kept with warnings (nothing is lost)', () => {
  it('unlocated rows are kept and listed', async () => {
    const r = await importText(`${H}\n无坐标,,,中游,,,,,,`);
    expect(r.records[0]).toMatchObject({ name: '无坐标', lon: null, lat: null, precision: 'none' });
    expect(issues(r)).toEqual([['unlocated', 2, '', 'unlocated']]);
  });
  it('far outside Shangrao: kept, warned, with the swap hint when swapping would fit', async () => {
    const r = await importText(`${H}\n北京,116.4,39.9,,,,,,,\n反了但在范围内,28.4,80,,,,,,,`);
    expect(r.records).toHaveLength(2);
    expect(issues(r)).toEqual([
      ['warning', 2, '经度', 'far'],
      ['warning', 3, '经度', 'far'],
    ]);
  });
  it('duplicate credit codes, names and ids: kept, warned; a repeated id gets a new one', async () => {
    const r = await importText(
      'id,name,统一社会信用代码\na,甲,91361100MA0000000X\na,乙,91361100ma0000000x\nb,甲,\n',
    );
    expect(r.records.map((e) => e.id)).toEqual(['a', 'a~3', 'b']);
    expect(issues(r).filter((i) => i[0] === 'warning')).toEqual([
      ['warning', 3, 'id', 'duplicate-id'],
      ['warning', 3, '统一社会信用代码', 'duplicate-credit-code'],
      ['warning', 4, 'name', 'duplicate-name'],
    ]);
    // The credit code stays a column of the record, unchanged.
    expect(r.records[1]!.extra.统一社会信用代码).toBe('91361100ma0000000x');
  });
  it('unknown stage, segment, county, precision: kept with the value as in the source', async () => {
    const r = await importText(`${H}\n甲,117.9,28.4,中上游,炼金术,北京市,,,大概,`);
    const e = r.records[0]!;
    expect(e).toMatchObject({ stage: 'unclassified', segment: null, county: null, precision: 'street' });
    expect(e.extra).toMatchObject({
      stage_as_in_source: '中上游',
      segment_as_in_source: '炼金术',
      county_as_in_source: '北京市',
      precision_as_in_source: '大概',
    });
    expect(issues(r).map((i) => i[3])).toEqual([
      'segment-unknown',
      'stage-unknown',
      'county-unknown',
      'precision-unknown',
    ]);
  });
  it('a segment of another stage is kept as in the source, the stage as given', async () => {
    const r = await importText(`${H}\n甲,117.9,28.4,上游,电线电缆,,,,,`);
    expect(r.records[0]).toMatchObject({ stage: 'upstream', segment: null });
    expect(issues(r).map((i) => i[3])).toEqual(['segment-stage']);
  });
});

describe('vocabulary', () => {
  it.each([
    ['上游', 'upstream'],
    ['upstream', 'upstream'],
    ['Raw materials', 'upstream'],
    ['中游·冶炼铸造加工', 'midstream'],
    ['冶炼', 'midstream'],
    ['MIDSTREAM', 'midstream'],
    ['下游', 'downstream'],
    ['应用', 'downstream'],
    ['配套服务', 'support'],
    ['support', 'support'],
  ])('stage %s → %s', async (v, s) => {
    expect((await importText(`name,stage\n甲,${v}\n`)).records[0]!.stage).toBe(s);
  });
  it.each([
    ['铜材加工', 'processing'],
    ['processing', 'processing'],
    ['漆包线', 'wire-cable'],
    ['电线电缆', 'wire-cable'],
    ['wire & cable', 'wire-cable'],
    ['废铜', 'scrap'],
    ['熔铸(铜杆/铜锭)', 'casting'],
    ['New Energy', 'new-energy'],
    ['物流', 'logistics'],
  ])('segment %s → %s (stage from the segment)', async (v, s) => {
    const e = (await importText(`name,segment\n甲,"${v}"\n`)).records[0]!;
    expect(e.segment).toBe(s);
    expect(e.stage).not.toBe('unclassified');
  });
  it.each([
    ['广信区', '361104', false],
    ['广信', '361104', false],
    ['Guangxin District', '361104', false],
    ['361104', '361104', false],
    ['上饶县', '361104', true],
    ['361121', '361104', true],
    ['361102000000', '361102', false],
    ['德兴市', '361181', false],
  ])('county %s → %s', async (v, code, former) => {
    const r = await importText(`name,county\n甲,${v}\n`);
    expect(r.records[0]!.county).toBe(code);
    expect(r.report.issues.some((i) => i.code === 'county-former')).toBe(former);
  });
  it('precision: the column, else the file’s choice, else street', async () => {
    const r = await importText('name,lon,lat,定位精度\n甲,117.9,28.4,乡镇\n乙,117.9,28.4,\n', {
      precision: 'township',
    });
    expect(r.records.map((e) => e.precision)).toEqual(['township', 'township']);
    const d = await importText('name,lon,lat\n甲,117.9,28.4\n');
    expect(d.records[0]!.precision).toBe('street');
  });
});

describe('coordinate systems, against the reference offset near Shangrao (SOURCES.md)', () => {
  // gcoord 1.0.7 at 118 E, 28.5 N: GCJ-02 → WGS84 moves about 500 m west and 360 m north... stated as the
  // GCJ-02 point lying ≈ 500 m east and 360 m south of the WGS84 point.
  it('GCJ-02 (the file’s choice) → WGS84', async () => {
    const r = await importText('name,lon,lat\n甲,118,28.5\n', { crs: 'gcj02' });
    const e = r.records[0]!;
    const d = metres([e.lon!, e.lat!], [118, 28.5]);
    expect(d.east).toBeGreaterThan(450);
    expect(d.east).toBeLessThan(560);
    expect(d.north).toBeLessThan(-310);
    expect(d.north).toBeGreaterThan(-410);
  });
  it('a crs/坐标系 column overrides the file’s choice row by row', async () => {
    const r = await importText(
      'name,lon,lat,坐标系\n高德,118,28.5,高德\n腾讯,118,28.5,腾讯\n百度,118,28.5,百度\nBD,118,28.5,BD-09\nGPS,118,28.5,WGS84\n国家,118,28.5,CGCS2000\n空,118,28.5,\n',
      { crs: 'gcj02' },
    );
    const [amap, tencent, baidu, bd, gps, cgcs, blank] = r.records;
    expect(tencent!.lon).toBe(amap!.lon);
    expect(bd!.lon).toBe(baidu!.lon);
    expect([gps!.lon, gps!.lat]).toEqual([118, 28.5]);
    expect([cgcs!.lon, cgcs!.lat]).toEqual([118, 28.5]);
    expect([blank!.lon, blank!.lat]).toEqual([amap!.lon, amap!.lat]);
    // BD-09 adds Baidu's own ≈ 0.0065° / 0.006° on top of GCJ-02: the BD-09 point lies ≈ 1.1 km from GCJ-02's.
    const d = metres([baidu!.lon!, baidu!.lat!], [amap!.lon!, amap!.lat!]);
    expect(Math.hypot(d.east, d.north)).toBeGreaterThan(600);
    expect(Math.hypot(d.east, d.north)).toBeLessThan(1200);
  });
  it('a GeoJSON file is WGS84 unless the user says GCJ-02', async () => {
    const { readImportFile, guessFileMapping } = await import('../../../src/data/import/read.ts');
    const { importEnterprises } = await import('../../../src/data/import/enterprises.ts');
    const fc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'a' }, geometry: { type: 'Point', coordinates: [118, 28.5] } },
      ],
    };
    const f = await readImportFile('a.geojson', new TextEncoder().encode(JSON.stringify(fc)));
    const m = guessFileMapping(f.kind, f.table.columns) as never;
    expect(importEnterprises(f.table, m, { file: 'a' }).records[0]).toMatchObject({ lon: 118, lat: 28.5 });
    expect(importEnterprises(f.table, m, { file: 'a', crs: 'gcj02' }).records[0]!.lon).toBeLessThan(118);
  });
});

describe('degrees, minutes, seconds where unambiguous', () => {
  it.each([
    ['117°58′30″E', 'lon', 117.975],
    ['117°58\'30"', 'lon', 117.975],
    ['117度58分30秒', 'lon', 117.975],
    ['东经117°58.5′', 'lon', 117.975],
    ['28°27′N', 'lat', 28.45],
    ['北纬28.45', 'lat', 28.45],
    ['28.45N', 'lat', 28.45],
    ['117.975', 'lon', 117.975],
    ['117°S', 'lon', undefined], // S on a longitude
    ['117 58 30', 'lon', undefined], // no marks: not guessed
    ['117°61′', 'lon', undefined],
    ['117.5°30′', 'lon', undefined],
    ['北纬117', 'lon', undefined],
  ] as const)('%s', (s, axis, v) => {
    const got = parseCoordinate(s, axis);
    if (v === undefined) expect(got).toBeUndefined();
    else expect(got).toBeCloseTo(v, 9);
  });
});

describe('zones named in the registry (domain.md)', () => {
  const square = [
    [117.9, 28.4],
    [118, 28.4],
    [118, 28.5],
    [117.9, 28.4],
  ];
  const zone = (id: string, name: string): Zone =>
    ({
      id,
      name,
      nameEn: null,
      level: 'provincial',
      county: '361102',
      precision: 'exact',
      source: 's',
      realBoundary: true,
      geometry: { type: 'Polygon', coordinates: [square] },
    }) as Zone;
  it('match an id, or a name after trimming and full-width normalisation; else a zone of its own', async () => {
    const r = await importText('name,所属园区\n甲,z1\n乙, 上饶经开区１ \n丙,新园区\n丁,新园区\n', {
      zones: [zone('z1', '某园区'), zone('z2', '上饶经开区1')],
    });
    expect(r.records.map((e) => e.zone)).toEqual(['z1', 'z2', 'reg-zone-3', 'reg-zone-3']);
    expect(r.zones.slice(2)).toEqual([
      expect.objectContaining({
        id: 'reg-zone-3',
        name: '新园区',
        geometry: null,
        precision: 'none',
        realBoundary: false,
      }),
    ]);
    expect(r.report.issues.filter((i) => i.code === 'zone-new').map((i) => i.row)).toEqual([4]);
  });
  it('a zone of its own keeps its name as first written; full-width and padded spellings join it', async () => {
    const r = await importText('name,所属园区\n甲,"  新园区Ａ　"\n乙,新园区A\n丙,新园区Ａ \n', {
      zones: [zone('z1', '某园区')],
    });
    expect(r.records.map((e) => e.zone)).toEqual(['reg-zone-2', 'reg-zone-2', 'reg-zone-2']);
    expect(r.zones.map((z) => z.name)).toEqual(['某园区', '  新园区Ａ　']);
    expect(r.report.issues.filter((i) => i.code === 'zone-new').map((i) => i.row)).toEqual([2]);
  });
});
