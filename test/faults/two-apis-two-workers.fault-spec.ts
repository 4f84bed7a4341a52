import { buildOnce, ChildService } from '../support/child-service';
import { OwnPostgres, OwnRedis, serviceEnv, startChild } from './harness';
import { runLoad } from './load';
import { seedRegulations, seedUser } from './seed';

describe('fault: two API processes and two workers on one database and Redis, 50 clients', () => {
  const pg = new OwnPostgres();
  const redis = new OwnRedis();
  const apis: ChildService[] = [];
  const workers: ChildService[] = [];
  const env = () => serviceEnv(pg, redis);

  beforeAll(async () => {
    buildOnce();
    await pg.init();
    await redis.start();
    // Both API processes start together: migrations run once, under the advisory lock.
    apis.push(
      ...(await Promise.all([
        startChild({ ...env(), WORKERS: 'false' }),
        startChild({ ...env(), WORKERS: 'false' }),
      ])),
    );
    workers.push(
      ...(await Promise.all([startChild(env(), 'worker'), startChild(env(), 'worker')])),
    );
  }, 180_000);
  afterAll(async () => {
    for (const c of [...apis, ...workers]) await c.stop('SIGKILL');
    await redis.stop();
    await pg.destroy();
  });

  it('makes one transition per accepted event, and every history chain verifies', async () => {
    const seeded = await seedRegulations(pg.url, env().JWT_SECRET, 500);
    const gov = await seedUser(pg.url, env().JWT_SECRET, 'gov_office');
    const admin = await seedUser(pg.url, env().JWT_SECRET, 'admin');
    // The seed wrote regulations straight into the tables: bring the targets ledger up to date the
    // way an operator repairs writes that bypassed the application.
    expect(
      (
        await fetch(`${apis[0].url}/admin/reports/rebuild`, {
          method: 'POST',
          headers: { Authorization: admin },
        })
      ).status,
    ).toBe(200);
    // Two clients race on every regulation: each event is accepted once, the duplicate is a 409.
    const ids = [...seeded.regulationIds, ...seeded.regulationIds];
    const stats = await runLoad({
      baseUrls: apis.map((a) => a.url),
      auth: seeded.auth,
      regulationIds: ids,
      clients: 50,
      deadlineMs: 120_000,
    });

    const perEvent = await pg.query<{ regulation_id: string; event: string; n: number }>(
      `SELECT regulation_id, event, count(*)::int AS n FROM workflow_history WHERE regulation_id = ANY($1) GROUP BY regulation_id, event`,
      [seeded.regulationIds],
    );
    const doubled = perEvent.filter((e) => e.n > 1);
    const found = new Set(perEvent.map((e) => `${e.regulation_id} ${e.event}`));
    const lost = stats.acknowledged.filter((a) => !found.has(`${a.regulationId} ${a.event}`));
    let broken = 0;
    for (const id of seeded.regulationIds) {
      const res = await fetch(`${apis[0].url}/regulations/${id}/history/verify`, {
        headers: { Authorization: gov },
      });
      const body = (await res.json()) as { valid: boolean };
      if (res.status !== 200 || !body.valid) broken++;
    }
    // The ledger maintained inside the 1,500 transitions equals a from-scratch recomputation.
    const check = (await (
      await fetch(`${apis[1].url}/admin/reports/check`, { headers: { Authorization: admin } })
    ).json()) as { consistent: boolean };
    const final = await pg.query<{ state_name: string; n: number }>(
      `SELECT state_name, count(*)::int AS n FROM regulation WHERE id = ANY($1) GROUP BY state_name`,
      [seeded.regulationIds],
    );
    console.log(
      `FAULT two_apis_two_workers clients=50 sent=${stats.sent} acknowledged=${stats.acknowledged.length} transitions=${perEvent.reduce((a, e) => a + e.n, 0)} doubled=${doubled.length} lost=${lost.length} broken_chains=${broken} ledger_consistent=${check.consistent} status=${JSON.stringify(stats.byStatus)} final=${JSON.stringify(final)}`,
    );
    expect(doubled).toEqual([]);
    expect(lost).toEqual([]);
    expect(broken).toBe(0);
    expect(check.consistent).toBe(true);
    expect(stats.unexpected5xx).toBe(0);
    expect(final).toEqual([{ state_name: 'withdrawn', n: seeded.regulationIds.length }]);
  }, 240_000);
});
