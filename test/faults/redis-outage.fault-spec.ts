import { buildOnce, ChildService } from '../support/child-service';
import { waitFor } from '../support/wait-for';
import { OwnPostgres, OwnRedis, serviceEnv, startChild } from './harness';
import { runLoad } from './load';
import { seedOverdueImplementations, seedRegulations, seedUser } from './seed';

describe('fault: Redis stopped under load', () => {
  const pg = new OwnPostgres();
  const redis = new OwnRedis();
  const children: ChildService[] = [];
  const env = () => serviceEnv(pg, redis);

  beforeAll(async () => {
    buildOnce();
    await pg.init();
    await redis.start();
    children.push(await startChild({ ...env(), WORKERS: 'false' }));
    children.push(await startChild(env(), 'worker'));
  }, 180_000);
  afterAll(async () => {
    for (const c of children) await c.stop('SIGKILL');
    await redis.stop();
    await pg.destroy();
  });

  it('keeps accepting workflow events; due timers and queued jobs run once Redis is back', async () => {
    const [api] = children;
    const seeded = await seedRegulations(pg.url, env().JWT_SECRET, 200);
    const admin = await seedUser(pg.url, env().JWT_SECRET, 'admin');

    await redis.stop();
    await waitFor(async () => (await fetch(`${api.url}/health/ready`)).status === 503, 10_000, 100);

    // Events during the outage.
    const stats = await runLoad({
      baseUrls: [api.url],
      auth: seeded.auth,
      regulationIds: seeded.regulationIds,
      clients: 8,
      deadlineMs: 60_000,
    });
    // A deadline that comes due and a job queued while Redis is down.
    const overdueIds = await seedOverdueImplementations(pg.url, seeded.agencyId, 20);
    const created = await fetch(`${api.url}/cost-parameter-sets`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: admin },
      body: JSON.stringify({ year: 2019, annualIncomePerCapita: '60000000' }),
    });
    expect(created.status).toBe(201);
    const set = (await created.json()) as { id: string };
    const patched = await fetch(`${api.url}/cost-parameter-sets/${set.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', Authorization: admin },
      body: JSON.stringify({ annualIncomePerCapita: '61000000' }),
    });
    expect(patched.status).toBe(200);
    const { recalculationJobId } = (await patched.json()) as { recalculationJobId: string };

    await redis.start();
    // Bull's clients reconnect with a growing backoff; on a loaded 2-core machine that took > 15 s once.
    await waitFor(async () => (await fetch(`${api.url}/health/ready`)).status === 200, 45_000, 100);
    const overdue = async () =>
      Number(
        (
          await pg.query(
            `SELECT count(*) FROM regulation WHERE id = ANY($1) AND state->>'implementing' = 'overdue'`,
            [overdueIds],
          )
        )[0].count,
      );
    await waitFor(async () => (await overdue()) === overdueIds.length, 60_000, 200);
    await waitFor(
      async () =>
        (await pg.query(`SELECT status FROM job_run WHERE id = $1`, [recalculationJobId]))[0]
          ?.status === 'succeeded',
      60_000,
      200,
    );

    const history = await pg.query(
      `SELECT regulation_id, event FROM workflow_history WHERE regulation_id = ANY($1)`,
      [seeded.regulationIds],
    );
    const found = new Set(history.map((h: any) => `${h.regulation_id} ${h.event}`));
    const lost = stats.acknowledged.filter((a) => !found.has(`${a.regulationId} ${a.event}`));
    console.log(
      `FAULT redis_outage sent=${stats.sent} acknowledged=${stats.acknowledged.length} found=${history.length} lost=${lost.length} status=${JSON.stringify(stats.byStatus)} timers_fired=${await overdue()}/${overdueIds.length} job=succeeded`,
    );
    expect(stats.byStatus['200']).toBe(seeded.regulationIds.length * 3);
    expect(lost).toEqual([]);
    expect(stats.unexpected5xx).toBe(0);
  }, 240_000);
});
