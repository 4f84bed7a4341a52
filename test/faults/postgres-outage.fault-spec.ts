import { waitFor } from '../support/wait-for';
import { apiOnOwnServices, serviceEnv } from './harness';
import { runLoad } from './load';
import { seedRegulations } from './seed';

describe('fault: Postgres stopped and restarted under a load of workflow events', () => {
  const services = apiOnOwnServices();
  const { pg, redis } = services;

  it('loses no acknowledged event, answers 503 problem+json during the outage, and is ready within 10 s', async () => {
    const { api } = services;
    const seeded = await seedRegulations(pg.url, serviceEnv(pg, redis).JWT_SECRET, 400);
    const load = runLoad({
      baseUrls: [api.url],
      auth: seeded.auth,
      regulationIds: seeded.regulationIds,
      clients: 16,
      deadlineMs: 90_000,
    });

    await new Promise((r) => setTimeout(r, 1500));
    await pg.stop();
    await waitFor(async () => (await fetch(`${api.url}/health/ready`)).status === 503, 10_000, 100);
    const during = await fetch(`${api.url}/health/ready`);
    expect(during.headers.get('content-type')).toMatch(/application\/problem\+json/);
    await new Promise((r) => setTimeout(r, 2000));
    await pg.start();
    const back = Date.now();
    await waitFor(async () => (await fetch(`${api.url}/health/ready`)).status === 200, 10_000, 100);
    const readyAfterMs = Date.now() - back;

    const stats = await load;
    const history = await pg.query<{ regulation_id: string; event: string }>(
      `SELECT regulation_id, event FROM workflow_history WHERE regulation_id = ANY($1)`,
      [seeded.regulationIds],
    );
    const found = new Set(history.map((h) => `${h.regulation_id} ${h.event}`));
    const lost = stats.acknowledged.filter((a) => !found.has(`${a.regulationId} ${a.event}`));
    // Each event is in the history at most once, although clients retried through the outage.
    expect(history.length).toBe(found.size);
    console.log(
      `FAULT postgres_outage sent=${stats.sent} acknowledged=${stats.acknowledged.length} found=${history.length} lost=${lost.length} ` +
        `status=${JSON.stringify(stats.byStatus)} ready_after_ms=${readyAfterMs}`,
    );
    if (stats.unexpected5xx)
      console.log(
        api
          .output()
          .split('\n')
          .filter((l) => l.includes('"level":50') && l.includes('ProblemFilter'))
          .slice(0, 3)
          .join('\n')
          .slice(0, 3000),
      );
    expect(lost).toEqual([]);
    expect(stats.byStatus['503'] ?? 0).toBeGreaterThan(0);
    expect(stats.unexpected5xx).toBe(0);
    expect(stats.notProblemJson).toBe(0);
    expect(stats.acknowledged.length).toBe(seeded.regulationIds.length * 3);
    expect(readyAfterMs).toBeLessThan(10_000);
  }, 150_000);
});
