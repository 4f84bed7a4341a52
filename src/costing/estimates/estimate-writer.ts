import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { FieldError, ProblemException, ValidationProblem } from '../../common/problem';
import { Tx } from '../../database/transaction-runner';
import { RegulationEntity } from '../../register/persistence/regulation.entity';
import { RegulationRepository } from '../../register/persistence/regulation.repository';
import { COSTING_CONFIG, CostingConfig, RECALCULATION_LIMITS } from '../costing.config';
import {
  calculateParsedEstimate,
  CostInputError,
  ParsedEstimate,
  parseEstimate,
  Rational,
  validateEstimate,
} from '../domain';
import { withCostField } from '../shared/cost-fields';
import { EstimateKind, EstimateSource } from '../shared/costing-rules';
import {
  ParameterSetRow,
  StoredEstimate,
  StoredInputs,
  toParameterSetRow,
  toStoredEstimate,
  toStoredInputs,
  toStoredResults,
} from '../shared/rows';
import { EstimateRepository } from '../persistence/estimate.repository';
import { ParameterSetRepository } from '../persistence/parameter-set.repository';
import { EstimateHooks } from './estimate-hooks';
import { isUuid } from '../../common/ids';
import { msg } from '../../common/i18n/catalogue';

/** A change of one estimate from raw input (PUT, accepted consultation feedback). */
export interface EstimateWrite {
  regulationId: string;
  kind: EstimateKind;
  /** Raw; checked here (required, a UUID, an existing set) together with the estimate's fields. */
  parameterSetId: unknown;
  /** The estimate's fields as a client sent them (api.md); the costing domain parses them strictly. */
  input: unknown;
  source: Exclude<EstimateSource, 'recalculation'>;
  /** Why this version exists (shown in the history); e.g. the feedback's summary. */
  reason?: string | null;
  /** For source 'feedback': the accepted feedback item. */
  feedbackId?: string | null;
  /** The user recorded as the author of this version (null for an API key or the system). */
  changedBy: string | null;
  /**
   * Runs once the regulation row is locked and before anything is validated or written: access,
   * workflow state, If-Match. Throw to refuse.
   */
  precondition?: (ctx: {
    regulation: RegulationEntity;
    current: StoredEstimate | null;
  }) => void | Promise<void>;
}

/** One re-estimated field of an existing estimate, e.g. `activities[0].hours` or `feesAndCharges`. */
export interface EstimateFieldRevision extends Omit<EstimateWrite, 'parameterSetId' | 'input'> {
  field: string;
  value: unknown;
}

export interface EstimateWriteResult {
  regulation: RegulationEntity;
  before: StoredEstimate | null;
  after: StoredEstimate;
}

export interface RecalculationBatch {
  parameterSetId: string;
  estimateIds: string[];
  reason: string;
  changedBy: string | null;
}

export interface RecalculationOutcome {
  /** Got a new version with the set's current rate. */
  recalculated: number;
  /** Already computed with the current rate (e.g. a re-run): left alone, no new version. */
  unchanged: number;
  /** No longer uses this set (moved to another one meanwhile) or was deleted. */
  skipped: number;
  failed: Array<{ estimateId: string; errors: Array<{ field: string; message: string }> }>;
}

/** What persist() needs for one new version. */
interface PendingVersion {
  regulationId: string;
  kind: EstimateKind;
  before: StoredEstimate | null;
  set: ParameterSetRow;
  estimate: ParsedEstimate;
  /** The stored form of `estimate` when it is already known (recalculation keeps the inputs). */
  storedInputs?: StoredInputs;
  source: EstimateSource;
  reason: string | null;
  feedbackId: string | null;
  changedBy: string | null;
}

/**
 * THE write path of cost estimates: every change (PUT, accepted feedback, recalculation) goes
 * through here, so each one is validated by the costing domain, computed exactly, stored as a new
 * version (version + 1) with a history row (who, when, source, why, inputs, results), and seen by
 * the EstimateHooks in the same transaction. It works in the caller's transaction and always
 * locks the regulation row(s) first, then reads the parameter set FOR SHARE, so concurrent writes
 * serialise per regulation and a parameter-set edit waits for estimates being computed with it.
 */
