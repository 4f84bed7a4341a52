import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { TransactionRunner } from '../../database/transaction-runner';
import { isUniqueViolation } from '../../database/pg-errors';
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
import { ParameterSetRepository } from '../persistence/parameter-set.repository';
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
    private readonly sets: ParameterSetRepository,
  ) {}

  async list(q: ParameterSetListQuery): Promise<Page<ParameterSetView>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor, 1);
    const rows = await this.sets.page(after ? Number(after[0]) : null, limit + 1);
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
    const rows = await this.sets.history(id);
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
      await this.insertOrConflict(values.year, () =>
        this.sets.insert(manager, id, this.columns(values), now, cleanSource(source)),
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
        await this.sets.setSource(m, id, source, current.version + 1, this.clock.now());
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
      await this.insertOrConflict(next.year, () =>
        this.sets.update(m, id, this.columns(next), version, this.clock.now(), source),
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
      const use = await this.sets.usage(manager, id);
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
      await this.sets.delete(manager, id);
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
    const row = await this.sets.find(m, id, lock);
    if (!row) {
      throw new ProblemException(404, 'not-found', msg('parameterSet.noSuch'));
    }
    return toParameterSetRow(row);
  }

  private async assertYearFree(m: EntityManager, year: number): Promise<void> {
    if (await this.sets.yearTaken(m, year)) throw yearTaken(year);
  }

  /** A concurrent create of the same year ends in the unique index: a 409 too, never a 500. */
  private async insertOrConflict(year: number, write: () => Promise<void>): Promise<void> {
    try {
      await write();
    } catch (err) {
      if (isUniqueViolation(err)) throw yearTaken(year);
      throw err;
    }
  }

  private async recordHistory(
    m: EntityManager,
    actor: Principal,
    view: ParameterSetView,
  ): Promise<void> {
    const { id, version, createdAt: _c, updatedAt: _u, ...values } = view;
    await this.sets.insertHistory(m, {
      id,
      version,
      values,
      changedBy: actor.userId,
      at: this.clock.now(),
    });
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
