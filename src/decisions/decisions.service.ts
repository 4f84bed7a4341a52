import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { FieldError, ProblemException, ValidationProblem } from '../common/problem';
import { TransactionRunner, Tx } from '../database/transaction-runner';
import { Principal } from '../identity/domain/principal';
import type { RecordDecisionEvent, WorkflowWarning } from '../workflow/domain';
import { IdempotencyService, requestFingerprint } from '../idempotency/idempotency.service';
import { TransitionContext, TransitionHooks } from '../workflow/transition-hooks';
import { WorkflowService } from '../workflow/workflow.service';
import { DecisionListQuery, RecordDecisionDto } from './decision.dto';
import { DecisionsRepository } from './persistence/decisions.repository';
import {
  canonicalDecisionNumber,
  decisionNumberErrors,
  DecisionInput,
  DecisionOutcome,
  validateDecisionInput,
} from './domain/decision-input';
import { isUuid } from '../common/ids';
import { vietnamDate } from '../common/vietnam-time';
import { isIdempotencyKeyRace, isTransientFailure, isUniqueViolation } from '../database/pg-errors';
import { msg } from '../common/i18n/catalogue';

const IDEMPOTENCY_SCOPE = 'POST /decisions';
const MAX_ATTEMPTS = 4;

export interface DecisionRegulationView {
  id: string;
  title: string;
  provision: string;
  stateName: string;
  state: unknown;
  implementationDeadline: string | null;
  savings: string | null;
}

export interface DecisionView {
  id: string;
  decisionNumber: string;
  decisionDate: string;
  outcome: DecisionOutcome;
  implementationDeadline: string | null;
  agencyId: string;
  agency: { id: string; code: string; name: string };
  source: 'batch' | 'event';
  recordedAt: string;
  regulationCount: number;
  regulations: DecisionRegulationView[];
  /** When recording it: what the Government Office should know (e.g. a deadline already past). */
  warnings?: WorkflowWarning[];
}

export interface RecordOutcome {
  status: number;
  body: DecisionView;
  replayed: boolean;
}

/**
 * Decisions of the Prime Minister (quyết định phê duyệt phương án) as records. A decision over many
 * regulations (`POST /decisions`) applies RECORD_DECISION to each through the workflow's one
 * transition path, in one transaction: all or nothing. A RECORD_DECISION sent on one regulation
 * (`POST /regulations/:id/events`) is recorded too, by the transition hook below, under the
 * decision with the same number, date and agency (created when it is the first).
 */
