import 'reflect-metadata';
import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { Principal } from '../src/identity/domain/principal';
import { WebhooksService } from '../src/integration/webhooks/webhooks.service';
import { WorkflowService } from '../src/workflow/workflow.service';
import { seedRegulations } from '../test/faults/seed';
import { appContext, BenchFigures, BenchOptions, freshDatabase, round } from './lib/context';

const CLIENTS = 16;
const JWT_SECRET = 'bench-secret-bench-secret-bench-secret-00';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * B5: webhook delivery under B1's load — 16 clients send workflow events (SUBMIT_FOR_REVIEW,
 * COMPLETE_REVIEW) through WorkflowService while the workers of the same process relay the outbox
 * into the feed and deliver every `regulation.transitioned` to a receiver on loopback. Figures:
 * deliveries per second (all deliveries ÷ time from the first event to the last delivery) and the
 * lag from the event's commit time (`occurredAt`) to its arrival at the receiver.
 */
export async function runB5(opts: BenchOptions): Promise<BenchFigures> {
  const seconds = opts.quick ? 5 : 15;
  const perClient = opts.quick ? 1_500 : 4_000;
  const db = await freshDatabase('b5');
  const c = new Client({ connectionString: db.url });
  await c.connect();
  const lags: number[] = [];
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (d: Buffer) => chunks.push(d));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      lags.push(Date.now() - new Date(body.occurredAt).getTime());
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  // One process that writes and runs the workers (as WORKERS=true does): the relay and the
  // deliveries share the CPU with the load.
  const writers = await appContext(db.url, {
    DB_POOL_SIZE: String(CLIENTS + 4),
    WEBHOOK_ALLOW_PRIVATE: 'true',
    WEBHOOK_POLL_INTERVAL_MS: '50',
  });
  try {
    // One ministry, its lead, N draft regulations (the fault suite's seeding).
    const seeded = await seedRegulations(db.url, JWT_SECRET, perClient * CLIENTS);
    const ids = seeded.regulationIds;
    const principal: Principal = {
      kind: 'user',
      id: seeded.leadId,
      userId: seeded.leadId,
      role: 'ministry_lead',
      agencyId: seeded.agencyId,
      agencyKind: 'ministry',
      readOnly: false,
    };
    // The seeded regulations are events too (regulation.created): sequence them before the load.
    for (let i = 0; i < 1200; i++) {
      const { rows } = await c.query(
        `SELECT count(*)::int AS n FROM integration_outbox WHERE dispatched_at IS NULL`,
      );
      if (rows[0].n === 0) break;
      await sleep(100);
    }
    await writers.get(WebhooksService).create({ ...principal, role: 'admin' } as Principal, {
      url,
      events: ['regulation.transitioned'],
    });
    const workflow = writers.get(WorkflowService);
    let stop = false;
    let sent = 0;
    const started = performance.now();
    const clients = Array.from({ length: CLIENTS }, async (_, k) => {
      for (const id of ids.slice(k * perClient, (k + 1) * perClient)) {
        for (const body of [
          { type: 'SUBMIT_FOR_REVIEW' },
          { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false },
        ]) {
          if (stop) return;
          await workflow.send(principal, id, body);
          sent++;
        }
      }
    });
    await sleep(seconds * 1000);
    stop = true;
    await Promise.all(clients);
    const sendSeconds = (performance.now() - started) / 1000;
    for (let i = 0; i < 600 && lags.length < sent; i++) await sleep(100);
    const total = (performance.now() - started) / 1000;
    if (lags.length < sent) throw new Error(`B5: ${sent} events but ${lags.length} deliveries`);
    lags.sort((a, b) => a - b);
    const pct = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))];
    return {
      id: 'B5',
      figures: {
        clients: CLIENTS,
        events: sent,
        events_per_s: Math.round(sent / sendSeconds),
        deliveries: lags.length,
        deliveries_per_s: Math.round(lags.length / total),
        lag_p50_ms: round(pct(0.5)),
        lag_p99_ms: round(pct(0.99)),
        lag_max_ms: round(lags[lags.length - 1]),
      },
    };
  } finally {
    await writers.close();
    receiver.closeAllConnections();
    receiver.close();
    await c.end();
    await db.drop();
  }
}
