import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { TransactionRunner, Tx } from '../../database/transaction-runner';
import { HandlerRegistry } from '../handler-registry';
import { JobQueueDriver } from '../job-queue.port';
import { DueTimer } from './timer-handler';

export const TIMER_FIRE_JOB = 'timer.fire';
const MAX_TIMER_ATTEMPTS = 10;

export interface TimerSpec {
  kind: string;
  subjectKey: string;
  dueAt: Date;
  payload?: Record<string, unknown>;
}

export type FireOutcome = 'fired' | 'not_due' | 'failed';

/**
 * Durable timers. A pending timer is a row in `scheduled_timer`; the queue only wakes a worker at
 * the due time, and the sweeper catches whatever the queue missed (restarts, a Redis outage).
 * Firing locks the row, applies the handler's effect and marks the row fired in one transaction.
 */
@Injectable()
export class TimerService {
  private readonly logger = new Logger(TimerService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly driver: JobQueueDriver,
    private readonly clock: Clock,
    private readonly registry: HandlerRegistry,
  ) {}

  /** Schedules within the caller's transaction; the queue hears of it once that commits. */
  async schedule(tx: Tx, spec: TimerSpec): Promise<string> {
    const id = randomUUID();
    await tx.manager.query(
      `INSERT INTO scheduled_timer (id, kind, subject_key, payload, due_at) VALUES ($1, $2, $3, $4, $5)`,
      [id, spec.kind, spec.subjectKey, JSON.stringify(spec.payload ?? {}), spec.dueAt],
    );
    tx.afterCommit(() => this.wake(id, spec.dueAt));
    return id;
  }

  /** Cancels the pending timers of a subject (optionally of one kind). */
  async cancel(tx: Tx, subjectKey: string, kind?: string): Promise<number> {
    const [, affected] = await tx.manager.query(
      `UPDATE scheduled_timer SET status = 'cancelled'
        WHERE subject_key = $1 AND status = 'pending' AND ($2::text IS NULL OR kind = $2)`,
      [subjectKey, kind ?? null],
    );
    return Number(affected ?? 0);
  }

  async wake(id: string, dueAt: Date): Promise<void> {
    const delayMs = Math.max(0, dueAt.getTime() - this.clock.now().getTime());
    await this.driver.enqueue(TIMER_FIRE_JOB, { timerId: id }, { jobId: `timer:${id}`, delayMs });
  }

  /** Fires one timer if it is pending and due; a timer already fired or locked by another process is left alone. */
  async fire(id: string): Promise<FireOutcome> {
    const now = this.clock.now();
    try {
      return await this.transactions.run(async (tx) => {
        const rows: Array<Record<string, any>> = await tx.manager.query(
          `SELECT id, kind, subject_key, payload, due_at FROM scheduled_timer
            WHERE id = $1 AND status = 'pending' AND due_at <= $2
            FOR UPDATE SKIP LOCKED`,
          [id, now],
        );
        if (rows.length === 0) return 'not_due';
        const row = rows[0];
        const handler = this.registry.timers.get(row.kind);
        if (!handler) throw new Error(`no handler for timer kind "${row.kind}"`);
        const timer: DueTimer = {
          id: row.id,
          kind: row.kind,
          subjectKey: row.subject_key,
          payload: row.payload ?? {},
          dueAt: new Date(row.due_at),
        };
        await handler.onTimer(timer, tx);
        await tx.manager.query(
          `UPDATE scheduled_timer SET status = 'fired', fired_at = $2, attempts = attempts + 1 WHERE id = $1`,
          [id, now],
        );
        return 'fired' as const;
      });
    } catch (err) {
      this.logger.error(`timer ${id} failed: ${String(err)}`);
      await this.dataSource
        .query(
          `UPDATE scheduled_timer
              SET attempts = attempts + 1, last_error = $2,
                  status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END
            WHERE id = $1 AND status = 'pending'`,
          [id, String(err).slice(0, 2000), MAX_TIMER_ATTEMPTS],
        )
        .catch(() => undefined);
      return 'failed';
    }
  }

  /** Fires every pending timer that is due now. Returns how many fired here. */
  async fireDue(batchSize = 200): Promise<number> {
    let fired = 0;
    for (;;) {
      const rows: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM scheduled_timer WHERE status = 'pending' AND due_at <= $1
          ORDER BY due_at LIMIT $2`,
        [this.clock.now(), batchSize],
      );
      let progressed = 0;
      for (const { id } of rows) {
        const outcome = await this.fire(id);
        if (outcome === 'fired') {
          fired++;
          progressed++;
        }
      }
      // Stop when nothing more could be fired (rows locked elsewhere or failing).
      if (rows.length < batchSize || progressed === 0) return fired;
    }
  }
}
