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
import { LedgerRepository } from '../persistence/ledger.repository';

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
    private readonly ledger: LedgerRepository,
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
      const span = await this.ledger.deltaSpan();
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
    const written = await this.ledger.refresh(tx.manager, regulationIds);
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
        if (!(await this.ledger.tryTransactionLock(m, COMPACTION_LOCK_KEY))) return null;
        const kept = await this.ledger.compact(m);
        this.keptByLastCompaction = kept;
        return kept;
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
      const result = { regulations: await this.ledger.rebuild(manager) };
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
      const regulations = await this.ledger.freshLineCount(m);
      const stale = await this.ledger.staleLines(m);
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
    const rows = await this.ledger.aggregateDifferences(m, programmeId);
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
