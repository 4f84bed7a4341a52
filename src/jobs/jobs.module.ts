import { BullModule, getQueueToken } from '@nestjs/bull';
import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Queue } from 'bull';
import { AppConfig } from '../config/app-config';
import { BullJobDriver, QUEUE_NAME } from './drivers/bull.driver';
import { InProcessJobDriver } from './drivers/in-process.driver';
import { HandlerRegistry } from './handler-registry';
import { JobQueueDriver } from './job-queue.port';
import { JobRunRepository } from './persistence/job-run.repository';
import { TimerRepository } from './persistence/timer.repository';
import { JobRunService } from './runs/job-run.service';
import { JobRunsController } from './job-runs.controller';
import { TimerService } from './timers/timer.service';
import { WorkerLifecycle } from './worker-lifecycle';

/** The queue port: Bull on Redis when REDIS_URL is set, otherwise the in-process driver. */
@Global()
@Module({})
export class JobsModule {
  static forRoot(config: AppConfig): DynamicModule {
    const imports: DynamicModule['imports'] = [DiscoveryModule];
    let driver: Provider;
    if (config.redisUrl) {
      imports.push(
        BullModule.forRoot({ redis: config.redisUrl, prefix: config.redisPrefix }),
        BullModule.registerQueue({
          name: QUEUE_NAME,
          // A worker killed mid-job loses its lock within 20 s and the job runs again elsewhere;
          // the database row decides whether there is anything left to do.
          settings: { lockDuration: 20_000, stalledInterval: 10_000, maxStalledCount: 5 },
        }),
      );
      driver = {
        provide: JobQueueDriver,
        useFactory: (queue: Queue) => new BullJobDriver(queue),
        inject: [getQueueToken(QUEUE_NAME)],
      };
    } else {
      driver = { provide: JobQueueDriver, useFactory: () => new InProcessJobDriver() };
    }
    return {
      module: JobsModule,
      imports,
      controllers: [JobRunsController],
      providers: [
        driver,
        HandlerRegistry,
        TimerRepository,
        TimerService,
        JobRunRepository,
        JobRunService,
        WorkerLifecycle,
      ],
      exports: [JobQueueDriver, TimerService, JobRunService, WorkerLifecycle],
    };
  }
}