@Injectable()
export class DecisionsService implements OnModuleInit {
  constructor(
    private readonly decisions: DecisionsRepository,
    private readonly transactions: TransactionRunner,
    private readonly workflow: WorkflowService,
    private readonly hooks: TransitionHooks,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  onModuleInit() {
    this.hooks.register(
      (tx, ctx) => this.onTransition(tx, ctx),
      (ctx) => ctx.event.type === 'RECORD_DECISION',
    );
  }

  async record(
    principal: Principal,
    dto: RecordDecisionDto,
    idempotencyKey?: string,
  ): Promise<RecordOutcome> {
    const checked = validateDecisionInput(dto, vietnamDate(this.clock.now()));
    if (!checked.ok) throw new ValidationProblem(checked.errors);
    const requestHash =
      idempotencyKey !== undefined
        ? requestFingerprint(IDEMPOTENCY_SCOPE, null, checked.value)
        : undefined;
    try {
      return await this.transactions.runWithRetry(
        (tx) => this.recordInTx(tx, principal, checked.value, idempotencyKey, requestHash),
        {
          attempts: MAX_ATTEMPTS,
          retryAfter: (err, attempt) =>
            isTransientFailure(err) || isIdempotencyKeyRace(err)
              ? 10 * attempt + Math.random() * 20
              : null,
        },
      );
    } catch (err) {
      if (isUniqueViolation(err, 'decision_identity')) throw this.duplicate(checked.value, null);
      throw err;
    }
  }

  private async recordInTx(
    tx: Tx,
    principal: Principal,
    input: DecisionInput,
    idempotencyKey: string | undefined,
    requestHash: string | undefined,
  ): Promise<RecordOutcome> {
    const m = tx.manager;
    // Every regulation's row first, in id order, so overlapping decisions serialise.
    const rows = await this.decisions.lockRegulations(m, input.regulationIds);
    if (idempotencyKey !== undefined) {
      const stored = await this.idempotency.lookup(m, principal.id, idempotencyKey);
      if (stored) {
        const answer = this.idempotency.replay(stored, requestHash!);
        return {
          status: answer.status,
          body: answer.body as unknown as DecisionView,
          replayed: true,
        };
      }
    }
    const byId = new Map(rows.map((r) => [r.id.toLowerCase(), r]));
    const field = (id: string) => `regulationIds[${input.regulationIds.indexOf(id)}]`;

    const missing = input.regulationIds.filter((id) => !byId.has(id));
    if (missing.length) {
      throw new ProblemException(
        422,
        'unknown-regulations',
        msg('decision.noRegulation', { ids: missing.join(', ') }),
        {
          regulationIds: missing,
          errors: missing.map((id) => ({ field: field(id), message: 'no such regulation' })),
        },
      );
    }
    const agencyId = byId.get(input.regulationIds[0])!.agency_id;
    const foreign = input.regulationIds.filter((id) => byId.get(id)!.agency_id !== agencyId);
    if (foreign.length) {
      throw new ProblemException(
        422,
        'one-agency-per-decision',
        msg('decision.oneAgency', { ids: foreign.join(', '), first: input.regulationIds[0] }),
        {
          regulationIds: foreign,
          errors: foreign.map((id) => ({
            field: field(id),
            message: `belongs to agency ${byId.get(id)!.agency_id}, not ${agencyId}`,
          })),
        },
      );
    }
    const notWaiting = input.regulationIds.filter(
      (id) => byId.get(id)!.state_name !== 'awaiting_decision',
    );
    if (notWaiting.length) {
      throw new ProblemException(
        409,
        'event-not-accepted',
        msg('decision.notWaiting', {
          list: notWaiting.map((id) => `${id} is in ${byId.get(id)!.state_name}`).join('; '),
        }),
        {
          eventType: 'RECORD_DECISION',
          regulations: notWaiting.map((id) => ({ id, stateName: byId.get(id)!.state_name })),
          errors: notWaiting.map((id) => ({
            field: field(id),
            message: `is in ${byId.get(id)!.state_name}, not awaiting_decision`,
          })),
        },
      );
    }
    const existing = await this.find(m, input.decisionNumber, input.decisionDate, agencyId);
    if (existing) throw this.duplicate(input, existing.id);

    const decisionId = randomUUID();
    await this.decisions.insert(m, {
      id: decisionId,
      number: input.decisionNumber,
      decisionDate: input.decisionDate,
      agencyId,
      outcome: input.outcome,
      implementationDeadline: input.implementationDeadline,
      source: 'batch',
      recordedBy: principal.userId,
      recordedByKind: principal.kind,
      recordedAt: this.clock.now(),
    });
    const event: RecordDecisionEvent = {
      type: 'RECORD_DECISION',
      outcome: input.outcome,
      decisionNumber: input.decisionNumber,
      decisionDate: input.decisionDate,
      ...(input.implementationDeadline !== null && {
        implementationDeadline: input.implementationDeadline,
      }),
    };
    const warnings = new Map<string, WorkflowWarning>();
    for (const id of input.regulationIds) {
      try {
        // The hook below links each regulation to this decision as it transitions.
        const answer = await this.workflow.sendWithin(tx, principal, id, event);
        // The same event for every regulation: the same warnings, said once.
        for (const w of answer.warnings ?? []) warnings.set(w.code, w);
      } catch (err) {
        throw namingRegulation(err, id, field(id));
      }
    }
    const body: DecisionView = {
      ...(await this.view(m, decisionId))!,
      ...(warnings.size > 0 && { warnings: [...warnings.values()] }),
    };
    if (idempotencyKey !== undefined) {
      await this.idempotency.save(m, {
        principalId: principal.id,
        key: idempotencyKey,
        scope: IDEMPOTENCY_SCOPE,
        requestHash: requestHash!,
        resourceId: decisionId,
        answer: { status: 201, body: body as unknown as Record<string, unknown> },
      });
    }
    return { status: 201, body, replayed: false };
  }

  /**
   * In every transition's transaction: a RECORD_DECISION is linked to its decision record, which
   * is created on first sight (one regulation decided through its events route). A number that is
   * not a Prime Minister's decision number is a 400; an outcome contradicting the recorded
   * decision of the same number, date and agency is a 409. Either way the transition rolls back.
   */
  private async onTransition(tx: Tx, ctx: TransitionContext): Promise<void> {
    if (ctx.event.type !== 'RECORD_DECISION') return;
    const e = ctx.event;
    const errors = decisionNumberErrors(e.decisionNumber, e.decisionDate);
    if (errors.length) throw new ValidationProblem(errors);
    const m = tx.manager;
    const number = canonicalDecisionNumber(e.decisionNumber);
    const agencyId = ctx.regulation.agencyId;
    await this.decisions.insert(
      m,
      {
        id: randomUUID(),
        number,
        decisionDate: e.decisionDate,
        agencyId,
        outcome: e.outcome,
        implementationDeadline: e.implementationDeadline ?? null,
        source: 'event',
        recordedBy: ctx.actor.userId,
        recordedByKind: ctx.actor.kind,
        recordedAt: ctx.at,
      },
      true,
    );
    const decision = (await this.find(m, number, e.decisionDate, agencyId))!;
    if (decision.outcome !== e.outcome) {
      throw new ProblemException(
        409,
        'decision-conflict',
        msg('decision.outcomeConflict', {
          number,
          date: e.decisionDate,
          outcome: decision.outcome,
          other: e.outcome,
        }),
        {
          decisionId: decision.id,
          errors: [{ field: 'outcome', message: `must be ${decision.outcome}` }],
        },
      );
    }
    await this.decisions.linkRegulation(m, {
      decisionId: decision.id,
      regulationId: ctx.regulation.id,
      outcome: e.outcome,
      implementationDeadline: e.implementationDeadline ?? null,
      historySeq: ctx.historySeq,
      recordedAt: ctx.at,
    });
  }

  private async find(
    m: EntityManager,
    number: string,
    date: string,
    agencyId: string,
  ): Promise<{ id: string; outcome: DecisionOutcome } | null> {
    return (await this.decisions.findByIdentity(m, number, date, agencyId)) as {
      id: string;
      outcome: DecisionOutcome;
    } | null;
  }

  private duplicate(input: DecisionInput, existingId: string | null): ProblemException {
    return new ProblemException(
      409,
      'duplicate',
      msg('decision.exists', { number: input.decisionNumber, date: input.decisionDate }),
      {
        ...(existingId && { existingId }),
        errors: [{ field: 'decisionNumber', message: 'already recorded with this date' }],
      },
    );
  }

  // ---- reads -----------------------------------------------------------------------------------

  /** Newest decision first (by decision date), keyset-paged. */
  async list(q: DecisionListQuery): Promise<Page<DecisionView>> {
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 2);
    if (after) {
      const [date, id] = after;
      if (
        typeof date !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
        typeof id !== 'string' ||
        !isUuid(id)
      ) {
        throw new ValidationProblem([
          { field: 'cursor', message: 'cursor is not valid; use nextCursor from a previous page' },
        ]);
      }
    }
    const ids = await this.decisions.listIds({
      agencyId: q.agencyId,
      outcome: q.outcome,
      after: after ? [after[0] as string, after[1] as string] : undefined,
      limit: limit + 1,
    });
    const views = await this.views(undefined, ids);
    return toPage(
      views,
      limit,
      (v) => v,
      (v) => [v.decisionDate, v.id],
    );
  }

