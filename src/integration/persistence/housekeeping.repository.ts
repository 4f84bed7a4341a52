import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OUTBOX_SOURCES } from '../domain/events';

/**
 * Pruning of rows whose purpose is over: idempotency records past their retention, outbox rows
 * the relay dispatched (their events live on in the change feed), and finished deliveries.
 * Bounded batches, so a large backlog never holds long locks.
 */
@Injectable()
export class HousekeepingRepository {
  constructor(private readonly dataSource: DataSource) {}

  async pruneIdempotencyKeys(before: Date, batch: number): Promise<number> {
    return this.deleteBatch(
      `DELETE FROM idempotency_key WHERE ctid IN (
         SELECT ctid FROM idempotency_key WHERE created_at < $1 LIMIT $2)`,
      [before, batch],
    );
  }

  async pruneDispatchedOutbox(before: Date, batch: number): Promise<number> {
    let n = 0;
    for (const source of OUTBOX_SOURCES) {
      n += await this.deleteBatch(
        `DELETE FROM ${source} WHERE id IN (
           SELECT id FROM ${source} WHERE dispatched_at < $1 ORDER BY id LIMIT $2)`,
        [before, batch],
      );
    }
    return n;
  }

  async pruneFinishedDeliveries(before: Date, batch: number): Promise<number> {
    return this.deleteBatch(
      `DELETE FROM webhook_delivery WHERE id IN (
         SELECT id FROM webhook_delivery WHERE status <> 'pending' AND completed_at < $1 LIMIT $2)`,
      [before, batch],
    );
  }

  private async deleteBatch(sql: string, params: unknown[]): Promise<number> {
    const [, count] = (await this.dataSource.query(sql, params)) as [unknown, number];
    return Number(count ?? 0);
  }
}
