import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { PlanHooks } from '../../costing/plan/plan-hooks';
import { TransactionRunner, Tx } from '../../database/transaction-runner';
import { TransitionHooks } from '../../workflow/transition-hooks';
import { affectsLedger } from '../domain/ledger';

/** Fold the deltas after this many were written by this process (keeps reads small). */
const COMPACT_AFTER = 2000;
/** How often worker processes look at the size of the deltas (writes by triggers count too). */
const COMPACTION_CHECK_MS = 30_000;
/** Fold once the deltas span more than this many rows, or twice what the last fold kept. */
const COMPACT_ABOVE_ROWS = 5000;
const COMPACTION_LOCK_KEY = 68_2020_07;

export interface LedgerDifference {
  programmeId: string;
  programme: string | null;
  agencyId: string;
  bucket: string;
  inBaseline: boolean;
  /** YYYY-MM, or null for buckets without a month. */
  month: string | null;
  expected: { count: string; costed: string; amount: string };
  actual: { count: string; costed: string; amount: string };
}

export interface LedgerCheck {
  programme: string | null;
  consistent: boolean;
  /** Regulations whose stored line is recomputed and compared. */
  regulations: number;
  /** Stored lines that differ from a recomputation (a few ids, and how many). */
  staleLines: { count: number; sample: string[] };
  /** Aggregate keys whose summed deltas differ from a from-scratch recomputation. */
  differences: LedgerDifference[];
  checkedAt: string;
}

/**
 * Keeps the targets ledger (migration 1764190600000-Reporting) in step with the data, in the
 * transaction of every change: transitions that change a regulation's stage and plan writes call
 * `progress_refresh` through the workflow's TransitionHooks and the costing module's PlanHooks.
 * Estimate writes are refreshed by a statement-level trigger instead of the per-estimate
 * EstimateHooks: a recalculation writes hundreds of estimates in one statement, and one set-based
 * refresh per statement keeps it fast (bench B4). The register's writes, which have no hooks, are
 * covered by triggers too. Also compacts, rebuilds and checks the ledger.
 */
