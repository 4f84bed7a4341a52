import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PollingWorker } from '../../common/polling-worker';
import { HousekeepingRepository } from '../persistence/housekeeping.repository';
import { DeliveryService } from './delivery.service';
import { RelayService } from './relay.service';

const DAY_MS = 86_400_000;
const HOUSEKEEPING_EVERY_MS = 3_600_000;
const PRUNE_BATCH = 5_000;

/**
 * In worker processes (WORKERS=true, the default): every WEBHOOK_POLL_INTERVAL_MS, sequence the
 * outboxes into the feed and deliver what is due; hourly, prune. All the state is in the database
 * (outbox rows, deliveries with their lease), so any number of workers share the work and a worker
 * that dies loses nothing.
 */
@Injectable()
export class IntegrationWorker extends PollingWorker {
  private lastHousekeeping = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly relay: RelayService,
    private readonly delivery: DeliveryService,
    private readonly housekeeping: HousekeepingRepository,
    private readonly clock: Clock,
  ) {
    super('integration', { workers: config.workers, intervalMs: config.webhookPollIntervalMs });
  }

  /** Relay and deliver in turns, prune when due. */
  protected async pass(): Promise<void> {
    // Alternate sequencing and delivering, so a burst of writes never starves deliveries.
    for (let i = 0; i < 20 && !this.loop.stopped; i++) {
      const relayed = await this.relay.relayOnce();
      const delivered = await this.delivery.deliverDue();
      if (!relayed?.rows && delivered === 0) break;
    }
    if (Date.now() - this.lastHousekeeping >= HOUSEKEEPING_EVERY_MS) {
      this.lastHousekeeping = Date.now();
      await this.prune();
    }
  }

  /** Prunes what outlived its retention; returns the rows removed per kind. */
  async prune() {
    const now = this.clock.now().getTime();
    const idempotencyBefore = new Date(now - this.config.idempotencyRetentionDays * DAY_MS);
    const outboxBefore = new Date(now - this.config.outboxRetentionDays * DAY_MS);
    const result = { idempotencyKeys: 0, outboxRows: 0, deliveries: 0 };
    for (let n = -1; n !== 0;) {
      n = await this.housekeeping.pruneIdempotencyKeys(idempotencyBefore, PRUNE_BATCH);
      result.idempotencyKeys += n;
    }
    for (let n = -1; n !== 0;) {
      n = await this.housekeeping.pruneDispatchedOutbox(outboxBefore, PRUNE_BATCH);
      result.outboxRows += n;
    }
    for (let n = -1; n !== 0;) {
      n = await this.housekeeping.pruneFinishedDeliveries(outboxBefore, PRUNE_BATCH);
      result.deliveries += n;
    }
    return result;
  }
}
