import { Inject, Injectable } from '@nestjs/common';
import { TransactionRunner } from '../../database/transaction-runner';
import { JobRunHandler } from '../../jobs/decorators';
import { JobRunContext, JobRunHandlerClass } from '../../jobs/runs/job-run-handler';
import { COSTING_CONFIG, CostingConfig } from '../costing.config';
import { EstimateWriter, RecalculationOutcome } from '../estimates/estimate-writer';
import { EstimateRepository } from '../persistence/estimate.repository';
import { ParameterSetRepository } from '../persistence/parameter-set.repository';

export const RECALCULATION_JOB = 'costing.recalculate';
const MAX_REPORTED_FAILURES = 100;

/**
 * Recomputes every estimate using a parameter set after it changed, in batches (one transaction
 * each, through the EstimateWriter so each estimate gets a history version and the hooks run).
 * Idempotent: a re-run (or a crash and retry) leaves estimates already on the current rate alone.
 */
@Injectable()
@JobRunHandler(RECALCULATION_JOB)
export class RecalculationJob implements JobRunHandlerClass {
  constructor(
    private readonly sets: ParameterSetRepository,
    private readonly estimates: EstimateRepository,
    private readonly transactions: TransactionRunner,
    private readonly writer: EstimateWriter,
    @Inject(COSTING_CONFIG) private readonly config: CostingConfig,
  ) {}

  async run(ctx: JobRunContext) {
    const parameterSetId = String(ctx.payload.parameterSetId);
    const set = await this.sets.yearAndVersion(parameterSetId);
    if (!set) return { parameterSetId, total: 0, note: 'the parameter set no longer exists' };
    const reason =
      typeof ctx.payload.reason === 'string'
        ? ctx.payload.reason
        : `parameter set ${set.year} changed`;
    const total = await this.estimates.countUsingSet(parameterSetId);
    await ctx.progress(0, total);

    const sum: RecalculationOutcome = { recalculated: 0, unchanged: 0, skipped: 0, failed: [] };
    let done = 0;
    let after: string | null = null;
    for (;;) {
      // Keyset over (parameter_set_id, id): each batch costs the same however far in.
      const ids = await this.estimates.idsUsingSet(
        parameterSetId,
        after,
        this.config.recalculationBatchSize,
      );
      if (ids.length === 0) break;
      const outcome = await this.transactions.run((tx) =>
        this.writer.recalculate(tx, {
          parameterSetId,
          estimateIds: ids,
          reason,
          changedBy: ctx.createdBy,
        }),
      );
      sum.recalculated += outcome.recalculated;
      sum.unchanged += outcome.unchanged;
      sum.skipped += outcome.skipped;
      sum.failed.push(...outcome.failed.slice(0, MAX_REPORTED_FAILURES - sum.failed.length));
      done += ids.length;
      after = ids[ids.length - 1];
      await ctx.progress(done, Math.max(total, done));
    }
    return {
      parameterSetId,
      year: set.year,
      parameterSetVersion: ctx.payload.parameterSetVersion ?? set.version,
      reason,
      total: done,
      ...sum,
    };
  }
}
