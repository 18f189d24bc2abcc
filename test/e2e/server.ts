/**
 * A static server for the built site that behaves like a strict government portal: it serves dist/
 * under a sub-path with the Content-Security-Policy of contract.md, and answers 404 for anything else.
 * Mounts: /portal/belt/ (the site as built), /badcfg/ (same site, malformed belt.config.json),
 * /embedcfg/ (same site, a config that allows the test portal origin).
 */
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

export const CSP =
  "default-src 'self'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.geojson': 'application/geo+json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface Mount {
  prefix: string;
  /** Serve from this folder instead of the default one. */
  root?: string;
  /** belt.config.json served instead of the built one; `{PORT}` is replaced by the server's port. */
  configOverride?: string;
  /** A Content-Security-Policy other than CSP (a deployment that allows a tile host). */
  csp?: string;
  /** Extra files: path below the prefix → file on disk. */
  files?: Record<string, string>;
}

export function startServer(
  dist: string,
  mounts: Mount[],
  extra?: Record<string, string>,
): Promise<{ server: Server; port: number }> {
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (extra && url.pathname in extra) {
      const type = TYPES[extname(url.pathname)] ?? 'text/html; charset=utf-8';
      res.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' });
      res.end(extra[url.pathname]!.replaceAll('{PORT}', String(req.socket.localPort)));
      return;
    }
    // A portal page holding nothing but the code given (the embed-code snippet "as pasted").
    if (url.pathname === '/pasted.html') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(
        `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>pasted</title><link rel="icon" href="data:,"></head><body><main>${url.searchParams.get('code') ?? ''}</main></body></html>`,
      );
      return;
    }
    const m = mounts.find((mt) => url.pathname.startsWith(mt.prefix));
    if (!m) {
      res.writeHead(404).end('not found');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(m.prefix.length)) || 'index.html';
    if (rel.endsWith('/')) rel += 'index.html';
    const root = m.root ?? dist;
    const extraFile = m.files?.[rel];
    const file = extraFile ?? normalize(join(root, rel));
    if (!extraFile && !file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': m.csp ?? CSP,
      'Cache-Control': 'no-store',
    };
    if (rel === 'belt.config.json' && m.configOverride !== undefined) {
      res.writeHead(200, headers).end(m.configOverride.replaceAll('{PORT}', String(req.socket.localPort)));
      return;
    }
    try {
      const body = await readFile(file);
      // HTTP byte serving (PMTiles archives are read by Range requests).
      const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
      if (range) {
        const start = Number(range[1]);
        const end = Math.min(range[2] ? Number(range[2]) : body.length - 1, body.length - 1);
        if (start > end) {
          res.writeHead(416, { 'Content-Range': `bytes */${body.length}` }).end();
          return;
        }
        res
          .writeHead(206, {
            ...headers,
            'Content-Range': `bytes ${start}-${end}/${body.length}`,
            'Accept-Ranges': 'bytes',
          })
          .end(body.subarray(start, end + 1));
        return;
      }
      res.writeHead(200, { ...headers, 'Accept-Ranges': 'bytes' }).end(body);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const addr = server.address();
      resolve({ server, port: typeof addr === 'object' && addr ? addr.port : 0 });
    });
  });
}
