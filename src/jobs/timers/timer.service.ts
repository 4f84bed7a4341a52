import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { TransactionRunner, Tx } from '../../database/transaction-runner';
import { HandlerRegistry } from '../handler-registry';
import { JobQueueDriver } from '../job-queue.port';
import { TimerRepository } from '../persistence/timer.repository';

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
    private readonly timers: TimerRepository,
    private readonly transactions: TransactionRunner,
    private readonly driver: JobQueueDriver,
    private readonly clock: Clock,
    private readonly registry: HandlerRegistry,
  ) {}

  /** Schedules within the caller's transaction; the queue hears of it once that commits. */
  async schedule(tx: Tx, spec: TimerSpec): Promise<string> {
    const id = randomUUID();
    await this.timers.insert(tx.manager, {
      id,
      kind: spec.kind,
      subjectKey: spec.subjectKey,
      payload: spec.payload ?? {},
      dueAt: spec.dueAt,
    });
    tx.afterCommit(() => this.wake(id, spec.dueAt));
    return id;
  }

  /** Cancels the pending timers of a subject (optionally of one kind). */
  async cancel(tx: Tx, subjectKey: string, kind?: string): Promise<number> {
    return this.timers.cancelPending(tx.manager, subjectKey, kind ?? null);
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
        const timer = await this.timers.lockDue(tx.manager, id, now);
        if (!timer) return 'not_due';
        const handler = this.registry.timers.get(timer.kind);
        if (!handler) throw new Error(`no handler for timer kind "${timer.kind}"`);
        await handler.onTimer(timer, tx);
        await this.timers.markFired(tx.manager, id, now);
        return 'fired' as const;
      });
    } catch (err) {
      this.logger.error(`timer ${id} failed: ${String(err)}`);
      await this.timers
        .recordFailure(id, String(err).slice(0, 2000), MAX_TIMER_ATTEMPTS)
        .catch(() => undefined);
      return 'failed';
    }
  }

  /** Fires every pending timer that is due now. Returns how many fired here. */
  async fireDue(batchSize = 200): Promise<number> {
    let fired = 0;
    for (;;) {
      const ids = await this.timers.due(this.clock.now(), batchSize);
      let progressed = 0;
      for (const id of ids) {
        const outcome = await this.fire(id);
        if (outcome === 'fired') {
          fired++;
          progressed++;
        }
      }
      // Stop when nothing more could be fired (rows locked elsewhere or failing).
      if (ids.length < batchSize || progressed === 0) return fired;
    }
  }
}
