#!/usr/bin/env node
// `npm start` on a fresh clone: compile once, and again whenever a source file is newer than the
// build: the service (src/, migrations/ → dist/src) and the web app (web/ → dist/web) apart.
const { execSync } = require('node:child_process');
const { existsSync, mkdirSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');

function newestMtime(dir, exts) {
  let newest = 0;
  if (!existsSync(dir)) return newest;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p, exts));
    else if (exts.some((e) => entry.name.endsWith(e)))
      newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const stale = (marker, sources) => !existsSync(marker) || statSync(marker).mtimeMs < sources;
const lockfile = mtime(join(root, 'package-lock.json'));

// Parallel test workers (and a start beside them) may all ask at once: one builds, the others wait
// for it and then find the build fresh. A lock directory older than 10 minutes is a crashed build's.
const lockDir = join(root, 'dist', '.build-lock');
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
function lock() {
  mkdirSync(join(root, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lockDir);
      return;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      if (Date.now() - mtime(lockDir) > 10 * 60_000)
        rmSync(lockDir, { recursive: true, force: true });
      else sleep(250);
    }
  }
}

function build() {
  const serviceSources = Math.max(
    newestMtime(join(root, 'src'), ['.ts']),
    newestMtime(join(root, 'migrations'), ['.ts']),
    lockfile,
  );
  if (stale(join(root, 'dist', 'src', 'main.js'), serviceSources)) {
    console.error('regcut: building the service (nest build)…');
    execSync('npx nest build', { cwd: root, stdio: 'inherit' });
  }

  // The app also imports pure modules of the service (src/costing/domain, src/web/app-paths.ts).
  const webSources = Math.max(
    newestMtime(join(root, 'web'), ['.ts', '.tsx', '.css', '.html', '.svg']),
    newestMtime(join(root, 'src', 'costing', 'domain'), ['.ts']),
    mtime(join(root, 'src', 'web', 'app-paths.ts')),
    lockfile,
  );
  if (stale(join(root, 'dist', 'web', 'index.html'), webSources)) {
    console.error('regcut: building the web app (vite build)…');
    execSync('npx vite build -c web/vite.config.mts --logLevel warn', {
      cwd: root,
      stdio: 'inherit',
    });
  }
}

lock();
try {
  build();
} finally {
  rmSync(lockDir, { recursive: true, force: true });
}
