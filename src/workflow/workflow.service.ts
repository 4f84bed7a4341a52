import { Injectable, Logger } from '@nestjs/common';
import type { StateValue } from 'xstate';
import { AccessPolicy, RegulationAccessFacts, isMinistry } from '../access/access-policy';
import { requireAccess } from '../access/require-access';
import { Clock } from '../common/clock';
import { CostingFacts } from '../costing/costing-facts';
import { FieldError, ProblemException, ValidationProblem } from '../common/problem';
import { isIdempotencyKeyRace, isTransientFailure } from '../database/pg-errors';
import { TransactionRunner, Tx, withRetry } from '../database/transaction-runner';
import { Principal } from '../identity/domain/principal';
import { ExpertDirectory } from '../identity/experts/expert-directory';
import { ROLES, Role } from '../identity/domain/roles';
import { DueTimer } from '../jobs/timers/timer-handler';
import { TimerService } from '../jobs/timers/timer.service';
import {
  FACTS_READ_BY_EVENT,
  REGULATION_EVENT_TYPES,
  EVENT_PERMISSIONS,
  applyEvent,
  availableEvents,
  isRegulationEventType,
  mayActorSend,
  type AcceptedTransition,
  type ApplyResult,
  type FactsInput,
  type PersistedWorkflowSnapshot,
  type RegulationCommand,
  type RegulationContext,
  type RegulationEventType,
  type RegulationStateName,
  type RejectedTransition,
  type WorkflowWarning,
} from './domain';
import { IdempotencyService, requestFingerprint } from '../idempotency/idempotency.service';
import { TransitionContext, TransitionHooks, WorkflowActorInfo } from './transition-hooks';
import { transitionRecord, visibilityAfter } from './transition-record';
import { FactsContext, WorkflowFactsContributors } from './workflow-facts';
import { RegulationForTransition, WorkflowRepository } from './persistence/workflow.repository';
import { isUuid } from '../common/ids';
import { msg } from '../common/i18n/catalogue';

/** `POST /regulations/:id/events` → 200 */
export interface EventResponse {
  state: StateValue;
  stateName: RegulationStateName;
  version: number;
  availableEvents: RegulationEventType[];
  /** Accepted, but worth the caller's attention (also recorded in the history entry). */
  warnings?: WorkflowWarning[];
}

export interface SendOptions {
  /** `If-Match`: the version the caller last saw; stale ⇒ 409 at once, no retry. */
  ifMatch?: number;
  idempotencyKey?: string;
}

export interface SendOutcome {
  status: number;
  body: EventResponse;
  /** True when this is the stored answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

const IDEMPOTENCY_SCOPE = 'POST /regulations/:id/events';
const MAX_ATTEMPTS = 5;
const COSTING_FACTS = ['baselineComplete', 'plan', 'proposedEstimateExists', 'minConsultationDays'];
const SYSTEM_ACTOR: WorkflowActorInfo = {
  kind: 'system',
  id: null,
  userId: null,
  role: 'system',
  agencyId: null,
};

type LockedRegulation = RegulationForTransition;

/** The compare-and-set found another version: someone else's transition committed first. */
class VersionConflict extends Error {
  constructor(readonly expected: number) {
    super(`regulation version is no longer ${expected}`);
  }
}

/** Deadlocks, serialization failures, and two requests racing with one Idempotency-Key. */
const isTransient = (err: unknown) => isTransientFailure(err) || isIdempotencyKeyRace(err);

/** Events whose guards read no facts but the clock (the short path may take them). */
function isShortPathCandidate(type: RegulationEventType): boolean {
  return (
    type !== 'OPEN_CONSULTATION' &&
    (FACTS_READ_BY_EVENT[type] as readonly string[]).every((fact) => fact === 'now')
  );
}

function actorOf(p: Principal): WorkflowActorInfo {
  return {
    kind: p.kind,
    id: p.id,
    userId: p.userId,
    role: p.role,
    agencyId: p.agencyId,
  };
}

/** User roles that may send at least one event (the route-level policy of the events route). */
export const EVENT_SENDER_ROLES: Role[] = [
  ...new Set(
    Object.values(EVENT_PERMISSIONS).flatMap((p) =>
      (p.roles as readonly string[]).filter((r): r is Role =>
        (ROLES as readonly string[]).includes(r),
      ),
    ),
  ),
];

/**
 * The workflow's persistence: every transition of a regulation, from a caller or a due timer,
 * goes through `transition()` below. In one transaction it locks the regulation row, reads the
 * facts the event's guards need, computes the next snapshot with the pure engine, and writes the
 * row (compare-and-set on `version`), a hash-chained history entry and an outbox row in one
 * statement; then the durable timers and the registered hooks (the consultation's rounds among
 * them).
 */
@Injectable()
export class WorkflowService {
  private readonly logger = new Logger(WorkflowService.name);

