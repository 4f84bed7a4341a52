import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_SECTIONS, PAGE_CSP } from '../../src/web/app-paths';
import { createTestApp, TestApp } from '../support/test-app';

/** The service serves the SPA on its own paths only; the API, /docs and /health stay as they are. */
describe('web app serving (src/web)', () => {
  let t: TestApp;
  const dist = mkdtempSync(join(tmpdir(), 'regcut-web-'));

  beforeAll(async () => {
    // A stand-in build: what matters here is which paths get it, not what Vite wrote.
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)');
    process.env.WEB_DIST_DIR = dist;
    t = await createTestApp();
  });
  afterAll(async () => {
    delete process.env.WEB_DIST_DIR;
    await t.close();
  });

  it.each(['/', '/login', '/login?next=%2Fbo-nganh', ...APP_SECTIONS.map((s) => `/${s}/a/b`)])(
    'answers %s with the app, under a CSP without inline scripts',
    async (path) => {
      const res = await t.http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('<div id="root">');
      expect(res.headers['content-security-policy']).toBe(PAGE_CSP);
      expect(res.headers['content-security-policy']).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    },
  );

  it('serves the hashed assets with their type, and nothing outside the assets folder', async () => {
    const js = await t.http.get('/assets/index-abc123.js').expect(200);
    expect(js.headers['content-type']).toMatch(/text\/javascript/);
    expect(js.headers['cache-control']).toContain('immutable');
    for (const bad of ['/assets/missing.js', '/assets/..%2Findex.html', '/assets/.env']) {
      const res = await t.http.get(bad);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('never shadows the API: unknown API paths stay problem+json 404s; docs and health work', async () => {
    for (const path of ['/regulations/x/unknown', '/reports/nope', '/nope', '/me/x/y']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    await t.http.get('/health/live').expect(200);
    const doc = await t.http.get('/openapi.json').expect(200);
    expect(Object.keys(doc.body.paths).some((p) => p.startsWith('/tra-cuu'))).toBe(false);
    const docs = await t.http.get('/docs/').expect(200);
    expect(docs.text).toContain('swagger');
    // API routes keep helmet's own policy (the docs page needs its inline scripts).
    expect(docs.headers['content-security-policy']).not.toBe(PAGE_CSP);
    const api = await t.http.get('/regulations').expect(200);
    expect(api.headers['content-type']).toMatch(/json/);
    expect(api.headers['x-frame-options']).toBeDefined();
  });
});
