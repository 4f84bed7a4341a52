import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.map': 'application/json',
};

/** The repository root: the nearest folder with a package.json (from src/web or dist/src/web). */
function projectRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

/** The built app (`vite build` writes dist/web); WEB_DIST_DIR overrides it. */
export class WebFiles {
  readonly dir: string;
  private index: Buffer | null = null;

  constructor(dir = process.env.WEB_DIST_DIR || join(projectRoot(), 'dist', 'web')) {
    this.dir = dir;
  }

  /** index.html, read once; null when the app has not been built. */
  indexHtml(): Buffer | null {
    if (!this.index) {
      const p = join(this.dir, 'index.html');
      if (!existsSync(p)) return null;
      this.index = readFileSync(p);
    }
    return this.index;
  }

  /** One file of the flat assets folder, by a plain file name (no path, no dot-files). */
  asset(assetsDir: string, name: string): { body: Buffer; type: string } | null {
    if (!/^[\w-][\w.-]*$/.test(name) || name.includes('..')) return null;
    const type = TYPES[extname(name)];
    const p = join(this.dir, assetsDir, name);
    if (!type || !existsSync(p)) return null;
    return { body: readFileSync(p), type };
  }
}