  constructor(
    private readonly transactions: TransactionRunner,
    private readonly clock: Clock,
    private readonly timers: TimerService,
    private readonly facts: WorkflowFactsContributors,
    private readonly hooks: TransitionHooks,
    private readonly idempotency: IdempotencyService,
    private readonly costing: CostingFacts,
    private readonly repository: WorkflowRepository,
    private readonly experts: ExpertDirectory,
  ) {}

  /**
   * Sends one event as a caller. Order of answers: 400 (body shape), 404 (not visible), stored
   * answer or 422 (Idempotency-Key), 403 (role or agency), 409 (stale If-Match), 409 (the state
   * does not take the event), 400 (payload), 422 (a guard).
   */
  async send(
    principal: Principal,
    regulationId: string,
    body: unknown,
    opts: SendOptions = {},
  ): Promise<SendOutcome> {
    const type = this.checkShape(body);
    const requestHash =
      opts.idempotencyKey !== undefined
        ? requestFingerprint(IDEMPOTENCY_SCOPE, regulationId, body)
        : undefined;
    // Events that read no facts, without an Idempotency-Key, try the short path first.
    let short = opts.idempotencyKey === undefined && isShortPathCandidate(type);
    let lostShortRace = false;
    try {
      return await withRetry(
        async () => {
          if (short) {
            const outcome = await this.sendAlone(
              principal,
              regulationId,
              type,
              body as Record<string, unknown>,
              opts,
            ).catch((err: unknown) => {
              if (err instanceof VersionConflict) lostShortRace = true;
              throw err;
            });
            if (outcome) return outcome;
            short = false; // the transition has work beyond one statement
          }
          return await this.transactions.run((tx) =>
            this.sendInTx(tx, principal, regulationId, type, body as Record<string, unknown>, {
              ...opts,
              requestHash,
            }),
          );
        },
        {
          attempts: MAX_ATTEMPTS,
          retryAfter: (err, attempt) => {
            if (lostShortRace) {
              // Lost a race on the short path: contended, so queue on the row lock from now on
              // (which also answers a stale If-Match with the current version, as without it).
              lostShortRace = short = false;
              return 0;
            }
            // Without If-Match a conflict is re-read and re-evaluated; with it, stale is stale.
            const retry =
              isTransient(err) || (err instanceof VersionConflict && opts.ifMatch === undefined);
            return retry ? 5 * attempt + Math.random() * 10 * attempt : null;
          },
        },
      );
    } catch (err) {
      if (err instanceof VersionConflict || isTransient(err)) {
        throw new ProblemException(409, 'version-conflict', msg('workflow.concurrentRead'));
      }
      throw err;
    }
  }

  /**
   * Sends one event as a caller inside the caller's transaction, through the same checks and
   * writes as `send()`: used where several transitions must commit together or not at all (one
   * decision over many regulations). No retry and no Idempotency-Key here: the caller's
   * transaction owns both. Any refusal is thrown, and the caller's transaction rolls back.
   */
  async sendWithin(
    tx: Tx,
    principal: Principal,
    regulationId: string,
    body: unknown,
  ): Promise<EventResponse> {
    const type = this.checkShape(body);
    try {
      const outcome = await this.sendInTx(
        tx,
        principal,
        regulationId,
        type,
        body as Record<string, unknown>,
        {},
      );
      return outcome.body;
    } catch (err) {
      // Cannot happen while the row lock is held, but never leak the internal error type.
      if (err instanceof VersionConflict) {
        throw new ProblemException(409, 'version-conflict', msg('workflow.concurrent'));
      }
      throw err;
    }
  }

