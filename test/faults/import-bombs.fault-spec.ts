import { readFileSync } from 'node:fs';
import { waitFor } from '../support/wait-for';
import { cellBomb, lyingHeadersBomb, rowBomb } from '../support/xlsx-bombs';
import { apiOnOwnServices, serviceEnv } from './harness';
import { seedRegulations } from './seed';

/** Resident memory of a process, from /proc (Linux). */
function rssBytes(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

// The API process (which also runs the import worker here) stays below this throughout.
const RSS_BOUND = 600 * 1024 * 1024;
const ROUNDS = 3;

describe('fault: zip and spreadsheet bombs uploaded in a loop (Postgres + Redis)', () => {
  const services = apiOnOwnServices();
  const { pg, redis } = services;

  it('keeps the API up and answering /health/live within 1 s, each bomb refused as unreadable', async () => {
    const { api } = services;
    const seeded = await seedRegulations(pg.url, serviceEnv(pg, redis).JWT_SECRET, 1);
    const bombs: [string, Buffer][] = [
      ['row', await rowBomb()], // 9.5 M rows, ~250 MB unpacked
      ['cell', await cellBomb()], // one 250 MB cell
      ['lying', await lyingHeadersBomb()], // headers say 1 KB, 400 MB unpacked
    ];
    const pid = api.proc.pid!;
    let maxRss = rssBytes(pid);
    let maxLiveMs = 0;
    let probing = true;
    // Probes /health/live every 100 ms while the bombs are read.
    const probe = (async () => {
      while (probing) {
        const started = performance.now();
        const res = await fetch(`${api.url}/health/live`, { signal: AbortSignal.timeout(1000) });
        expect(res.status).toBe(200);
        maxLiveMs = Math.max(maxLiveMs, performance.now() - started);
        maxRss = Math.max(maxRss, rssBytes(pid));
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    const outcomes: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, bytes] of bombs) {
          const form = new FormData();
          form.append('file', new Blob([new Uint8Array(bytes)]), `${name}.xlsx`);
          const res = await fetch(`${api.url}/imports`, {
            method: 'POST',
            headers: { authorization: seeded.auth },
            body: form,
          });
          expect(res.status).toBe(202);
          const { jobId } = (await res.json()) as { jobId: string };
          let job: { status: string; result: { outcome: string; message: string } | null } | null =
            null;
          await waitFor(
            async () => {
              const r = await fetch(`${api.url}/jobs/${jobId}`, {
                headers: { authorization: seeded.auth },
              });
              job = (await r.json()) as typeof job;
              return job!.status === 'succeeded' || job!.status === 'failed';
            },
            60_000,
            100,
          );
          expect(job!.status).toBe('failed');
          expect(job!.result!.outcome).toBe('unreadable');
          outcomes.push(`${name}: ${job!.result!.message}`);
        }
      }
    } finally {
      probing = false;
      await probe;
    }
    expect(api.proc.exitCode).toBeNull();
    console.log(
      `FAULT import_bombs uploads=${outcomes.length} max_live_ms=${Math.round(maxLiveMs)} max_rss_mb=${Math.round(maxRss / 1048576)}\n${outcomes.slice(0, 3).join('\n')}`,
    );
    expect(maxLiveMs).toBeLessThan(1000);
    expect(maxRss).toBeLessThan(RSS_BOUND);
    for (const o of outcomes) expect(o).not.toMatch(/zlib|sax|exceljs|invalid|heap/i);
  }, 600_000);
});
