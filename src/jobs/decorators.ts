import { SetMetadata } from '@nestjs/common';
import { JOB_HANDLER_METADATA } from './job-queue.port';
import { JOB_RUN_HANDLER_METADATA } from './runs/job-run-handler';
import { TIMER_HANDLER_METADATA } from './timers/timer-handler';

/** Marks a provider as the handler of queued jobs named `name`. */
export const JobHandler = (name: string) => SetMetadata(JOB_HANDLER_METADATA, name);

/** Marks a provider as the handler of durable timers of kind `kind`. */
export const TimerHandler = (kind: string) => SetMetadata(TIMER_HANDLER_METADATA, kind);

/** Marks a provider as the runner of user-visible jobs of kind `kind` (see JobRunService). */
export const JobRunHandler = (kind: string) => SetMetadata(JOB_RUN_HANDLER_METADATA, kind);
