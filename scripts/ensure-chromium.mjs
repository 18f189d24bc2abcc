#!/usr/bin/env node
/**
 * Finds the Chromium the end-to-end tests drive (CHROMIUM_PATH, else Debian's /usr/bin/chromium), a
 * CJK font, and Debian's nginx (the tests of deploy/nginx.conf). Where either is missing it installs Debian's packages itself when it can (root with apt),
 * and otherwise stops with the exact command to run. Prints the browser path on success.
 */
import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const APT_CMD = 'apt-get update && apt-get install -y chromium fonts-wqy-microhei nginx';

function hasCjkFont() {
  try {
    return execFileSync('fc-list', [':lang=zh'], { encoding: 'utf8' }).trim().length > 0;
  } catch {
    return false;
  }
}

export function findChromium() {
  const env = process.env.CHROMIUM_PATH;
  if (env) {
    if (!existsSync(env)) throw new Error(`CHROMIUM_PATH=${env} does not exist`);
    return env;
  }
  for (const p of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(p)) return p;
  return null;
}

/** Debian's nginx, for the end-to-end tests of deploy/nginx.conf (it starts no service by itself here). */
export function findNginx() {
  for (const p of ['/usr/sbin/nginx', '/usr/bin/nginx']) if (existsSync(p)) return p;
  return null;
}

export function ensureChromium() {
  let path = findChromium();
  const font = hasCjkFont();
  if (path && font && findNginx()) return path;
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    const what = [!path && 'Chromium', !font && 'a CJK font', !findNginx() && 'nginx']
      .filter(Boolean)
      .join(' and ');
    console.error(
      `\nThe end-to-end tests need ${what}. Install them with:\n\n  sudo sh -c '${APT_CMD}'\n\nor point CHROMIUM_PATH at a Chromium binary.\n`,
    );
    process.exit(1);
  }
  console.log(`[e2e] installing Debian's chromium, a CJK font and nginx: ${APT_CMD}`);
  execSync(APT_CMD, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  path = findChromium();
  if (!path) {
    console.error('[e2e] chromium still not found after apt-get install');
    process.exit(1);
  }
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(ensureChromium());
