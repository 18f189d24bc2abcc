/**
 * `npm run import` (issue 7): the template registries (CSV and XLSX) with a KML of zones, in GCJ-02;
 * prints the same report as the page; writes files that the deployment's loader reads without a
 * rejection, the registry's zone name joined to the KML's polygon.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEnterprisesGeoJSON, parseZonesGeoJSON } from '../../src/data/parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const KML = `<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark>
<name>上饶经济技术开发区</name><ExtendedData><Data name="批准文号"><value>国函〔2010〕103号</value></Data>
<Data name="__proto__"><value>p</value></Data></ExtendedData><Polygon><outerBoundaryIs><LinearRing>
<coordinates>117.9,28.4 118.1,28.4 118.1,28.5 117.9,28.5 117.9,28.4</coordinates>
</LinearRing></outerBoundaryIs></Polygon></Placemark></Document></kml>`;

function run(...args: string[]): string {
  return execFileSync(process.execPath, ['--import', 'tsx', 'scripts/import.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('npm run import', () => {
  for (const template of ['registry-template.csv', 'registry-template.xlsx']) {
    it(`imports ${template} with zones, reports, and writes deployment files`, () => {
      const dir = mkdtempSync(join(tmpdir(), 'belt-import-'));
      writeFileSync(join(dir, 'parks.kml'), KML);
      const out = run(
        `geodata/templates/${template}`,
        '--crs',
        'gcj02',
        '--zones',
        join(dir, 'parks.kml'),
        '--out',
        dir,
      );
      expect(out).toContain('parks.kml: zones, 1 rows: 1 accepted');
      expect(out).toContain(`${template}: enterprises, 3 rows: 3 accepted (1 unlocated), 0 rejected`);
      expect(out).toMatch(/warning\s+\[所属区县\] row 4: county '上饶县'/);
      const ents = parseEnterprisesGeoJSON(readFileSync(join(dir, 'enterprises.geojson'), 'utf8'));
      const zones = parseZonesGeoJSON(readFileSync(join(dir, 'zones.geojson'), 'utf8'));
      expect(ents.rejected).toEqual([]);
      expect(zones.rejected).toEqual([]);
      expect(ents.records[0]!.zone).toBe(zones.records[0]!.id);
      expect(zones.records[0]!.realBoundary).toBe(true);
      // The KML's other attributes are written with the zone and read back (issue 7).
      expect(Object.entries(zones.records[0]!.extra ?? {})).toEqual([
        ['批准文号', '国函〔2010〕103号'],
        ['__proto__', 'p'],
      ]);
      // Template row 2 is GCJ-02 (高德) like the file; row 3 says WGS84 in its 坐标系 column.
      expect(ents.records[0]!.lon).toBeLessThan(117.975);
      expect(ents.records[1]!.lon).toBeCloseTo(117 + 54 / 60 + 30 / 3600, 9);
    });
  }
  it('a bad option is an error with the usage', () => {
    expect(() => run('geodata/templates/registry-template.csv', '--crs', 'mars')).toThrow(
      /--crs must be one of/,
    );
  });

  it('a file it cannot read ends with a message naming it, not a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'belt-import-'));
    const bad = join(dir, 'not-a-collection.geojson');
    writeFileSync(bad, JSON.stringify({ a: 1 }));
    let err = '';
    try {
      run(bad);
    } catch (e) {
      err = String((e as { stderr?: string }).stderr);
      expect((e as { status?: number }).status).toBe(1);
    }
    expect(err).toContain(`${bad}: `);
    expect(err).not.toMatch(/\n\s+at /);
  });
});
