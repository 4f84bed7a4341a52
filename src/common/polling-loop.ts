import { Logger } from '@nestjs/common';

/**
 * A pass run every interval in worker processes, never two at once in a process. The work's state
 * is in the database (leases, cursors), so any number of processes may poll side by side; a failed
 * pass is logged and simply runs again at the next tick.
 */
export class PollingLoop {
  private handle?: NodeJS.Timeout;
  private running?: Promise<void>;
  private halted = false;

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly pass: () => Promise<unknown>,
  ) {}

  get stopped(): boolean {
    return this.halted;
  }

  start(intervalMs: number): void {
    this.handle = setInterval(() => void this.tick(), intervalMs);
  }

  /** Stops polling; resolves once the pass under way, if any, has finished. */
  stop(): Promise<void> {
    this.halted = true;
    if (this.handle) clearInterval(this.handle);
    return this.running ?? Promise.resolve();
  }

  /** One pass now (or the one under way). */
  tick(): Promise<void> {
    if (this.running || this.halted) return this.running ?? Promise.resolve();
    this.running = (async () => {
      try {
        await this.pass();
      } catch (err) {
        this.logger.warn(`${this.what} pass failed (will retry): ${String(err)}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }
}