  /** The events this caller may send in the regulation's current state ([] for the public). */
  availableEventsFor(
    principal: Principal | undefined,
    regulation: { agencyId: string; workflowSnapshot: unknown },
  ): RegulationEventType[] {
    if (!principal || principal.readOnly) return [];
    return availableEvents(regulation.workflowSnapshot as PersistedWorkflowSnapshot, {
      role: principal.role,
      ownsRegulation: isMinistry(principal) && principal.agencyId === regulation.agencyId,
    }).allowed;
  }

  /**
   * Delivers a due durable timer (role `system`) inside the timer service's transaction. A timer
   * whose state has moved on, or whose consultation cycle is over, is stale: nothing is written.
   */
  async deliverTimer(tx: Tx, timer: DueTimer): Promise<'applied' | 'stale'> {
    const event = (timer.payload as { event?: unknown }).event;
    if (
      typeof event !== 'object' ||
      event === null ||
      !isRegulationEventType((event as any).type)
    ) {
      this.logger.warn(`timer ${timer.id} carries no workflow event; dropped`);
      return 'stale';
    }
    const type = (event as { type: RegulationEventType }).type;
    if (!mayActorSend({ role: 'system' }, type).allowed) {
      this.logger.warn(`timer ${timer.id} carries ${type}, which the system may not send; dropped`);
      return 'stale';
    }
    const row = await this.repository.lock(tx, timer.subjectKey);
    if (!row) return 'stale';
    const facts = await this.readFacts(tx, row, type);
    const result = applyEvent(row.workflow_snapshot, event as RegulationCommand, facts);
    if (!result.accepted) {
      this.logger.debug(`timer ${timer.id} (${type}) is stale: ${result.message}`);
      return 'stale';
    }
    await this.commit(tx, row, result, SYSTEM_ACTOR, new Date(facts.now));
    return 'applied';
  }

  // ---- the transition --------------------------------------------------------------------------

  private checkShape(body: unknown): RegulationEventType {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      throw new ValidationProblem([{ field: 'type', message: 'the event must be a JSON object' }]);
    }
    const type = (body as { type?: unknown }).type;
    if (type === undefined || type === null || type === '') {
      throw new ValidationProblem([{ field: 'type', message: 'is required' }]);
    }
    if (!isRegulationEventType(type)) {
      throw new ValidationProblem([
        { field: 'type', message: `must be one of ${REGULATION_EVENT_TYPES.join(', ')}` },
      ]);
    }
    return type;
  }

  /**
   * The short path: one read (row and chain head, no lock, no transaction), the engine, and one
   * statement writing the row by compare-and-set, the history entry and the outbox row — atomic
   * on its own, so two round trips and no BEGIN/COMMIT. Taken only when the transition has nothing
   * else to write (no timers, rounds or hooks that apply) and its refusal needs no explanation from
   * other modules; otherwise returns null and the caller takes the transactional path. A stale
   * read fails the compare-and-set (VersionConflict), exactly like a lost race under the lock.
   */
  private async sendAlone(
    principal: Principal,
    regulationId: string,
    type: RegulationEventType,
    body: Record<string, unknown>,
    opts: SendOptions,
  ): Promise<SendOutcome | null> {
    const row = await this.repository.read(regulationId);
    this.checkVisible(principal, row);
    const ownsRegulation = this.checkMaySend(principal, row, type, opts);
    const facts: FactsInput = { now: this.clock.now().toISOString() };
    const result = applyEvent(row.workflow_snapshot, body as { type: string }, facts);
    if (!result.accepted) {
      if (result.reason === 'guard_failed') return null; // explained under the lock
      throw this.refusal(result, principal, row);
    }
    const at = new Date(facts.now);
    const actor = actorOf(principal);
    if (this.needsTransaction(row, result, actor, at)) return null;
    const { version } = await this.write(null, row, result, actor, at);
    return {
      status: 200,
      body: this.eventResponse(result, version, principal, ownsRegulation),
      replayed: false,
    };
  }

