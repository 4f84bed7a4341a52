import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { MailDeliveryService } from './mail-delivery.service';

/**
 * In worker processes (WORKERS=true): every MAIL_POLL_INTERVAL_MS, deliver the due mails. All the
 * state is in mail_outbox (with its lease), so any number of workers share the work.
 */
@Injectable()
export class MailWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailWorker.name);
  private handle?: NodeJS.Timeout;
  private running?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly delivery: MailDeliveryService,
  ) {}

  onApplicationBootstrap() {
    if (!this.config.workers) return;
    this.handle = setInterval(() => void this.tick(), this.config.mailPollIntervalMs);
  }

  async onApplicationShutdown() {
    this.stopped = true;
    if (this.handle) clearInterval(this.handle);
    await this.running;
  }

  /** Stops polling (tests use it to play a worker that died). */
  stop() {
    this.stopped = true;
    if (this.handle) clearInterval(this.handle);
  }

  /** One pass (never two at once in a process). */
  tick(): Promise<void> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve();
    this.running = (async () => {
      try {
        await this.delivery.deliverAllDue(10);
      } catch (err) {
        this.logger.warn(`mail pass failed (will retry): ${String(err)}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
