/**
 * A stand-in for Tianditu's tile servers on loopback: answers the same WMTS URL template
 * (`/<layer>_w/wmts?…&LAYER=<layer>&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=<token>`) on any host name
 * (t0.localhost … t7.localhost: Chromium resolves *.localhost to loopback), with a solid PNG per layer.
 * Requests whose Host starts with `missing.` get 404 for everything (a basemap that fails).
 * GET /__requests lists what was asked (host, layer, token), for the tests.
 */
import { createServer, type Server } from 'node:http';
import { solidPng } from './pmtiles-fixture.ts';

export interface TileRequest {
  host: string;
  layer: string;
  token: string;
  z: number;
}

const COLOURS: Record<string, [number, number, number]> = {
  vec: [235, 228, 210],
  img: [120, 150, 110],
  cva: [200, 40, 40],
  eva: [40, 40, 200],
  cia: [200, 40, 40],
  eia: [40, 40, 200],
};

export function startTileServer(): Promise<{ server: Server; port: number }> {
  const log: TileRequest[] = [];
  const tiles = new Map(Object.entries(COLOURS).map(([k, c]) => [k, solidPng(256, c)]));
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const host = req.headers.host ?? '';
    const cors = { 'Access-Control-Allow-Origin': '*' };
    if (url.pathname === '/__requests') {
      res.writeHead(200, { 'Content-Type': 'application/json', ...cors }).end(JSON.stringify(log));
      return;
    }
    const m = /^\/(\w+)_w\/wmts$/.exec(url.pathname);
    const layer = url.searchParams.get('LAYER') ?? '';
    const ok =
      m?.[1] === layer &&
      url.searchParams.get('SERVICE') === 'WMTS' &&
      url.searchParams.get('REQUEST') === 'GetTile' &&
      /^\d+$/.test(url.searchParams.get('TILEMATRIX') ?? '') &&
      /^\d+$/.test(url.searchParams.get('TILEROW') ?? '') &&
      /^\d+$/.test(url.searchParams.get('TILECOL') ?? '');
    log.push({
      host: host.split(':')[0] ?? '',
      layer,
      token: url.searchParams.get('tk') ?? '',
      z: Number(url.searchParams.get('TILEMATRIX')),
    });
    const png = tiles.get(layer);
    if (host.startsWith('missing.') || !ok || !png) {
      res.writeHead(404, { 'Content-Type': 'text/plain', ...cors }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store', ...cors }).end(png);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, port: typeof addr === 'object' && addr ? addr.port : 0 });
    });
  });
}
