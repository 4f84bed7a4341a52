import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PollingLoop } from '../common/polling-loop';
import { MailDeliveryService } from './mail-delivery.service';

const PRUNE_EVERY_MS = 3_600_000;

/**
 * In worker processes (WORKERS=true): every MAIL_POLL_INTERVAL_MS, deliver the due mails. All the
 * state is in mail_outbox (with its lease), so any number of workers share the work.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailWorker.name);
  private readonly loop = new PollingLoop('mail', this.logger, () => this.pass());
  private lastPrune = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delivery: MailDeliveryService,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.workers) return;
    this.loop.start(this.config.mailPollIntervalMs);
  }

  async beforeApplicationShutdown() {
    await this.loop.stop();
  }

  /** Stops polling (tests use it to play a worker that died). */
  stop() {
    void this.loop.stop();
  }

  /** One pass (never two at once in a process). */
  tick(): Promise<void> {
    return this.loop.tick();
  }

  private async pass(): Promise<void> {
    await this.delivery.deliverAllDue(10);
    if (Date.now() - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.delivery.prune();
    }
  }
}
