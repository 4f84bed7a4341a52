export const JOB_RUN_HANDLER_METADATA = 'regcut:job-run-handler';

export interface JobRunContext {
  id: string;
  payload: Record<string, unknown>;
  createdBy: string | null;
  /** Records progress (rows done of total) where `GET /jobs/:id` shows it. */
  progress(done: number, total?: number): Promise<void>;
}

/**
 * Runs a user-visible job (an import, a recalculation). May run again after a crash, so it
 * must be idempotent; what it returns is stored as the job's result.
 */
export interface JobRunHandlerClass {
  run(ctx: JobRunContext): Promise<Record<string, unknown> | void>;
}
