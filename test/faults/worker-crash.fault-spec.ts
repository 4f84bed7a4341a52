import { buildOnce, ChildService } from '../support/child-service';
import { waitFor } from '../support/wait-for';
import { OwnPostgres, OwnRedis, serviceEnv, startChild } from './harness';
import { seedOverdueImplementations, seedRegulations } from './seed';

describe('fault: a worker killed with SIGKILL in the middle of its work', () => {
  const pg = new OwnPostgres();
  const redis = new OwnRedis();
  const children: ChildService[] = [];
  const env = () => serviceEnv(pg, redis);

  beforeAll(async () => {
    buildOnce();
    await pg.init();
    await redis.start();
    // Migrate once with an API process that runs no workers, then stop it: from here on no
    // process runs while the deadlines come due.
    const api = await startChild({ ...env(), WORKERS: 'false' });
    await api.stop();
  }, 180_000);
  afterAll(async () => {
    for (const c of children) await c.stop('SIGKILL');
    await redis.stop();
    await pg.destroy();
  });

  it('fires every deadline that passed while all processes were down exactly once, even when the first worker is killed mid-way', async () => {
    const seeded = await seedRegulations(pg.url, env().JWT_SECRET, 1);
    const ids = await seedOverdueImplementations(pg.url, seeded.agencyId, 1500);
    const overdue = async () =>
      Number(
        (
          await pg.query(
            `SELECT count(*) FROM regulation WHERE id = ANY($1) AND state_name = 'implementing' AND state->>'implementing' = 'overdue'`,
            [ids],
          )
        )[0].count,
      );

    const first = await startChild(env(), 'worker');
    children.push(first);
    // Kill it as soon as it has fired some of them, with many still pending.
    await waitFor(async () => (await overdue()) >= 50, 60_000, 20);
    await first.stop('SIGKILL');
    const firedByFirst = await overdue();

    const second = await startChild(env(), 'worker');
    children.push(second);
    await waitFor(async () => (await overdue()) === ids.length, 120_000, 200);

    const history = await pg.query<{ regulation_id: string; n: number }>(
      `SELECT regulation_id, count(*)::int AS n FROM workflow_history WHERE regulation_id = ANY($1) AND event = 'IMPLEMENTATION_DEADLINE_PASSED' GROUP BY regulation_id`,
      [ids],
    );
    const timers = await pg.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM scheduled_timer WHERE subject_key = ANY($1) GROUP BY status`,
      [ids],
    );
    const duplicates = history.filter((h) => h.n !== 1).length;
    console.log(
      `FAULT worker_sigkill deadlines=${ids.length} fired_before_kill=${firedByFirst} transitions=${history.reduce((a, h) => a + h.n, 0)} duplicates=${duplicates} timers=${JSON.stringify(timers)}`,
    );
    expect(firedByFirst).toBeLessThan(ids.length);
    expect(history).toHaveLength(ids.length);
    expect(duplicates).toBe(0);
    expect(timers).toEqual([{ status: 'fired', n: ids.length }]);
  }, 240_000);
});
