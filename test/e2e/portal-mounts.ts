/**
 * The test server's mounts for issue 9 (basemaps, hostile configs) and the example portal page
 * (examples/portal.html and its script), served from the test server's origin.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP, type Mount } from './server.ts';

/** The strict CSP plus one tile host, as README "Deploying in a portal" tells an administrator. */
export function cspWithTiles(origin: string): string {
  return CSP.replace("img-src 'self' data: blob:", `img-src 'self' data: blob: ${origin}`).replace(
    "connect-src 'self'",
    `connect-src 'self' ${origin}`,
  );
}

export const HOSTILE_ATTRIBUTION = '<img src=x data-evil=1><b>bold</b> & "quotes"';

export function portalMounts(tilePort: number, pmtiles: string): Mount[] {
  const dir = mkdtempSync(join(tmpdir(), 'belt-portal-'));
  const notFc = join(dir, 'not-fc.json');
  writeFileSync(notFc, JSON.stringify({ type: 'Feature', properties: {}, geometry: null }));
  const tiles = `http://*.localhost:${tilePort}`;
  const cfg = (o: unknown) => JSON.stringify(o);
  return [
    {
      prefix: '/tianditu/',
      csp: cspWithTiles(tiles),
      configOverride: cfg({
        basemap: {
          type: 'tianditu',
          token: 'tdt-test-token',
          layer: 'img',
          host: `http://t{s}.localhost:${tilePort}`,
        },
      }),
    },
    {
      prefix: '/tiles404/',
      csp: cspWithTiles(tiles),
      configOverride: cfg({
        basemap: { type: 'tianditu', token: 'x', host: `http://missing.localhost:${tilePort}` },
      }),
    },
    {
      prefix: '/pmtiles-missing/',
      configOverride: cfg({ basemap: { type: 'pmtiles', url: 'tiles/none.pmtiles', attribution: 'none' } }),
    },
    {
      prefix: '/attrib/',
      files: { 'tiles/basemap.pmtiles': pmtiles },
      configOverride: cfg({
        basemap: { type: 'pmtiles', url: 'tiles/basemap.pmtiles', attribution: HOSTILE_ATTRIBUTION },
      }),
    },
    {
      prefix: '/hostile-urls-a/',
      configOverride: cfg({
        data: {
          enterprises: `\\\\evil.localhost:${tilePort}\\x.geojson`,
          zones: `/\\evil.localhost:${tilePort}/z`,
        },
      }),
    },
    {
      prefix: '/hostile-urls-b/',
      configOverride: cfg({
        data: {
          enterprises: ` //evil.localhost:${tilePort}/x.geojson`,
          zones: `\thttp://evil.localhost:${tilePort}/z.geojson`,
        },
      }),
    },
    {
      prefix: '/notfc/',
      files: { 'data/not-fc.json': notFc },
      configOverride: cfg({ data: { enterprises: 'data/not-fc.json' } }),
    },
  ];
}

/** examples/portal.html and examples/portal.js, as the portal's own web server would serve them. */
export function examplePortal(root: string): Record<string, string> {
  return Object.fromEntries(
    ['portal.html', 'portal.js', 'portal.css'].map((f) => [
      `/examples/${f}`,
      readFileSync(join(root, 'examples', f), 'utf8'),
    ]),
  );
}
