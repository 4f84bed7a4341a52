import { Injectable, OnModuleInit } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '../common/clock';
import { decodeCursor, Page, toPage } from '../common/pagination';
import { FieldError, ProblemException, ValidationProblem } from '../common/problem';
import { TransactionRunner, Tx } from '../database/transaction-runner';
import { Principal } from '../identity/domain/principal';
import type { RecordDecisionEvent, WorkflowWarning } from '../workflow/domain';
import {
  IdempotencyService,
  requestFingerprint,
} from '../workflow/idempotency/idempotency.service';
import { TransitionContext, TransitionHooks } from '../workflow/transition-hooks';
import { WorkflowService } from '../workflow/workflow.service';
import { DecisionListQuery, RecordDecisionDto } from './decision.dto';
import {
  canonicalDecisionNumber,
  decisionNumberErrors,
  DecisionInput,
  DecisionOutcome,
  validateDecisionInput,
} from './domain/decision-input';
import { msg } from '../common/i18n/catalogue';

const IDEMPOTENCY_SCOPE = 'POST /decisions';
const MAX_ATTEMPTS = 4;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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

function pgCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; driverError?: { code?: unknown } };
  const code = e?.code ?? e?.driverError?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Deadlocks and serialization failures: the whole transaction may simply run again. */
const isTransient = (err: unknown) => ['40001', '40P01'].includes(pgCode(err) ?? '');

/** The calendar day (YYYY-MM-DD) in Asia/Ho_Chi_Minh, UTC+7 all year. */
const vietnamDate = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    private readonly dataSource: DataSource,
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
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transactions.run((tx) =>
          this.recordInTx(tx, principal, checked.value, idempotencyKey, requestHash),
        );
      } catch (err) {
        const idempotencyRace =
          pgCode(err) === '23505' &&
          (err as { constraint?: string }).constraint === 'idempotency_key_pkey';
        if ((isTransient(err) || idempotencyRace) && attempt < MAX_ATTEMPTS) {
          await sleep(10 * attempt + Math.random() * 20);
          continue;
        }
        if (
          pgCode(err) === '23505' &&
          (err as { constraint?: string }).constraint === 'decision_identity'
        ) {
          throw this.duplicate(checked.value, null);
        }
        throw err;
      }
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
    // Every regulation's row first, in id order (as every multi-row writer locks them), so two
    // decisions over overlapping regulations serialise instead of deadlocking.
    const rows: Array<{ id: string; agency_id: string; state_name: string }> = await m.query(
      `SELECT id, agency_id, state_name FROM regulation WHERE id IN (SELECT unnest($1::uuid[])) ORDER BY id FOR UPDATE`,
      [input.regulationIds],
    );
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
    await m.query(
      `INSERT INTO decision (id, number, decision_date, agency_id, outcome, implementation_deadline,
         source, recorded_by, recorded_by_kind, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'batch', $7, $8, $9)`,
      [
        decisionId,
        input.decisionNumber,
        input.decisionDate,
        agencyId,
        input.outcome,
        input.implementationDeadline,
        principal.userId,
        principal.kind,
        this.clock.now(),
      ],
    );
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
    await m.query(
      `INSERT INTO decision (id, number, decision_date, agency_id, outcome, implementation_deadline,
         source, recorded_by, recorded_by_kind, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'event', $7, $8, $9)
       ON CONFLICT (upper(number), decision_date, agency_id) DO NOTHING`,
      [
        randomUUID(),
        number,
        e.decisionDate,
        agencyId,
        e.outcome,
        e.implementationDeadline ?? null,
        ctx.actor.userId,
        ctx.actor.kind,
        ctx.at,
      ],
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
    await m.query(
      `INSERT INTO decision_regulation (decision_id, regulation_id, outcome, implementation_deadline,
         history_seq, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        decision.id,
        ctx.regulation.id,
        e.outcome,
        e.implementationDeadline ?? null,
        ctx.historySeq,
        ctx.at,
      ],
    );
  }

  private async find(
    m: EntityManager,
    number: string,
    date: string,
    agencyId: string,
  ): Promise<{ id: string; outcome: DecisionOutcome } | null> {
    const rows = await m.query(
      `SELECT id, outcome FROM decision
        WHERE upper(number) = upper($1) AND decision_date = $2 AND agency_id = $3`,
      [number, date, agencyId],
    );
    return rows[0] ?? null;
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
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.agencyId) {
      params.push(q.agencyId);
      where.push(`d.agency_id = $${params.length}`);
    }
    if (q.outcome) {
      params.push(q.outcome);
      where.push(`d.outcome = $${params.length}`);
    }
    if (after) {
      const [date, id] = after;
      if (
        typeof date !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
        typeof id !== 'string' ||
        !UUID.test(id)
      ) {
        throw new ValidationProblem([
          { field: 'cursor', message: 'cursor is not valid; use nextCursor from a previous page' },
        ]);
      }
      params.push(date, id);
      where.push(
        `(d.decision_date, d.id) < ($${params.length - 1}::date, $${params.length}::uuid)`,
      );
    }
    params.push(limit + 1);
    const rows: Array<Record<string, any>> = await this.dataSource.query(
      `SELECT d.id FROM decision d
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.decision_date DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
    const views = await this.views(
      this.dataSource.manager,
      rows.map((r) => r.id),
    );
    return toPage(
      views,
      limit,
      (v) => v,
      (v) => [v.decisionDate, v.id],
    );
  }

  async get(id: string): Promise<DecisionView> {
    const v = await this.view(this.dataSource.manager, id);
    if (!v) throw new ProblemException(404, 'not-found', msg('decision.noSuch'));
    return v;
  }

  private async view(m: EntityManager, id: string): Promise<DecisionView | null> {
    return (await this.views(m, [id]))[0] ?? null;
  }

  /** The decisions with their agency and the regulations they cover, in the order of `ids`. */
  private async views(m: EntityManager, ids: string[]): Promise<DecisionView[]> {
    if (ids.length === 0) return [];
    const decisions: Array<Record<string, any>> = await m.query(
      `SELECT d.id, d.number, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.outcome,
              d.implementation_deadline, d.agency_id, d.source, d.recorded_at,
              a.code AS agency_code, a.name AS agency_name
         FROM decision d JOIN agency a ON a.id = d.agency_id
        WHERE d.id = ANY ($1::uuid[])`,
      [ids],
    );
    const covered: Array<Record<string, any>> = await m.query(
      `SELECT dr.decision_id, r.id, r.title, r.provision, r.state_name, r.state,
              dr.implementation_deadline, l.savings::text AS savings
         FROM decision_regulation dr
         JOIN regulation r ON r.id = dr.regulation_id
         LEFT JOIN progress_line l ON l.regulation_id = r.id
        WHERE dr.decision_id = ANY ($1::uuid[])
        ORDER BY dr.decision_id, dr.recorded_at, r.id`,
      [ids],
    );
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
