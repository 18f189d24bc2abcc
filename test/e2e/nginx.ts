/**
 * Debian's nginx running deploy/nginx.conf for the end-to-end tests: the file as shipped, with only its
 * EDIT lines changed (port, alias, portals), inside a minimal nginx.conf of our own (foreground, pid,
 * logs and temp paths in a temp folder, toolchain.md). The site is the built dist/, copied once with a
 * belt.config.json that allows the test portal; one nginx process serves a whole test file.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
// @ts-expect-error plain ES module without types
import { findNginx } from '../../scripts/ensure-chromium.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

export const SUB_PATH = '/portal/belt/';

export interface Nginx {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The site's folder (a copy of dist/). */
  site: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => res(port));
    });
  });
}

/** deploy/nginx.conf with its EDIT lines set; throws when one of them is not found (the file changed). */
export function configure(
  text: string,
  o: { port: number; site: string; portals: readonly string[] },
): string {
  const edits: [RegExp, string][] = [
    [/^(\s*)listen 80;.*$/m, `$1listen 127.0.0.1:${o.port};`],
    [/^(\s*)alias \/srv\/belt\/dist\/;.*$/m, `$1alias ${o.site}/;`],
    [/^(\s*)set \$belt_portals ".*";.*$/m, `$1set $belt_portals "${o.portals.join(' ')}";`],
  ];
  let out = text;
  for (const [re, by] of edits) {
    if (!re.test(out)) throw new Error(`deploy/nginx.conf: no line matches ${re}`);
    out = out.replace(re, by);
  }
  return out;
}

export async function startNginx(opts: {
  portals: readonly string[];
  /** belt.config.json of the site (default: the built one). */
  config?: unknown;
  /** Extra files: path in the site → content. */
  files?: Record<string, Buffer | string>;
}): Promise<Nginx> {
  const bin = findNginx();
  if (!bin) throw new Error('nginx not found (scripts/ensure-chromium.mjs installs Debian nginx)');
  const dir = mkdtempSync(join(tmpdir(), 'belt-nginx-'));
  // nginx's workers run as an unprivileged user: the folders must be readable by it.
  chmodSync(dir, 0o755);
  const site = join(dir, 'site');
  cpSync(resolve(ROOT, 'dist'), site, { recursive: true });
  if (opts.config !== undefined) writeFileSync(join(site, 'belt.config.json'), JSON.stringify(opts.config));
  for (const [p, body] of Object.entries(opts.files ?? {})) {
    mkdirSync(join(site, p, '..'), { recursive: true });
    writeFileSync(join(site, p), body);
  }
  const port = await freePort();
  const server = configure(readFileSync(resolve(ROOT, 'deploy/nginx.conf'), 'utf8'), {
    port,
    site,
    portals: opts.portals,
  });
  writeFileSync(join(dir, 'belt-map.conf'), server);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((k) => `  ${k}_temp_path ${join(dir, `${k}-temp`)};`)
    .join('\n');
  const main = join(dir, 'nginx.conf');
  writeFileSync(
    main,
    `daemon off;
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
${temp}
  include ${join(dir, 'belt-map.conf')};
}
`,
  );
  const args = ['-c', main, '-p', dir, '-e', join(dir, 'error.log')];
  execFileSync(bin, ['-t', '-q', ...args], { stdio: 'pipe' });
  const proc: ChildProcess = spawn(bin, args, { stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${origin}${SUB_PATH}`);
      break;
    } catch (e) {
      if (i > 100 || proc.exitCode !== null)
        throw new Error(`nginx did not start: ${String(e)}\n${readFileSync(join(dir, 'error.log'), 'utf8')}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    origin,
    site,
    stop: () =>
      new Promise<void>((res) => {
        if (proc.exitCode !== null) return res();
        proc.once('exit', () => res());
        proc.kill('SIGTERM');
      }),
  };
}