  private eventResponse(
    result: AcceptedTransition,
    version: number,
    principal: Principal,
    ownsRegulation: boolean,
  ): EventResponse {
    return {
      state: result.state,
      stateName: result.stateName,
      version,
      availableEvents: availableEvents(result.snapshot, {
        role: principal.role,
        ownsRegulation,
      }).allowed,
      ...(result.warnings.length > 0 && { warnings: result.warnings }),
    };
  }

  /** 404 when the caller may not see the regulation (or there is none). */
  private checkVisible(
    principal: Principal,
    row: LockedRegulation | null,
  ): asserts row is LockedRegulation {
    if (!row) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    const access: RegulationAccessFacts = {
      agencyId: row.agency_id,
      published: row.published,
      planPublic: row.plan_public,
    };
    requireAccess(AccessPolicy.readRegulation(principal, access), 'regulation');
  }

  /** 403 (role or agency), then 409 (stale If-Match); returns whether the caller owns it. */
  private checkMaySend(
    principal: Principal,
    row: LockedRegulation,
    type: RegulationEventType,
    opts: SendOptions,
  ): boolean {
    const ownsRegulation = isMinistry(principal) && principal.agencyId === row.agency_id;
    const permission = mayActorSend({ role: principal.role, ownsRegulation }, type);
    if (!permission.allowed) {
      throw new ProblemException(403, 'forbidden', permission.message, { eventType: type });
    }
    if (opts.ifMatch !== undefined && opts.ifMatch !== row.version) {
      throw new ProblemException(
        409,
        'version-conflict',
        msg('workflow.staleVersion', { version: row.version, ifMatch: opts.ifMatch }),
        { currentVersion: row.version },
      );
    }
    return ownsRegulation;
  }

  /** Whether an accepted transition writes more than the row, the history and the outbox. */
  private needsTransaction(
    row: LockedRegulation,
    result: AcceptedTransition,
    actor: WorkflowActorInfo,
    at: Date,
  ): boolean {
    if (result.cancelledTimerIds.length || result.scheduledTimers.length) return true;
    return this.hooks.apply(this.transitionContext(row, result, actor, at, row.version + 1, 0));
  }

  /** Under the row lock: authorise → facts → applyEvent → commit (and the Idempotency-Key). */
  private async sendInTx(
    tx: Tx,
    principal: Principal,
    regulationId: string,
    type: RegulationEventType,
    body: Record<string, unknown>,
    opts: SendOptions & { requestHash?: string },
  ): Promise<SendOutcome> {
    const row = await this.repository.lock(tx, regulationId);
    this.checkVisible(principal, row);
    const replayed = await this.replay(tx, principal, opts);
    if (replayed) return replayed;
    const ownsRegulation = this.checkMaySend(principal, row, type, opts);
    const facts = await this.readFacts(tx, row, type);
    const result = await this.acceptedOrThrow(
      tx,
      principal,
      row,
      body,
      applyEvent(row.workflow_snapshot, body as { type: string }, facts),
    );
    const version = await this.commit(tx, row, result, actorOf(principal), new Date(facts.now));
    const response = this.eventResponse(result, version, principal, ownsRegulation);
    await this.remember(tx, principal, regulationId, opts, response);
    return { status: 200, body: response, replayed: false };
  }

  /** The stored answer to an earlier request with this Idempotency-Key (422 if it differed). */
  private async replay(
    tx: Tx,
    principal: Principal,
    opts: SendOptions & { requestHash?: string },
  ): Promise<SendOutcome | null> {
    if (opts.idempotencyKey === undefined) return null;
    const record = await this.idempotency.lookup(tx.manager, principal.id, opts.idempotencyKey);
    if (!record) return null;
    const answer = this.idempotency.replay(record, opts.requestHash!);
    return { status: answer.status, body: answer.body as unknown as EventResponse, replayed: true };
  }