@Injectable()
export class LedgerService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LedgerService.name);
  private writtenSinceCompaction = 0;
  private compacting?: Promise<unknown>;
  private compactionTimer?: NodeJS.Timeout;
  private keptByLastCompaction = 0;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly transitionHooks: TransitionHooks,
    private readonly planHooks: PlanHooks,
  ) {}

  onModuleInit() {
    this.transitionHooks.register(
      async (tx, ctx) => {
        await this.refresh(tx, [ctx.regulation.id]);
      },
      (ctx) => affectsLedger(ctx.before, ctx.after),
    );
    this.planHooks.register(async (tx, change) => {
      await this.refresh(tx, [change.regulationId]);
    });
  }

  /** Worker processes fold the deltas when they grow, whoever wrote them (hooks or triggers). */
  onApplicationBootstrap() {
    if (!this.config.workers) return;
    this.compactionTimer = setInterval(() => void this.compactIfLarge(), COMPACTION_CHECK_MS);
    this.compactionTimer.unref();
  }

  onApplicationShutdown() {
    if (this.compactionTimer) clearInterval(this.compactionTimer);
  }

  /** Folds when the deltas span many rows (max id − min id: two index probes, no count). */
  async compactIfLarge(): Promise<number | null> {
    try {
      const [row] = await this.dataSource.query(
        `SELECT coalesce(max(id) - min(id) + 1, 0) AS span FROM progress_delta`,
      );
      const span = Number(row.span);
      if (span <= Math.max(COMPACT_ABOVE_ROWS, 2 * this.keptByLastCompaction)) return null;
      return await this.compact();
    } catch (err) {
      this.logger.warn(`ledger compaction check failed (will retry): ${String(err)}`);
      return null;
    }
  }

  /**
   * Recomputes the lines of these regulations and records the difference of their contributions,
   * in the caller's transaction (locking the regulation rows first, in id order).
   */
  async refresh(tx: Tx, regulationIds: string[]): Promise<number> {
    if (regulationIds.length === 0) return 0;
    const [row] = await tx.manager.query(`SELECT progress_refresh($1::uuid[]) AS written`, [
      regulationIds,
    ]);
    const written = Number(row.written);
    this.writtenSinceCompaction += written;
    if (this.writtenSinceCompaction >= COMPACT_AFTER) {
      this.writtenSinceCompaction = 0;
      tx.afterCommit(() => this.compact());
    }
    return written;
  }

  /**
   * Folds the deltas into one row per key, in its own short transaction; one compaction at a time
   * across processes (a second one finds the advisory lock taken and returns null).
   */
  compact(): Promise<number | null> {
    if (this.compacting) return this.compacting.then(() => null);
    const run = this.dataSource
      .transaction(async (m) => {
        const [lock] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS got`, [
          COMPACTION_LOCK_KEY,
        ]);
        if (!lock.got) return null;
        const [row] = await m.query(`SELECT progress_compact() AS kept`);
        this.keptByLastCompaction = Number(row.kept);
        return Number(row.kept);
      })
      .catch((err) => {
        this.logger.warn(`ledger compaction failed (will retry later): ${String(err)}`);
        return null;
      })
      .finally(() => (this.compacting = undefined));
    this.compacting = run;
    return run;
  }

  /** Recomputes every line and aggregate from scratch (admin repair; also after bulk loads). */
  async rebuild(
    alsoInTransaction?: (manager: EntityManager, result: { regulations: number }) => Promise<void>,
  ): Promise<{ regulations: number }> {
    return this.transactions.run(async ({ manager }) => {
      const [row] = await manager.query(`SELECT progress_rebuild() AS lines`);
      const result = { regulations: Number(row.lines) };
      await alsoInTransaction?.(manager, result);
      return result;
    });
  }

  /**
   * Compares the stored lines and the summed deltas with a from-scratch recomputation, in one
   * consistent snapshot (REPEATABLE READ), so concurrent writers never show up as differences.
   */
  check(programme: { id: string; code: string } | null): Promise<LedgerCheck> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [{ regulations }] = await m.query(
        `SELECT count(*)::int AS regulations FROM progress_line_fresh`,
      );
      const stale: Array<{ regulation_id: string; total: number }> = await m.query(`
        SELECT coalesce(f.regulation_id, l.regulation_id) AS regulation_id,
               count(*) OVER ()::int AS total
          FROM progress_line_fresh f
          FULL JOIN progress_line l ON l.regulation_id = f.regulation_id
         WHERE (f.agency_id, f.stage, f.overdue, f.baseline_programme_ids, f.costed, f.baseline_cost,
                f.plan_programme_id, f.plan_action, f.savings, f.approved_on, f.implemented_on,
                f.implementation_deadline)
               IS DISTINCT FROM
               (l.agency_id, l.stage, l.overdue, l.baseline_programme_ids, l.costed, l.baseline_cost,
                l.plan_programme_id, l.plan_action, l.savings, l.approved_on, l.implemented_on,
                l.implementation_deadline)
         ORDER BY 1
         LIMIT 20`);
      const differences = await this.aggregateDifferences(m, programme?.id ?? null);
      return {
        programme: programme?.code ?? null,
        consistent: stale.length === 0 && differences.length === 0,
        regulations: Number(regulations),
        staleLines: { count: stale[0]?.total ?? 0, sample: stale.map((s) => s.regulation_id) },
        differences,
        checkedAt: new Date().toISOString(),
      };
    });
  }

  private async aggregateDifferences(
    m: EntityManager,
    programmeId: string | null,
  ): Promise<LedgerDifference[]> {
    const rows: Array<Record<string, any>> = await m.query(
      `WITH expected AS (
         SELECT c_programme_id AS programme_id, c_agency_id AS agency_id, c_bucket AS bucket,
                c_in_baseline AS in_baseline, c_month AS month,
                sum(c_n) AS n, sum(c_costed) AS costed, sum(c_amount) AS amount
           FROM progress_line_fresh f, LATERAL progress_contributions(
             f.agency_id, f.stage, f.overdue, f.baseline_programme_ids, f.costed, f.baseline_cost,
             f.plan_programme_id, f.savings, f.approved_on, f.implemented_on) c
          WHERE $1::uuid IS NULL OR c_programme_id = $1
          GROUP BY 1, 2, 3, 4, 5
       ), actual AS (
         SELECT programme_id, agency_id, bucket::text AS bucket, in_baseline, month,
                sum(n) AS n, sum(costed) AS costed, sum(amount) AS amount
           FROM progress_delta
          WHERE $1::uuid IS NULL OR programme_id = $1
          GROUP BY 1, 2, 3, 4, 5
       )
       SELECT programme_id, g.code AS programme_code, agency_id, bucket, in_baseline, month,
              coalesce(e.n, 0)::text AS expected_n, coalesce(e.costed, 0)::text AS expected_costed,
              coalesce(e.amount, 0)::text AS expected_amount,
              coalesce(a.n, 0)::text AS actual_n, coalesce(a.costed, 0)::text AS actual_costed,
              coalesce(a.amount, 0)::text AS actual_amount
         FROM expected e
         FULL JOIN actual a USING (programme_id, agency_id, bucket, in_baseline, month)
         LEFT JOIN programme g ON g.id = programme_id
        WHERE coalesce(e.n, 0) <> coalesce(a.n, 0)
           OR coalesce(e.costed, 0) <> coalesce(a.costed, 0)
           OR coalesce(e.amount, 0) <> coalesce(a.amount, 0)
        ORDER BY 2, 3, 4, 5, 6
        LIMIT 200`,
      [programmeId],
    );
    return rows.map((r) => ({
      programmeId: r.programme_id,
      programme: r.programme_code,
      agencyId: r.agency_id,
      bucket: r.bucket,
      inBaseline: r.in_baseline,
      month:
        Number(r.month) > 0
          ? `${Math.floor(r.month / 100)}-${String(r.month % 100).padStart(2, '0')}`
          : null,
      expected: { count: r.expected_n, costed: r.expected_costed, amount: r.expected_amount },
      actual: { count: r.actual_n, costed: r.actual_costed, amount: r.actual_amount },
    }));
  }
}
