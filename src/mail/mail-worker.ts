import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PollingWorker } from '../common/polling-worker';
import { MailDeliveryService } from './mail-delivery.service';

const PRUNE_EVERY_MS = 3_600_000;

/**
 * In worker processes (WORKERS=true): every MAIL_POLL_INTERVAL_MS, deliver the due mails. All the
 * state is in mail_outbox (with its lease), so any number of workers share the work.
 */
@Injectable()
export class MailWorker extends PollingWorker {
  private lastPrune = 0;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly delivery: MailDeliveryService,
  ) {
    super('mail', { workers: config.workers, intervalMs: config.mailPollIntervalMs });
  }

  /** Stops polling (tests use it to play a worker that died). */
  stop() {
    void this.loop.stop();
  }

  protected async pass(): Promise<void> {
    await this.delivery.deliverAllDue(10);
    if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.delivery.prune();
    }
  }
}