  /** Stores the answer under the request's Idempotency-Key, in the transition's transaction. */
  private async remember(
    tx: Tx,
    principal: Principal,
    regulationId: string,
    opts: SendOptions & { requestHash?: string },
    response: EventResponse,
  ): Promise<void> {
    if (opts.idempotencyKey === undefined) return;
    await this.idempotency.save(tx.manager, {
      principalId: principal.id,
      key: opts.idempotencyKey,
      scope: IDEMPOTENCY_SCOPE,
      requestHash: opts.requestHash!,
      resourceId: regulationId,
      answer: { status: 200, body: response as unknown as Record<string, unknown> },
    });
  }

  /**
   * The engine's answer as the caller hears it: the accepted transition, or its refusal thrown
   * (409 state, 400 payload or expert ids, 422 guard with the records that block it, 422 experts).
   */
  private async acceptedOrThrow(
    tx: Tx,
    principal: Principal,
    row: LockedRegulation,
    body: Record<string, unknown>,
    result: ApplyResult,
  ): Promise<AcceptedTransition> {
    const type = (body as { type: RegulationEventType }).type;
    if (type === 'OPEN_CONSULTATION' && (result.accepted || result.reason === 'guard_failed')) {
      this.checkExpertIdFormat(body.expertIds);
    }
    if (!result.accepted) {
      const refusal = this.refusal(result, principal, row);
      if (result.reason === 'guard_failed') {
        // Let the modules that own the facts say which records block the guard.
        const details = await this.facts.explain(
          tx.manager,
          this.factsContext(row, type),
          result.guard,
        );
        if (Object.keys(details).length) {
          throw new ProblemException(422, 'guard-failed', result.message, {
            ...(refusal.getResponse() as object),
            ...details,
          });
        }
      }
      throw refusal;
    }
    if (result.event.type === 'OPEN_CONSULTATION') {
      await this.checkExperts(tx, result.event.expertIds);
    }
    return result;
  }

  /** The facts this event's guards read (after the lock, so none can change before commit). */
  private async readFacts(
    tx: Tx,
    row: LockedRegulation,
    type: RegulationEventType,
  ): Promise<FactsInput> {
    const wanted = FACTS_READ_BY_EVENT[type] as readonly string[];
    const facts: FactsInput = { now: this.clock.now().toISOString() };
    if (wanted.some((f) => COSTING_FACTS.includes(f))) {
      // The costing module defines what a complete baseline and a plan are.
      const costs = await this.costing.forRegulation(tx.manager, row.id);
      facts.baselineComplete = costs.baselineComplete;
      facts.proposedEstimateExists = costs.proposedExists;
      facts.plan = costs.plan ? { action: costs.plan.action } : null;
      // Without a plan the planHasAction guard refuses first; 30 days is the programme default.
      facts.minConsultationDays = costs.plan?.minConsultationDays ?? 30;
      facts.planProgramme = costs.plan
        ? { code: costs.plan.programmeCode, endDate: costs.plan.programmeEndDate }
        : null;
    }
    if (
      wanted.includes('invitedExpertsWithoutFeedback') ||
      wanted.includes('unansweredFeedbackCount')
    ) {
      Object.assign(facts, await this.facts.load(tx.manager, this.factsContext(row, type)));
    }
    return facts;
  }

  private factsContext(row: LockedRegulation, type: RegulationEventType): FactsContext {
    const context = (row.workflow_snapshot.snapshot?.context ?? {}) as {
      cycle?: number;
      consultation?: { expertIds?: string[] } | null;
    };
    return {
      regulationId: row.id,
      eventType: type,
      snapshot: row.workflow_snapshot,
      cycle: context.cycle ?? 0,
      invitedExpertIds: context.consultation?.expertIds ?? [],
    };
  }

  private checkExpertIdFormat(expertIds: unknown): void {
    if (!Array.isArray(expertIds)) return;
    const errors: FieldError[] = [];
    expertIds.forEach((id, i) => {
      if (typeof id === 'string' && !isUuid(id.trim())) {
        errors.push({
          field: `expertIds[${i}]`,
          message: 'must be the id (UUID) of an expert user',
        });
      }
    });
    if (errors.length) throw new ValidationProblem(errors);
  }

