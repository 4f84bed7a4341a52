import { randomUUID } from 'node:crypto';
import { EVENT_SEQUENCE } from './seed';

export interface LoadStats {
  sent: number;
  acknowledged: Array<{ regulationId: string; event: string }>;
  byStatus: Record<string, number>;
  /** Error answers that were not application/problem+json. */
  notProblemJson: number;
  /** 5xx answers other than 503. */
  unexpected5xx: number;
}

/**
 * Clients that walk regulations through EVENT_SEQUENCE, each event retried (same Idempotency-Key)
 * on 503 until it is answered, bounded by a deadline. Requests go to the given base URLs in turn.
 */
export async function runLoad(opts: {
  baseUrls: string[];
  auth: string;
  regulationIds: string[];
  clients: number;
  deadlineMs: number;
  retryDelayMs?: number;
}): Promise<LoadStats> {
  const stats: LoadStats = {
    sent: 0,
    acknowledged: [],
    byStatus: {},
    notProblemJson: 0,
    unexpected5xx: 0,
  };
  const deadline = Date.now() + opts.deadlineMs;
  let next = 0;
  let turn = 0;
  const client = async () => {
    while (Date.now() < deadline) {
      const i = next++;
      if (i >= opts.regulationIds.length) return;
      const id = opts.regulationIds[i];
      for (const event of EVENT_SEQUENCE) {
        const key = randomUUID();
        for (;;) {
          if (Date.now() > deadline) return;
          const base = opts.baseUrls[turn++ % opts.baseUrls.length];
          stats.sent++;
          let status = 0;
          let contentType = '';
          try {
            const res = await fetch(`${base}/regulations/${id}/events`, {
              method: 'POST',
              headers: {
                'Content-Type': 'application/json',
                Authorization: opts.auth,
                'Idempotency-Key': key,
              },
              body: JSON.stringify(event),
              signal: AbortSignal.timeout(15_000),
            });
            status = res.status;
            contentType = res.headers.get('content-type') ?? '';
            await res.arrayBuffer();
          } catch {
            status = 0; // the API process itself unreachable (should not happen in these scenarios)
          }
          stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
          if (status >= 400 && !contentType.includes('application/problem+json'))
            stats.notProblemJson++;
          if (status >= 500 && status !== 503) stats.unexpected5xx++;
          if (status === 200) {
            stats.acknowledged.push({ regulationId: id, event: event.type });
            break;
          }
          if (status === 503 || status === 0) {
            await new Promise((r) => setTimeout(r, opts.retryDelayMs ?? 250));
            continue;
          }
          // Anything else (e.g. 409 after a concurrent duplicate) ends this regulation's walk.
          return;
        }
      }
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  return stats;
}