  async get(id: string): Promise<DecisionView> {
    const v = await this.view(undefined, id);
    if (!v) throw new ProblemException(404, 'not-found', msg('decision.noSuch'));
    return v;
  }

  private async view(m: EntityManager | undefined, id: string): Promise<DecisionView | null> {
    return (await this.views(m, [id]))[0] ?? null;
  }

  /** The decisions with their agency and the regulations they cover, in the order of `ids`. */
  private async views(m: EntityManager | undefined, ids: string[]): Promise<DecisionView[]> {
    if (ids.length === 0) return [];
    const decisions = await this.decisions.decisions(ids, m);
    const covered = await this.decisions.covered(ids, m);
    const byDecision = new Map<string, DecisionRegulationView[]>();
    for (const r of covered) {
      const list = byDecision.get(r.decision_id) ?? [];
      list.push({
        id: r.id,
        title: r.title,
        provision: r.provision,
        stateName: r.state_name,
        state: r.state,
        implementationDeadline: r.implementation_deadline
          ? new Date(r.implementation_deadline).toISOString()
          : null,
        savings: r.savings,
      });
      byDecision.set(r.decision_id, list);
    }
    const byId = new Map(decisions.map((d) => [d.id, d]));
    return ids
      .map((id) => byId.get(id))
      .filter((d): d is Record<string, any> => !!d)
      .map((d) => {
        const regulations = byDecision.get(d.id) ?? [];
        return {
          id: d.id,
          decisionNumber: d.number,
          decisionDate: d.decision_date,
          outcome: d.outcome,
          implementationDeadline: d.implementation_deadline
            ? new Date(d.implementation_deadline).toISOString()
            : null,
          agencyId: d.agency_id,
          agency: { id: d.agency_id, code: d.agency_code, name: d.agency_name },
          source: d.source,
          recordedAt: new Date(d.recorded_at).toISOString(),
          regulationCount: regulations.length,
          regulations,
        };
      });
  }
}

/** A refusal of one regulation's transition, re-stated as the refusal of the whole decision. */
function namingRegulation(err: unknown, regulationId: string, field: string): unknown {
  if (!(err instanceof ProblemException)) return err;
  const {
    type,
    title: _title,
    status: _status,
    detail,
    ...rest
  } = err.getResponse() as Record<string, unknown>;
  const errors = (rest.errors as FieldError[] | undefined)?.map((e) => ({
    ...e,
    field: `${field}.${e.field}`,
  })) ?? [{ field, message: String(detail) }];
  return new ProblemException(
    err.getStatus(),
    String(type).replace(/^urn:regcut:problem:/, ''),
    msg('decision.regulationFailed', { id: regulationId, detail: String(detail) }),
    { ...rest, regulationId, errors },
  );
}