@Injectable()
export class EstimateWriter {
  constructor(
    private readonly regulations: RegulationRepository,
    private readonly estimates: EstimateRepository,
    private readonly sets: ParameterSetRepository,
    private readonly hooks: EstimateHooks,
    private readonly clock: Clock,
    @Inject(COSTING_CONFIG) private readonly config: CostingConfig,
  ) {}

  async write(tx: Tx, w: EstimateWrite): Promise<EstimateWriteResult> {
    return this.writeFrom(tx, w, () => ({ parameterSetId: w.parameterSetId, input: w.input }));
  }

  /**
   * A new version of an existing estimate with one cost field re-estimated (an accepted
   * consultation item, domain.md §6): same parameter set, every other input kept. 409 when the
   * estimate does not exist; 400 naming the field when it is not one of this estimate's or the
   * value is invalid (e.g. a central value below its low).
   */
  async reviseField(tx: Tx, r: EstimateFieldRevision): Promise<EstimateWriteResult> {
    return this.writeFrom(tx, r, (current) => {
      if (!current) {
        throw new ProblemException(
          409,
          'no-estimate',
          msg('estimate.noneToRevise', { kind: r.kind }),
        );
      }
      try {
        return {
          parameterSetId: current.parameterSetId,
          input: {
            subjectType: current.subjectType,
            costKind: current.costKind,
            ...withCostField(current.inputs, r.field, r.value),
          },
        };
      } catch (err) {
        if (err instanceof CostInputError) throw new ValidationProblem([...err.errors]);
        throw err;
      }
    });
  }

  private async writeFrom(
    tx: Tx,
    w: Omit<EstimateWrite, 'parameterSetId' | 'input'>,
    inputOf: (current: StoredEstimate | null) => { parameterSetId: unknown; input: unknown },
  ): Promise<EstimateWriteResult> {
    const regulation = await this.regulations.findForUpdate(tx.manager, w.regulationId);
    if (!regulation) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    const current = await this.current(tx.manager, regulation.id, w.kind);
    await w.precondition?.({ regulation, current });
    const { parameterSetId, input } = inputOf(current);

    const errors: FieldError[] = [];
    const set = await this.lockParameterSet(tx.manager, parameterSetId, errors);
    const validation = validateEstimate(input, this.config.limits);
    if (!validation.ok) errors.push(...validation.errors);
    if (errors.length > 0 || !set || !validation.ok) throw new ValidationProblem(errors);

    const [after] = await this.persist(tx, [
      {
        regulationId: regulation.id,
        kind: w.kind,
        before: current,
        set,
        estimate: validation.estimate,
        source: w.source,
        reason: w.reason?.trim() || null,
        feedbackId: w.feedbackId ?? null,
        changedBy: w.changedBy,
      },
    ]);
    return { regulation, before: current, after };
  }

  /**
   * Recomputes the given estimates with their parameter set's current rate. Idempotent: an
   * estimate already computed with that exact rate gets no new version.
   */
  async recalculate(tx: Tx, batch: RecalculationBatch): Promise<RecalculationOutcome> {
    const outcome: RecalculationOutcome = { recalculated: 0, unchanged: 0, skipped: 0, failed: [] };
    if (batch.estimateIds.length === 0) return outcome;
    const m = tx.manager;
    const owners = await this.estimates.owners(m, batch.estimateIds);
    // Regulations first, in id order: batches and single writes then never wait on each other in a cycle.
    await this.regulations.lockAllForUpdate(m, owners);
    const setRow = await this.sets.find(m, batch.parameterSetId, 'FOR SHARE');
    if (!setRow) {
      outcome.skipped = batch.estimateIds.length;
      return outcome;
    }
    const set = toParameterSetRow(setRow);
    const rate = Rational.parse(set.hourlyRateExact);
    const rows: StoredEstimate[] = (
      await this.estimates.usingSet(m, batch.estimateIds, set.id)
    ).map(toStoredEstimate);
    outcome.skipped = batch.estimateIds.length - rows.length;

    const pending: PendingVersion[] = [];
    for (const e of rows) {
      if (e.results?.hourlyRateExact && Rational.parse(e.results.hourlyRateExact).eq(rate)) {
        outcome.unchanged++;
        continue;
      }
      try {
        const estimate = parseEstimate(
          { subjectType: e.subjectType, costKind: e.costKind, ...e.inputs },
          RECALCULATION_LIMITS,
        );
        pending.push({
          regulationId: e.regulationId,
          kind: e.kind,
          before: e,
          set,
          estimate,
          storedInputs: e.inputs,
          source: 'recalculation',
          reason: batch.reason,
          feedbackId: null,
          changedBy: batch.changedBy,
        });
      } catch (err) {
        if (!(err instanceof CostInputError)) throw err;
        outcome.failed.push({ estimateId: e.id, errors: [...err.errors] });
      }
    }
    await this.persist(tx, pending);
    outcome.recalculated = pending.length;
    return outcome;
  }

