import { Inject, Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { inSavepoint } from '../../database/savepoint';
import { TransactionRunner } from '../../database/transaction-runner';
import { PollingWorker } from '../../common/polling-worker';
import { ChangeFeedReader } from '../../integration/changes/change-feed.reader';
import { RegulationEntity } from '../../register/persistence/regulation.entity';
import { RoundsReader } from '../../consultation/rounds/rounds.reader';
import { CLOSING_SOON_DAYS, DUE_SOON_DAYS } from '../domain/kinds';
import { NotificationRepository } from '../persistence/notification.repository';
import { implementationDeadlineOf, NotificationTriggers } from './feed-triggers';

const FEED_CURSOR = 'change_feed';
const BATCH = 100;
const DAY_MS = 86_400_000;
/** The time-based sweep runs at most this often per process (its dedupe keys make it idempotent). */
const SWEEP_EVERY_MS = 60_000;

/**
 * In worker processes: reads the change feed after its own cursor and writes the notifications
 * (and their mails) of each event, advancing the cursor in the same transaction — each event has
 * its effect exactly once, also across several workers (the cursor row is locked). Periodically,
 * sweeps for the time-based ones (a round closing in 3 days, an implementation due in 7 days)
 * on the injectable clock.
 */
@Injectable()
export class NotificationsWorker extends PollingWorker {
  private lastSweep = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly transactions: TransactionRunner,
    private readonly feed: ChangeFeedReader,
    private readonly notifications: NotificationRepository,
    private readonly triggers: NotificationTriggers,
    private readonly rounds: RoundsReader,
    private readonly clock: Clock,
  ) {
    super('notifications', { workers: config.workers, intervalMs: config.mailPollIntervalMs });
  }

  protected async pass(): Promise<void> {
    await this.processFeed();
    if (Date.now() - this.lastSweep >= SWEEP_EVERY_MS) {
      this.lastSweep = Date.now();
      await this.sweep();
    }
  }

  /** Batches until the cursor reaches the feed's head; returns the events read. */
  async processFeed(maxBatches = 50): Promise<number> {
    let total = 0;
    for (let i = 0; i < maxBatches; i++) {
      const n = await this.processBatch();
      total += n;
      if (n < BATCH) break;
    }
    return total;
  }

  private processBatch(): Promise<number> {
    return this.transactions.run(async ({ manager }) => {
      const position = await this.notifications.lockCursor(manager, FEED_CURSOR);
      if (position === null) return 0; // another worker holds it
      const events = await this.feed.after(manager, position, BATCH);
      for (const e of events) {
        // Most events notify nobody: those cost no round trip.
        const handle = this.triggers.handlerFor(e);
        if (!handle) continue;
        // One bad event must not block the feed: its effects are rolled back, it is skipped.
        try {
          await inSavepoint(manager, 'notification_event', () => handle(manager));
        } catch (err) {
          this.logger.warn(`event ${e.seq} (${e.type}) gave no notification: ${String(err)}`);
        }
      }
      if (events.length > 0) {
        await this.notifications.advanceCursor(
          manager,
          FEED_CURSOR,
          events[events.length - 1].seq,
          this.clock.now(),
        );
      }
      return events.length;
    });
  }

  /** The time-based notifications due now; returns how many users were newly notified. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    let count = 0;
    const closing = await this.rounds.open({
      closesBefore: new Date(now.getTime() + CLOSING_SOON_DAYS * DAY_MS),
    });
    for (const round of closing) {
      if (new Date(round.closesAt).getTime() <= now.getTime()) continue;
      count += await this.transactions.run(({ manager }) =>
        this.triggers.closingSoon(manager, round),
      );
    }
    const implementing = await this.transactions.run(({ manager }) =>
      manager.find(RegulationEntity, { where: { stateName: In(['implementing']) }, take: 5000 }),
    );
    for (const r of implementing) {
      const deadline = implementationDeadlineOf(r);
      if (!deadline || JSON.stringify(r.state).includes('overdue')) continue;
      const left = new Date(deadline).getTime() - now.getTime();
      if (left <= 0 || left > DUE_SOON_DAYS * DAY_MS) continue;
      count += await this.transactions.run(({ manager }) =>
        this.triggers.dueSoon(manager, r, deadline),
      );
    }
    return count;
  }
}
