import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { HandlerRegistry } from './handler-registry';
import { JobQueueDriver } from './job-queue.port';
import { JOB_RUN_EXECUTE_JOB, JobRunService } from './runs/job-run.service';
import { TIMER_FIRE_JOB, TimerService } from './timers/timer.service';

const CONCURRENCY = 4;

/**
 * In processes that run workers: consume the queue, fire overdue timers at start, and sweep
 * periodically for timers and jobs the queue missed. API processes with WORKERS=false only enqueue.
 */
@Injectable()
export class WorkerLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerLifecycle.name);
  private sweepHandle?: NodeJS.Timeout;
  private sweeping?: Promise<void>;
  private stopped = false;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly driver: JobQueueDriver,
    private readonly registry: HandlerRegistry,
    private readonly timers: TimerService,
    private readonly jobRuns: JobRunService,
  ) {}

  async onApplicationBootstrap() {
    if (!this.config.workers) return;
    await this.driver.startConsuming((name, data) => this.dispatch(name, data), CONCURRENCY);
    await this.sweep();
    this.sweepHandle = setInterval(() => void this.sweep(), this.config.timerSweepIntervalMs);
    this.logger.log(`workers running on the ${this.driver.kind} queue driver`);
  }

  async beforeApplicationShutdown() {
    this.stopped = true;
    if (this.sweepHandle) clearInterval(this.sweepHandle);
    await this.sweeping;
    await this.driver.stop();
  }

  async dispatch(name: string, data: Record<string, unknown>): Promise<void> {
    if (name === TIMER_FIRE_JOB) {
      if ((await this.timers.fire(String(data.timerId))) === 'failed') {
        throw new Error(`timer ${String(data.timerId)} failed`);
      }
      return;
    }
    if (name === JOB_RUN_EXECUTE_JOB) return this.jobRuns.execute(String(data.jobRunId));
    const handler = this.registry.jobs.get(name);
    if (!handler) throw new Error(`no handler for job "${name}"`);
    await handler.handle(data);
  }

  /** One pass of the sweeper; never two at once in a process. */
  sweep(): Promise<void> {
    if (this.sweeping || this.stopped) return this.sweeping ?? Promise.resolve();
    this.sweeping = (async () => {
      try {
        await this.timers.fireDue();
        await this.jobRuns.requeueLost();
      } catch (err) {
        this.logger.warn(`sweep failed (will retry): ${String(err)}`);
      } finally {
        this.sweeping = undefined;
      }
    })();
    return this.sweeping;
  }
}
