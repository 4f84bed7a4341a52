import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Clock } from '../../common/clock';
import { TransactionRunner } from '../../database/transaction-runner';
import { deliveryBody, eventsOf, mergeBatch } from '../domain/events';
import { FeedRepository, SequencedEvent } from '../persistence/feed.repository';

const BATCH = 500;

/**
 * The sequencer: moves committed outbox rows into the change feed, in one transaction per batch
 * under an advisory lock, so exactly one sequencer runs at a time in the whole cluster. Positions
 * are stamped only on rows already committed, and each batch commits before the next one reads,
 * so the feed grows strictly at its end: a reader that stored position N never finds a new event
 * below N (no gap when writers commit out of order), and the outbox row is marked dispatched in
 * the same transaction (no duplicate after a crash). Deliveries are queued in that transaction.
 */
@Injectable()
export class RelayService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly feed: FeedRepository,
    private readonly clock: Clock,
  ) {}

  /** One batch; the number of outbox rows moved, or null when another sequencer is running. */
  async relayOnce(): Promise<{ rows: number; events: number; deliveries: number } | null> {
    return this.transactions.run(async ({ manager }) => {
      if (!(await this.feed.tryLockSequencer(manager))) return null;
      const rows = mergeBatch(await this.feed.pendingOutboxRows(manager, BATCH), BATCH);
      if (rows.length === 0) return { rows: 0, events: 0, deliveries: 0 };
      const now = this.clock.now();
      let seq = await this.feed.lastSeq(manager);
      // Bodies only for the types someone subscribed to: most installations have few webhooks.
      const subscribed = await this.feed.subscribedTypes(manager);
      const wanted = (type: string) => subscribed.has('*') || subscribed.has(type);
      const events: SequencedEvent[] = [];
      for (const row of rows) {
        for (const draft of eventsOf(row)) {
          const id = randomUUID();
          const body = wanted(draft.type)
            ? deliveryBody({ id, type: draft.type, occurredAt: draft.occurredAt, data: draft.data })
            : null;
          events.push({ ...draft, seq: ++seq, id, body });
        }
      }
      await this.feed.insertEvents(manager, events, now);
      const deliveries = await this.feed.fanOut(manager, events, now);
      await this.feed.markDispatched(manager, rows, now);
      return { rows: rows.length, events: events.length, deliveries };
    });
  }

  /** Batches until the outboxes are empty (or another process is sequencing). */
  async relayAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const r = await this.relayOnce();
      if (!r || r.rows === 0) return total;
      total += r.events;
    }
  }
}