  /** The current estimate of one kind (no lock of its own: the regulation's lock guards it). */
  async current(
    manager: EntityManager,
    regulationId: string,
    kind: EstimateKind,
  ): Promise<StoredEstimate | null> {
    const row = await this.estimates.find(manager, regulationId, kind);
    return row ? toStoredEstimate(row) : null;
  }

  private async lockParameterSet(
    manager: EntityManager,
    id: unknown,
    errors: FieldError[],
  ): Promise<ParameterSetRow | null> {
    const field = 'parameterSetId';
    if (id === undefined || id === null || id === '') {
      errors.push({ field, message: 'is required' });
      return null;
    }
    if (typeof id !== 'string' || !isUuid(id)) {
      errors.push({ field, message: 'must be the id (a UUID) of a cost-parameter set' });
      return null;
    }
    // FOR SHARE: a concurrent edit of the set waits until this estimate is stored, so its
    // recalculation job sees it; a delete waits too and then finds the set in use.
    const row = await this.sets.find(manager, id, 'FOR SHARE');
    if (!row) {
      errors.push({ field, message: 'no cost-parameter set has this id' });
      return null;
    }
    return toParameterSetRow(row);
  }

  /** Upserts the estimates (version + 1), appends their history rows, then runs the hooks. */
  private async persist(tx: Tx, versions: PendingVersion[]): Promise<StoredEstimate[]> {
    if (versions.length === 0) return [];
    const now = this.clock.now();
    const records = versions.map((v) => {
      const calc = calculateParsedEstimate(v.estimate, Rational.parse(v.set.hourlyRateExact));
      return {
        id: v.before?.id ?? randomUUID(),
        existing: v.before !== null,
        regulation_id: v.regulationId,
        kind: v.kind,
        parameter_set_id: v.set.id,
        subject_type: v.estimate.subjectType,
        cost_kind: v.estimate.costKind,
        inputs: v.storedInputs ?? toStoredInputs(v.estimate),
        results: toStoredResults(calc, v.set),
        unit_cost: calc.unitCost,
        annual_cost: calc.annualCost,
        annual_cost_low: calc.annualCostLow ?? null,
        annual_cost_high: calc.annualCostHigh ?? null,
        annual_cost_exact: calc.exact.annualCost.toString(),
        reason: v.reason,
        updated_by: v.changedBy,
        source: v.source,
        feedback_id: v.feedbackId,
      };
    });
    // One round trip per batch: only the new versions come back; the rest is known here.
    const rows = await this.estimates.upsertVersions(tx.manager, records, now);
    const versionOf = new Map(rows.map((r) => [`${r.regulation_id}:${r.kind}`, r] as const));
    const stored: StoredEstimate[] = records.map((r) => {
      const row = versionOf.get(`${r.regulation_id}:${r.kind}`)!;
      return {
        id: row.id,
        regulationId: r.regulation_id,
        kind: r.kind,
        parameterSetId: r.parameter_set_id,
        subjectType: r.subject_type,
        costKind: r.cost_kind,
        inputs: r.inputs,
        results: r.results,
        unitCost: r.unit_cost,
        annualCost: r.annual_cost,
        annualCostLow: r.annual_cost_low,
        annualCostHigh: r.annual_cost_high,
        annualCostExact: r.annual_cost_exact,
        version: Number(row.version),
        reason: r.reason,
        updatedBy: r.updated_by,
        updatedAt: now,
      };
    });
    for (let i = 0; i < versions.length; i++) {
      await this.hooks.run(tx, {
        regulationId: versions[i].regulationId,
        kind: versions[i].kind,
        source: versions[i].source,
        before: versions[i].before,
        after: stored[i],
      });
    }
    return stored;
  }
}
