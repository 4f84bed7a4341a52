import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { AdminAuditService, diff } from '../../identity/audit/admin-audit.service';
import { Principal } from '../../identity/domain/principal';
import { JobRunService } from '../../jobs/runs/job-run.service';
import { CostInputError, Rational } from '../domain';
import { RECALCULATION_JOB } from '../recalculation/recalculation.job';
import { assertVersion } from '../shared/costing-rules';
import { ParameterSetRow, toParameterSetRow } from '../shared/rows';
import {
  CreateParameterSetDto,
  ParameterSetListQuery,
  UpdateParameterSetDto,
} from './parameter-set.dto';
import {
  mergeParameterPatch,
  ParameterValues,
  sameValues,
  toParameterValues,
} from './parameter-values';
import { msg } from '../../common/i18n/catalogue';

export interface ParameterSetView {
  id: string;
  year: number;
  /** VND per hour, 2 decimals for display. */
  hourlyRate: string;
  /** The exact rate "n/d" every estimate is computed with. */
  hourlyRateExact: string;
  /** 'derived' from annualIncomePerCapita, or an 'explicit' hourlyRate. */
  rateSource: 'derived' | 'explicit';
  annualIncomePerCapita: string | null;
  monthsPerYear: string;
  workingDaysPerMonth: string;
  hoursPerDay: string;
  /** Where the figure comes from (e.g. the General Statistics Office's publication). */
  source: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

const dec = (v: string | null) => (v === null ? null : Rational.parse(v).toDecimalString());

export function parameterSetView(r: ParameterSetRow): ParameterSetView {
  return {
    id: r.id,
    year: r.year,
    hourlyRate: Rational.parse(r.hourlyRateExact).toFixed(2),
    hourlyRateExact: r.hourlyRateExact,
    rateSource: r.hourlyRate === null ? 'derived' : 'explicit',
    annualIncomePerCapita: dec(r.annualIncomePerCapita),
    monthsPerYear: dec(r.monthsPerYear)!,
    workingDaysPerMonth: dec(r.workingDaysPerMonth)!,
    hoursPerDay: dec(r.hoursPerDay)!,
    source: r.source,
    version: r.version,
    createdAt: new Date(r.createdAt).toISOString(),
    updatedAt: new Date(r.updatedAt).toISOString(),
  };
}

const valuesOf = (r: ParameterSetRow): ParameterValues => ({
  year: r.year,
  hourlyRate: dec(r.hourlyRate),
  annualIncomePerCapita: dec(r.annualIncomePerCapita),
  monthsPerYear: dec(r.monthsPerYear)!,
  workingDaysPerMonth: dec(r.workingDaysPerMonth)!,
  hoursPerDay: dec(r.hoursPerDay)!,
  hourlyRateExact: r.hourlyRateExact,
});

/** Bộ tham số chi phí: one per year, set by admins; every edit is versioned and audited. */
@Injectable()
export class CostParameterSetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
    private readonly audit: AdminAuditService,
    private readonly jobs: JobRunService,
    private readonly clock: Clock,
  ) {}

  async list(q: ParameterSetListQuery): Promise<Page<ParameterSetView>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor, 1);
    const rows = await this.dataSource.query(
      `SELECT * FROM cost_parameter_set WHERE ($1::int IS NULL OR year < $1::int)
        ORDER BY year DESC LIMIT $2`,
      [after ? Number(after[0]) : null, limit + 1],
    );
    return toPage(rows.map(toParameterSetRow), limit, parameterSetView, (r: ParameterSetRow) => [
      r.year,
    ]);
  }

  async get(id: string): Promise<ParameterSetView> {
    return parameterSetView(await this.find(this.dataSource.manager, id));
  }

  /** The versions of one set, oldest first. */
  async history(id: string) {
    await this.find(this.dataSource.manager, id);
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT version, values, changed_by, changed_at FROM cost_parameter_set_history
        WHERE parameter_set_id = $1 ORDER BY version`,
      [id],
    );
    return {
      items: rows.map((r) => ({
        version: Number(r.version),
        values: r.values,
        changedBy: r.changed_by ?? null,
        changedAt: new Date(r.changed_at).toISOString(),
      })),
    };
  }

  create(actor: Principal, dto: CreateParameterSetDto): Promise<ParameterSetView> {
    const { source, ...figures } = dto;
    const values = this.validate({ ...figures });
    return this.transactions.run(async ({ manager }) => {
      await this.assertYearFree(manager, values.year);
      const id = randomUUID();
      const now = this.clock.now();
      await this.insertOrConflict(
        manager,
        `INSERT INTO cost_parameter_set (id, year, hourly_rate, annual_income_per_capita, months_per_year,
           working_days_per_month, hours_per_day, hourly_rate_exact, version, created_at, updated_at,
           source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $10)`,
        [id, ...this.columns(values), now, cleanSource(source)],
        values.year,
      );
      const view = parameterSetView(await this.find(manager, id));
      await this.recordHistory(manager, actor, view);
      await this.audit.record(manager, actor, {
        action: 'cost_parameter_set.create',
        entityType: 'cost_parameter_set',
        entityId: id,
        changes: view as never,
      });
      return view;
    });
  }

  /**
   * Edits a set. When anything changed, the version goes up, the old values stay in the set's
   * history, and a recalculation job recomputes every estimate using the set.
   */
  update(
    actor: Principal,
    id: string,
    dto: UpdateParameterSetDto,
    ifMatch: number | undefined,
  ): Promise<ParameterSetView & { recalculationJobId: string | null }> {
    return this.transactions.run(async (tx) => {
      const m = tx.manager;
      // FOR UPDATE waits for estimates being computed with the set (they hold FOR SHARE).
      const current = await this.find(m, id, 'FOR UPDATE');
      assertVersion(ifMatch, current.version, 'cost-parameter set');
      const before = valuesOf(current);
      const { source: givenSource, ...figures } = dto;
      const next = this.validate(mergeParameterPatch(before, { ...figures }));
      const source = givenSource === undefined ? current.source : cleanSource(givenSource);
      const figuresSame = sameValues(before, next);
      if (figuresSame && source === current.source) {
        return { ...parameterSetView(current), recalculationJobId: null };
      }
      if (figuresSame) {
        // Only the note on where the figure comes from: no estimate changes, nothing to recompute.
        await m.query(
          `UPDATE cost_parameter_set SET source = $2, version = $3, updated_at = $4 WHERE id = $1`,
          [id, source, current.version + 1, this.clock.now()],
        );
        const view = parameterSetView(await this.find(m, id));
        await this.recordHistory(m, actor, view);
        await this.audit.record(m, actor, {
          action: 'cost_parameter_set.update',
          entityType: 'cost_parameter_set',
          entityId: id,
          changes: diff(parameterSetView(current), view, ['updatedAt']),
        });
        return { ...view, recalculationJobId: null };
      }
      if (next.year !== before.year) await this.assertYearFree(m, next.year);
      const version = current.version + 1;
      await this.insertOrConflict(
        m,
        `UPDATE cost_parameter_set SET year = $2, hourly_rate = $3, annual_income_per_capita = $4,
           months_per_year = $5, working_days_per_month = $6, hours_per_day = $7,
           hourly_rate_exact = $8, version = $9, updated_at = $10, source = $11
         WHERE id = $1`,
        [id, ...this.columns(next), version, this.clock.now(), source],
        next.year,
      );
      const beforeView = parameterSetView(current);
      const view = parameterSetView(await this.find(m, id));
      await this.recordHistory(m, actor, view);
      await this.audit.record(m, actor, {
        action: 'cost_parameter_set.update',
        entityType: 'cost_parameter_set',
        entityId: id,
        changes: diff(beforeView, view, ['updatedAt']),
      });
      const recalculationJobId = await this.jobs.create(
        tx,
        RECALCULATION_JOB,
        {
          parameterSetId: id,
          parameterSetVersion: version,
          reason: `parameter set ${view.year} changed (version ${version})`,
        },
        actor.userId,
      );
      return { ...view, recalculationJobId };
    });
  }

  /** Only a set no estimate uses, now or in its history, may be deleted (409 otherwise). */
  remove(actor: Principal, id: string): Promise<void> {
    return this.transactions.run(async ({ manager }) => {
      const current = await this.find(manager, id, 'FOR UPDATE');
      const [use] = await manager.query(
        `SELECT (SELECT count(*) FROM cost_estimate WHERE parameter_set_id = $1)::int AS estimates,
                (SELECT count(*) FROM cost_estimate_history WHERE parameter_set_id = $1)::int AS versions`,
        [id],
      );
      if (use.estimates > 0 || use.versions > 0) {
        throw new ProblemException(
          409,
          'in-use',
          msg('parameterSet.inUse', {
            year: current.year,
            estimates: use.estimates,
            versions: use.versions,
          }),
          { estimates: use.estimates, estimateVersions: use.versions },
        );
      }
      await manager.query(`DELETE FROM cost_parameter_set_history WHERE parameter_set_id = $1`, [
        id,
      ]);
      await manager.query(`DELETE FROM cost_parameter_set WHERE id = $1`, [id]);
      await this.audit.record(manager, actor, {
        action: 'cost_parameter_set.delete',
        entityType: 'cost_parameter_set',
        entityId: id,
        changes: parameterSetView(current) as never,
      });
    });
  }

  private validate(input: Parameters<typeof toParameterValues>[0]): ParameterValues {
    try {
      return toParameterValues(input);
    } catch (err) {
      if (err instanceof CostInputError) throw new ValidationProblem([...err.errors]);
      throw err;
    }
  }

  private columns(v: ParameterValues): unknown[] {
    return [
      v.year,
      v.hourlyRate,
      v.annualIncomePerCapita,
      v.monthsPerYear,
      v.workingDaysPerMonth,
      v.hoursPerDay,
      v.hourlyRateExact,
    ];
  }

  private async find(
    m: EntityManager,
    id: string,
    lock: '' | 'FOR UPDATE' = '',
  ): Promise<ParameterSetRow> {
    const rows = await m.query(`SELECT * FROM cost_parameter_set WHERE id = $1 ${lock}`, [id]);
    if (rows.length === 0) {
      throw new ProblemException(404, 'not-found', msg('parameterSet.noSuch'));
    }
    return toParameterSetRow(rows[0]);
  }

  private async assertYearFree(m: EntityManager, year: number): Promise<void> {
    const rows = await m.query(`SELECT 1 FROM cost_parameter_set WHERE year = $1`, [year]);
    if (rows.length > 0) throw yearTaken(year);
  }

  /** A concurrent create of the same year ends in the unique index: a 409 too, never a 500. */
  private async insertOrConflict(
    m: EntityManager,
    sql: string,
    params: unknown[],
    year: number,
  ): Promise<void> {
    try {
      await m.query(sql, params);
    } catch (err) {
      if (
        (err as { code?: string; driverError?: { code?: string } }).driverError?.code === '23505' ||
        (err as { code?: string }).code === '23505'
      ) {
        throw yearTaken(year);
      }
      throw err;
    }
  }

  private async recordHistory(
    m: EntityManager,
    actor: Principal,
    view: ParameterSetView,
  ): Promise<void> {
    const { id, version, createdAt: _c, updatedAt: _u, ...values } = view;
    await m.query(
      `INSERT INTO cost_parameter_set_history (parameter_set_id, version, values, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [id, version, JSON.stringify(values), actor.userId, this.clock.now()],
    );
  }
}

/** A blank source is no source. */
function cleanSource(v: string | null | undefined): string | null {
  const t = typeof v === 'string' ? v.trim() : '';
  return t === '' ? null : t;
}

function yearTaken(year: number): ProblemException {
  return new ProblemException(409, 'conflict', msg('parameterSet.exists', { year }), {
    errors: [{ field: 'year', message: `a set for ${year} already exists` }],
  });
}
