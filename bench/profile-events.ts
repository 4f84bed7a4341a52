import 'reflect-metadata';
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { Client } from 'pg';
import * as pg from 'pg';
import { freshDatabase, REDIS_URL } from './lib/context';
import { officerPrincipal, seed, serviceThroughput } from './b1-workflow-events';

/**
 * `npx ts-node --transpile-only bench/profile-events.ts [seconds] [out.cpuprofile]`: B1's events
 * through WorkflowService in-process (no HTTP), 16 clients, with a V8 CPU profile of the measured
 * part only (start-up excluded), to see what one event costs the service itself. Summarise with
 * `node bench/profile-summary.js <file>`.
 */
async function main() {
  const seconds = Number(process.argv[2] ?? 10);
  const out = process.argv[3] ?? 'events.cpuprofile';
  const db = await freshDatabase('b1_profile');
  const c = new Client({ connectionString: db.url });
  await c.connect();
  try {
    const perClient = 4_000;
    const { userId, agencyId, ids } = await seed(c, 16 * perClient);
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    let started = false;
    const result = await serviceThroughput(
      db.url,
      seconds,
      2,
      officerPrincipal(userId, agencyId),
      ids,
      perClient,
      {
        // PROFILE_WORKERS=off: the service alone, its workers left to another process (Bull).
        env:
          process.env.PROFILE_WORKERS === 'off'
            ? { REDIS_URL, REDIS_PREFIX: `regcut-profile-${process.pid}`, WORKERS: 'false' }
            : {},
        onMeasureStart: async () => {
          started = true;
          if (process.env.COUNT_QUERIES) countQueries();
          await session.post('Profiler.start');
        },
      },
    );
    if (started) {
      const { profile } = await session.post('Profiler.stop');
      writeFileSync(out, JSON.stringify(profile));
    }
    console.log(
      `events_per_s=${Math.round(result.perSecond)} p99_ms=${result.p99.toFixed(1)} cpu_ms_per_event=${result.cpuMsPerEvent.toFixed(2)} sys_ms_per_event=${result.sysMsPerEvent.toFixed(2)} profile=${out}`,
    );
  } finally {
    await c.end();
    await db.drop();
  }
}

// COUNT_QUERIES=1: which statements the service sends while measuring (text → calls).
const counts = new Map<string, number>();
function countQueries() {
  const proto = pg.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0] as string | { text?: string; name?: string };
    const text = typeof q === 'string' ? q : (q?.text ?? q?.name ?? '?');
    const key = text.replace(/\s+/g, ' ').slice(0, 90);
    counts.set(key, (counts.get(key) ?? 0) + 1);
    return original.apply(this, args);
  };
  process.on('exit', () => {
    for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
      console.log(String(n).padStart(7), k);
    }
  });
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
