import { CLAIM_BATCH } from '../../src/integration/delivery/delivery.service';
import { buildOnce, ChildService } from '../support/child-service';
import { waitFor } from '../support/wait-for';
import { Receiver } from '../integration/receiver';
import { OwnPostgres, OwnRedis, serviceEnv, startChild } from './harness';
import { seedRegulations, seedUser } from './seed';

/**
 * Webhook deliveries survive a worker killed with SIGKILL while requests are in flight: every
 * event arrives, and the only repeats are deliveries that were in flight (same webhook-id).
 */
describe('fault: a worker killed with SIGKILL mid-delivery', () => {
  const pg = new OwnPostgres();
  const redis = new OwnRedis();
  const receiver = new Receiver();
  const children: ChildService[] = [];
  const env = () =>
    serviceEnv(pg, redis, {
      WEBHOOK_ALLOW_PRIVATE: 'true',
      WEBHOOK_POLL_INTERVAL_MS: '100',
      WEBHOOK_TIMEOUT_MS: '1000',
    });

  beforeAll(async () => {
    buildOnce();
    await pg.init();
    await redis.start();
    await receiver.start();
    receiver.delayMs = 40; // slow enough that the kill finds requests in flight
  }, 180_000);
  afterAll(async () => {
    for (const c of children) await c.stop('SIGKILL');
    await receiver.stop();
    await redis.stop();
    await pg.destroy();
  });

  it('loses nothing and repeats only in-flight deliveries, with the same webhook-id', async () => {
    const api = await startChild({ ...env(), WORKERS: 'false' });
    children.push(api);
    const admin = await seedUser(pg.url, env().JWT_SECRET, 'admin');
    const created = await fetch(`${api.url}/webhooks`, {
      method: 'POST',
      headers: { Authorization: admin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ url: receiver.url, events: ['regulation.created'] }),
    });
    expect(created.status).toBe(201);
    const seeded = await seedRegulations(pg.url, env().JWT_SECRET, 400);
    const expected = new Set(seeded.regulationIds);
    const unique = () => new Set(receiver.received.map((r) => r.headers['webhook-id'])).size;

    const first = await startChild(env(), 'worker');
    children.push(first);
    await waitFor(async () => unique() >= 60, 60_000, 5);
    await first.stop('SIGKILL');
    const beforeKill = unique();

    const second = await startChild(env(), 'worker');
    children.push(second);
    await waitFor(async () => unique() >= expected.size, 120_000, 100);
    await second.stop();

    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    const regulations = new Set(receiver.received.map((r) => String(r.json.data.regulationId)));
    const repeats = ids.length - new Set(ids).size;
    const rows = await pg.query<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM webhook_delivery GROUP BY status`,
    );
    console.log(
      `FAULT webhook_worker_sigkill events=${expected.size} delivered_before_kill=${beforeKill} received=${ids.length} unique=${new Set(ids).size} repeats=${repeats} rows=${JSON.stringify(rows)}`,
    );
    expect(beforeKill).toBeLessThan(expected.size);
    expect([...expected].every((id) => regulations.has(id))).toBe(true);
    expect(new Set(ids).size).toBe(expected.size);
    // Only what one worker had in flight (one claim batch) can arrive twice.
    expect(repeats).toBeLessThanOrEqual(CLAIM_BATCH);
    expect(rows).toEqual([{ status: 'delivered', n: expected.size }]);
  }, 240_000);
});
