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

/**
 * Thrown by a handler whose job cannot do its work for a reason the user must read (an
 * unreadable import file): the job ends `failed` with this message as its error, and `result`
 * is kept as the job's result so the details stay readable.
 */
export class JobRunFailure extends Error {
  constructor(
    message: string,
    readonly result: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'JobRunFailure';
  }
}
