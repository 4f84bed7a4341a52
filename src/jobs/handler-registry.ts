import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_HANDLER_METADATA, JobHandlerClass } from './job-queue.port';
import { JOB_RUN_HANDLER_METADATA, JobRunHandlerClass } from './runs/job-run-handler';
import { TIMER_HANDLER_METADATA, TimerHandlerClass } from './timers/timer-handler';

/** Finds every provider marked with @JobHandler, @TimerHandler or @JobRunHandler. */
@Injectable()
export class HandlerRegistry implements OnModuleInit {
  readonly jobs = new Map<string, JobHandlerClass>();
  readonly timers = new Map<string, TimerHandlerClass>();
  readonly jobRuns = new Map<string, JobRunHandlerClass>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit() {
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      this.add(this.jobs, Reflect.getMetadata(JOB_HANDLER_METADATA, metatype), instance);
      this.add(this.timers, Reflect.getMetadata(TIMER_HANDLER_METADATA, metatype), instance);
      this.add(this.jobRuns, Reflect.getMetadata(JOB_RUN_HANDLER_METADATA, metatype), instance);
    }
  }

  private add<T>(map: Map<string, T>, name: string | undefined, instance: T) {
    if (!name) return;
    if (map.has(name) && map.get(name) !== instance) {
      throw new Error(`two handlers are registered for "${name}"`);
    }
    map.set(name, instance);
  }
}
