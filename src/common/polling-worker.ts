import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { PollingLoop } from './polling-loop';

/**
 * A PollingLoop with a worker process's lifecycle: it starts at bootstrap when the process runs
 * workers (WORKERS=true), and stops in beforeApplicationShutdown, before the database pool closes,
 * so a pass under way can finish.
 */
export abstract class PollingWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  protected readonly loop: PollingLoop;

  protected constructor(
    what: string,
    private readonly polling: { workers: boolean; intervalMs: number },
  ) {
    this.loop = new PollingLoop(what, this.logger, () => this.pass());
  }

  /** The work of one pass; a failure is logged and the next tick runs it again. */
  protected abstract pass(): Promise<void>;

  onApplicationBootstrap() {
    if (!this.polling.workers) return;
    this.loop.start(this.polling.intervalMs);
  }

  async beforeApplicationShutdown() {
    await this.loop.stop();
  }

  /** One pass now (never two at once in a process), or the one under way. */
  tick(): Promise<void> {
    return this.loop.tick();
  }
}
