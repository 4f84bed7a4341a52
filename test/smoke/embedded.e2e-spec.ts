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
    const env = {
      DATA_DIR: dataDir,
      ADMIN_EMAIL: 'root@regcut.local',
      ADMIN_PASSWORD: 'first-start-password',
    };
    service = await startChild(env);
    expect((await fetch(`${service.url}/health/live`)).status).toBe(200);
    // A short banner, not Nest's route-mapping lines.
    expect(service.output()).toMatch(/regcut is running at http:\/\/localhost:\d+/);
    expect(service.output()).toContain('/docs');
    expect(service.output()).not.toMatch(/RouterExplorer|Mapped \{/);
    expect((await fetch(`${service.url}/docs/`)).status).toBe(200);
    const doc = (await (await fetch(`${service.url}/openapi.json`)).json()) as { openapi: string };
    expect(doc.openapi).toMatch(/^3\./);
    const missing = await fetch(`${service.url}/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/problem\+json/);

    const login = await fetch(`${service.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'root@regcut.local', password: 'first-start-password' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const agency = await fetch(`${service.url}/agencies`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${accessToken}` },
      body: JSON.stringify({ code: 'SMOKE', name: 'Tỉnh Thử nghiệm', kind: 'province' }),
    });
    expect(agency.status).toBe(201);
    const { id } = (await agency.json()) as { id: string };

    // A second process on the same data directory is refused while the first runs.
    await expect(startChild(env, 'main', 20_000)).rejects.toThrow(/in use by process/);

    expect(await service.stop('SIGTERM')).toBe(0);
    service = await startChild(env);
    expect(service.output()).not.toMatch(/applied migrations/);
    expect((await fetch(`${service.url}/health/ready`)).status).toBe(200);
    // The agency written before the restart is there, and the token (signed with the secret kept
    // in DATA_DIR) still works.
    const again = await fetch(`${service.url}/agencies/${id}`, {
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(again.status).toBe(200);
    expect(((await again.json()) as { name: string }).name).toBe('Tỉnh Thử nghiệm');
    // The demo register is public where the demo ministries submitted regulations for review.
    const publicList = (await (await fetch(`${service.url}/regulations?state=review`)).json()) as {
      items: unknown[];
    };
    expect(publicList.items.length).toBeGreaterThanOrEqual(4);
    // …and two demo consultations are open, closing within days.
    const open = (await (await fetch(`${service.url}/consultations?status=open`)).json()) as {
      items: unknown[];
    };
    expect(open.items.length).toBe(4);
    // Demo logins are seeded in the embedded mode.
    const demo = await fetch(`${service.url}/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'officer.byt@demo.regcut.vn', password: 'regcut-demo-2026' }),
    });
    expect(demo.status).toBe(200);
    const { accessToken: officerToken } = (await demo.json()) as { accessToken: string };
    // The demo register: the ministry's drafts are there for its officer.
    const regs = await fetch(`${service.url}/regulations?search=thu%20tuc%20cong%20bo`, {
      headers: { Authorization: `Bearer ${officerToken}` },
    });
    const body = (await regs.json()) as { items: Array<{ title: string; stateName: string }> };
    expect(body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ title: 'Thủ tục tự công bố sản phẩm' })]),
    );
  }, 180_000);
});
