import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildOnce, ChildService, startChild } from '../support/child-service';

/**
 * The embedded default as a newcomer meets it: the built service, no DATABASE_URL and no
 * REDIS_URL, in a child process (PGlite cannot start inside jest's sandbox).
 */
describe('the embedded default (npm start with no services)', () => {
  let dataDir: string;
  let service: ChildService | undefined;

  beforeAll(() => {
    buildOnce();
    dataDir = mkdtempSync(join(tmpdir(), 'regcut-smoke-'));
  }, 180_000);
  afterAll(async () => {
    await service?.stop('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts, serves health, docs and the OpenAPI document, and keeps its data across a restart', async () => {
    const env = { DATA_DIR: dataDir };
    service = await startChild(env);
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    expect((await fetch(`${service.url}/docs/`)).status).toBe(200);
    const doc = await (await fetch(`${service.url}/openapi.json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    const missing = await fetch(`${service.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);

    // A second process on the same data directory is refused while the first runs.
    await expect(startChild(env, 'main', 20_000)).rejects.toThrow(/in use by process/);

    expect(await service.stop('SIGTERM')).toBe(0);
    service = await startChild(env);
    expect(service.output()).not.toMatch(/applied migrations/);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
  }, 180_000);
});
