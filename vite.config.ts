import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import solid from 'vite-plugin-solid';

const GEODATA = resolve(import.meta.dirname, 'geodata');

/** Data files shipped from geodata/ (served under data/ in dev, copied to dist/data/ in builds). */
function geodataFiles(): string[] {
  try {
    return readdirSync(GEODATA).filter((f) => /\.(geojson|json)$/.test(f));
  } catch {
    return [];
  }
}

/** Serves geodata/*.geojson as ./data/* in dev and emits them into the build: one source of truth. */
function geodata(): Plugin {
  return {
    name: 'belt-geodata',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const m = /\/data\/([\w.-]+\.(?:geojson|json))(?:\?.*)?$/.exec(req.url ?? '');
        const file = m?.[1] ? join(GEODATA, m[1]) : null;
        if (!file || !statSync(file, { throwIfNoEntry: false })?.isFile()) return next();
        res.setHeader('Content-Type', 'application/geo+json; charset=utf-8');
        createReadStream(file).pipe(res);
      });
    },
    generateBundle() {
      for (const f of geodataFiles()) {
        this.emitFile({ type: 'asset', fileName: `data/${f}`, source: readFileSync(join(GEODATA, f)) });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [solid(), geodata()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200, sourcemap: false },
  server: { port: 5173, host: '127.0.0.1' },
  preview: { port: 4173, host: '127.0.0.1' },
});