  /** Invited experts must be active users with the role `expert` (422 otherwise). */
  private async checkExperts(tx: Tx, expertIds: string[]): Promise<void> {
    const found = new Set(
      (await this.experts.activeAmong(tx.manager, expertIds)).map((id) => id.toLowerCase()),
    );
    const missing = expertIds.filter((id) => !found.has(id.toLowerCase()));
    if (missing.length) {
      const message = `must be active users with the role expert; not: ${missing.join(', ')}`;
      throw new ProblemException(422, 'guard-failed', msg('workflow.expertIds', { message }), {
        guard: 'invitedUsersAreExperts',
        errors: [{ field: 'expertIds', message }],
      });
    }
  }

  private refusal(
    result: RejectedTransition,
    principal: Principal,
    row: LockedRegulation,
  ): ProblemException {
    switch (result.reason) {
      case 'not_accepted':
        return new ProblemException(409, 'event-not-accepted', result.message, {
          eventType: result.eventType,
          stateName: result.stateName,
          acceptedEvents: result.acceptedEvents,
          availableEvents: this.availableEventsFor(principal, {
            agencyId: row.agency_id,
            workflowSnapshot: row.workflow_snapshot,
          }),
        });
      case 'invalid_payload':
        return new ValidationProblem(result.errors);
      case 'guard_failed':
        return new ProblemException(422, 'guard-failed', result.message, {
          guard: result.guard,
          ...(result.field !== undefined && {
            errors: [{ field: result.field, message: result.message }],
          }),
          failures: result.failures,
        });
    }
  }

  /**
   * Writes the accepted transition: the row by compare-and-set, the history entry and the outbox
   * row in one statement; then timers and hooks. Returns the new version.
   */
  private async commit(
    tx: Tx,
    row: LockedRegulation,
    result: AcceptedTransition,
    actor: WorkflowActorInfo,
    at: Date,
  ): Promise<number> {
    const { version, seq } = await this.write(tx, row, result, actor, at);
    await this.syncTimers(tx, row.id, result);
    const ctx = this.transitionContext(row, result, actor, at, version, seq);
    if (this.hooks.apply(ctx)) await this.hooks.run(tx, ctx);
    return version;
  }

  /**
   * The row by compare-and-set, the hash-chained history entry and the outbox row, in one
   * statement: in the transaction, or alone (`tx` null, the short path). Returns the new version
   * and the history entry's seq.
   */
  private async write(
    tx: Tx | null,
    row: LockedRegulation,
    result: AcceptedTransition,
    actor: WorkflowActorInfo,
    at: Date,
  ): Promise<{ version: number; seq: number }> {
    const record = transitionRecord(row, result, actor, at);
    const written = await this.repository.write(tx, record);
    if (written === null) throw new VersionConflict(row.version);
    return { version: written, seq: record.seq };
  }

  private transitionContext(
    row: LockedRegulation,
    result: AcceptedTransition,
    actor: WorkflowActorInfo,
    at: Date,
    version: number,
    historySeq: number,
  ): TransitionContext {
    const { publish, planPublic } = visibilityAfter(result.fromStateName, result.stateName);
    return {
      regulation: {
        id: row.id,
        agencyId: row.agency_id,
        published: row.published || publish,
        planPublic: row.plan_public || planPublic,
      },
      before: { state: result.fromState, stateName: result.fromStateName, version: row.version },
      after: { state: result.state, stateName: result.stateName, version },
      event: result.event,
      context: result.snapshot.snapshot.context as RegulationContext,
      actor,
      at,
      historySeq,
    };
  }

  /** The engine's timer protocol: cancel what the transition cancelled, then (re)schedule. */
  private async syncTimers(tx: Tx, regulationId: string, result: AcceptedTransition) {
    const kinds = new Set([
      ...result.cancelledTimerIds,
      ...result.scheduledTimers.map((t) => t.id),
    ]);
    for (const kind of kinds) await this.timers.cancel(tx, regulationId, kind);
    for (const t of result.scheduledTimers) {
      await this.timers.schedule(tx, {
        kind: t.id,
        subjectKey: regulationId,
        dueAt: new Date(t.dueAt),
        payload: { event: t.event },
      });
    }
  }
}
