/**
 * Pure functions around the regulation machine, for the persistence/HTTP layer: create, restore
 * and advance a stored snapshot with xstate's pure `transition()` (no long-lived actor), explain
 * refusals, and turn the machine's delayed raises into durable timers.
 *
 * Timer protocol: an accepted event returns `cancelledTimerIds` and `scheduledTimers`. Store them
 * in the same transaction as the snapshot, keyed by (regulation, timer id): first delete the
 * cancelled ids, then upsert the scheduled ones. When a timer is due (dueAt <= now), deliver its
 * `event` through applyEvent() with fresh facts (role `system`). A result with `accepted: false`
 * means the timer is stale (the state moved on, or it belongs to an earlier consultation cycle):
 * drop it without writing history.
 */
import {
  createActor,
  getNextTransitions,
  initialTransition,
  type ActorScope,
  type AnyEventObject,
  type SnapshotFrom,
  type StateValue,
} from 'xstate';
import {
  REGULATION_EVENT_TYPES,
  isRegulationEventType,
  normalizeFacts,
  validateEvent,
  type FactsInput,
  type FieldError,
  type RegulationCommand,
  type RegulationEvent,
  type RegulationEventType,
} from './regulation.events';
import { warningsFor, type WorkflowWarning } from './warnings';
import {
  effectiveStart,
  failedChecks,
  isMachineGuardName,
  type CheckName,
  type GuardFailure,
} from './regulation.guards';
import {
  REGULATION_MACHINE_ID,
  REGULATION_MACHINE_VERSION,
  WORKFLOW_TIMERS,
  machinesByVersion,
  regulationMachine,
  type RegulationContext,
  type RegulationMachine,
  type RegulationStateName,
} from './regulation.machine';
import { mayActorSend, type WorkflowActor, type WorkflowRole } from './roles';
import { addMillis, parseInstant } from './time';

export type RegulationSnapshot = SnapshotFrom<RegulationMachine>;

/** xstate's persisted snapshot, as plain JSON. */
export interface PersistedMachineSnapshot {
  status: 'active' | 'done' | 'error' | 'stopped';
  value: StateValue;
  context: RegulationContext;
  historyValue?: Record<string, unknown>;
  children?: Record<string, unknown>;
  [key: string]: unknown;
}

/** What the regulation row stores (a JSON column), with the definition it belongs to. */
export interface PersistedWorkflowSnapshot {
  machineId: typeof REGULATION_MACHINE_ID;
  machineVersion: number;
  snapshot: PersistedMachineSnapshot;
}

export interface ScheduledTimer {
  /** Stable per kind of timer; a later schedule with the same id replaces the earlier one. */
  id: string;
  /** Deliver exactly this through applyEvent() when due. */
  event: RegulationCommand;
  /** UTC ISO instant = facts.now + delay. */
  dueAt: string;
  delayMs: number;
}

export interface AcceptedTransition {
  accepted: true;
  /** The event as validated and normalised (deadlines in UTC ISO): record it in the history. */
  event: RegulationCommand;
  fromState: StateValue;
  fromStateName: RegulationStateName;
  snapshot: PersistedWorkflowSnapshot;
  state: StateValue;
  stateName: RegulationStateName;
  /** True once a final state is reached. */
  done: boolean;
  scheduledTimers: ScheduledTimer[];
  cancelledTimerIds: string[];
  /** What the caller should hear about the accepted event (also in `event`, for the history). */
  warnings: WorkflowWarning[];
}

export interface NotAccepted {
  accepted: false;
  reason: 'not_accepted'; // HTTP 409
  eventType: string;
  stateName: RegulationStateName;
  acceptedEvents: RegulationEventType[];
  message: string;
}
export interface InvalidPayload {
  accepted: false;
  reason: 'invalid_payload'; // HTTP 400
  errors: FieldError[];
  message: string;
}
export interface GuardFailed {
  accepted: false;
  reason: 'guard_failed'; // HTTP 422
  guard: CheckName;
  message: string;
  field?: string;
  /** Every failing condition, the first of which is `guard`/`message`. */
  failures: GuardFailure[];
}
export type RejectedTransition = NotAccepted | InvalidPayload | GuardFailed;
export type ApplyResult = AcceptedTransition | RejectedTransition;

export class WorkflowSnapshotError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowSnapshotError';
  }
}

// ---- snapshots ---------------------------------------------------------------------------------

export function machineForVersion(version: number): RegulationMachine {
  const machine = Object.prototype.hasOwnProperty.call(machinesByVersion, version)
    ? machinesByVersion[version]
    : undefined;
  if (!machine) {
    const known = Object.keys(machinesByVersion).join(', ');
    throw new WorkflowSnapshotError(
      `unknown ${REGULATION_MACHINE_ID} workflow version ${String(version)} (known versions: ${known})`,
    );
  }
  return machine;
}

function persist(snapshot: RegulationSnapshot, version: number): PersistedWorkflowSnapshot {
  const machine = machineForVersion(version);
  // JSON round trip: the row must hold plain data only (no undefined, no prototypes).
  const json = JSON.parse(
    JSON.stringify(machine.getPersistedSnapshot(snapshot)),
  ) as PersistedMachineSnapshot;
  return { machineId: REGULATION_MACHINE_ID, machineVersion: version, snapshot: json };
}

type ExecutableAction = Parameters<
  NonNullable<ActorScope<RegulationSnapshot, RegulationEvent>['actionExecutor']>
>[0];

/** One inert actor scope per machine definition, reused by every transition. */
const inertScopes = new WeakMap<
  RegulationMachine,
  { scope: ActorScope<RegulationSnapshot, RegulationEvent>; actions: ExecutableAction[] }
>();

/**
 * xstate's pure `transition(machine, snapshot, event)`, without its per-call actor: that one
 * computes (and throws away) the machine's initial state on every call, about a fifth of an
 * event's engine time. The scope is xstate's inert one (what `transition()` builds: no system
 * effects; actions are collected, not executed), built once per machine; the regulation machine
 * spawns and invokes nothing, so nothing registers in its system.
 */
function pureTransition(
  machine: RegulationMachine,
  snapshot: RegulationSnapshot,
  event: RegulationEvent,
): [RegulationSnapshot, ExecutableAction[]] {
  let entry = inertScopes.get(machine);
  if (!entry) {
    const self = createActor(machine, {} as never);
    const created = {
      actions: [] as ExecutableAction[],
      scope: {
        self,
        defer: () => {},
        id: '',
        logger: () => {},
        sessionId: '',
        stopChild: () => {},
        system: self.system,
        emit: () => {},
        actionExecutor: (action: ExecutableAction) => created.actions.push(action),
      } as unknown as ActorScope<RegulationSnapshot, RegulationEvent>,
    };
    entry = created;
    inertScopes.set(machine, entry);
  }
  entry.actions = [];
  const next = machine.transition(snapshot, event, entry.scope as never) as RegulationSnapshot;
  return [next, entry.actions];
}

/** The snapshot of a newly filed regulation (state `draft`). */
export function initialSnapshot(now: string): PersistedWorkflowSnapshot {
  const [snapshot] = initialTransition(regulationMachine, { now: parseInstant(now) });
  return persist(snapshot, REGULATION_MACHINE_VERSION);
}

/** Rehydrates a stored snapshot with the definition of its own version. */
export function restore(json: unknown): RegulationSnapshot {
  if (typeof json !== 'object' || json === null) {
    throw new WorkflowSnapshotError('stored workflow snapshot is not an object');
  }
  const stored = json as Partial<PersistedWorkflowSnapshot>;
  if (stored.machineId !== REGULATION_MACHINE_ID) {
    throw new WorkflowSnapshotError(
      `stored workflow snapshot belongs to machine "${String(stored.machineId)}", not "${REGULATION_MACHINE_ID}"`,
    );
  }
  const machine = machineForVersion(stored.machineVersion as number);
  const inner = stored.snapshot;
  if (typeof inner !== 'object' || inner === null || inner.value === undefined) {
    throw new WorkflowSnapshotError('stored workflow snapshot has no state value');
  }
  try {
    return machine.resolveState(inner as Parameters<RegulationMachine['resolveState']>[0]);
  } catch (e) {
    throw new WorkflowSnapshotError(
      `stored workflow snapshot cannot be restored: ${(e as Error).message}`,
    );
  }
}

function versionOf(input: PersistedWorkflowSnapshot | RegulationSnapshot): number {
  return 'machineVersion' in input ? input.machineVersion : REGULATION_MACHINE_VERSION;
}

function toSnapshot(input: PersistedWorkflowSnapshot | RegulationSnapshot): RegulationSnapshot {
  return 'machineVersion' in input ? restore(input) : input;
}

/** The top-level state of an XState value: "draft", or the key of `{consultation: {...}}`. */
export function stateName(value: StateValue): RegulationStateName {
  return (typeof value === 'string' ? value : Object.keys(value)[0]) as RegulationStateName;
}

export function stateOf(input: PersistedWorkflowSnapshot | RegulationSnapshot): {
  state: StateValue;
  stateName: RegulationStateName;
} {
  const value = 'machineVersion' in input ? input.snapshot.value : input.value;
  return { state: value, stateName: stateName(value) };
}

// ---- what the current state accepts -------------------------------------------------------------

/** External event types the current state accepts (never `xstate.*`), in workflow order. */
export function acceptedEvents(
  input: PersistedWorkflowSnapshot | RegulationSnapshot,
): RegulationEventType[] {
  const snapshot = toSnapshot(input);
  if (snapshot.status !== 'active') return [];
  const types = new Set(getNextTransitions(snapshot).map((t) => t.eventType));
  return REGULATION_EVENT_TYPES.filter((type) => types.has(type));
}

export type EventEvaluation =
  | { outcome: 'accepted' }
  | { outcome: 'not_accepted'; acceptedEvents: RegulationEventType[] }
  | {
      outcome: 'guard_failed';
      guard: CheckName;
      message: string;
      field?: string;
      failures: GuardFailure[];
    };

/** Guard failures of the candidate transitions for an event, in the order xstate tries them. */
function candidateFailures(
  snapshot: RegulationSnapshot,
  event: RegulationEvent,
  opts: { factsOnly?: boolean } = {},
): { enabled: boolean; failures: GuardFailure[] } {
  const candidates = getNextTransitions(snapshot).filter((t) => t.eventType === event.type);
  let firstFailures: GuardFailure[] = [];
  for (const t of candidates) {
    const guard: unknown = t.guard;
    if (guard === undefined) return { enabled: true, failures: [] };
    if (!isMachineGuardName(guard)) {
      throw new Error(`guard ${JSON.stringify(guard)} has no explanation`);
    }
    const failures = failedChecks(guard, { context: snapshot.context, event }, opts);
    if (failures.length === 0) return { enabled: true, failures: [] };
    if (firstFailures.length === 0) firstFailures = failures;
  }
  return { enabled: false, failures: firstFailures };
}

/**
 * Whether `event` (carrying its facts) would be accepted; if not, why: the state does not take
 * this event type at all (with the list it does take), or a guard failed (with its name and
 * message).
 */
export function evaluateEvent(
  input: PersistedWorkflowSnapshot | RegulationSnapshot,
  event: RegulationEvent | AnyEventObject,
): EventEvaluation {
  const snapshot = toSnapshot(input);
  const accepted = acceptedEvents(snapshot);
  if (!(accepted as string[]).includes(event.type)) {
    return { outcome: 'not_accepted', acceptedEvents: accepted };
  }
  const machineEvent = event as RegulationEvent;
  if (snapshot.can(machineEvent)) return { outcome: 'accepted' };
  const { failures } = candidateFailures(snapshot, machineEvent);
  const [first] = failures;
  if (!first) throw new Error(`${event.type} was refused but no guard explains why`);
  return {
    outcome: 'guard_failed',
    guard: first.guard,
    message: first.message,
    ...(first.field !== undefined && { field: first.field }),
    failures,
  };
}

/** null when the event would be accepted; otherwise the refusal (see evaluateEvent). */
export function explainGuardFailure(
  input: PersistedWorkflowSnapshot | RegulationSnapshot,
  event: RegulationEvent | AnyEventObject,
): Exclude<EventEvaluation, { outcome: 'accepted' }> | null {
  const evaluation = evaluateEvent(input, event);
  return evaluation.outcome === 'accepted' ? null : evaluation;
}

export interface AvailableEvents {
  /** Every event type the current state accepts. */
  acceptedByState: RegulationEventType[];
  /** Those the actor may send (all of acceptedByState when no actor is given). */
  allowed: RegulationEventType[];
  /**
   * With facts: those of `allowed` whose conditions on the facts hold now (conditions on a
   * payload, such as deadlines, are checked only when the event is sent).
   */
  ready?: RegulationEventType[];
  /** With facts: the allowed events held back by a condition, with the first reason. */
  blocked?: { event: RegulationEventType; guard: CheckName; message: string }[];
}

/**
 * What may be sent now. `actor` is a role or `{role, ownsRegulation}`; with only a role, the
 * owning-agency rule is not applied (the caller checks it).
 */
export function availableEvents(
  input: PersistedWorkflowSnapshot | RegulationSnapshot,
  actor?: WorkflowRole | WorkflowActor,
  facts?: FactsInput,
): AvailableEvents {
  const snapshot = toSnapshot(input);
  const acceptedByState = acceptedEvents(snapshot);
  const allowed =
    actor === undefined
      ? acceptedByState
      : acceptedByState.filter((type) =>
          typeof actor === 'string'
            ? mayActorSend({ role: actor, ownsRegulation: true }, type).allowed
            : mayActorSend(actor, type).allowed,
        );
  if (!facts) return { acceptedByState, allowed };
  const normalized = normalizeFacts(facts);
  const ready: RegulationEventType[] = [];
  const blocked: NonNullable<AvailableEvents['blocked']> = [];
  for (const type of allowed) {
    const probe = { type, facts: normalized } as RegulationEvent;
    const { enabled, failures } = candidateFailures(snapshot, probe, { factsOnly: true });
    if (enabled) ready.push(type);
    else blocked.push({ event: type, guard: failures[0].guard, message: failures[0].message });
  }
  return { acceptedByState, allowed, ready, blocked };
}

// ---- applying an event -------------------------------------------------------------------------

interface ExecutedAction {
  type: string;
  params?: unknown;
}

function timersFrom(actions: readonly ExecutedAction[], now: string) {
  const scheduled = new Map<string, ScheduledTimer>();
  const cancelled = new Set<string>();
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'xstate.cancel' && typeof params.sendId === 'string') {
      scheduled.delete(params.sendId);
      cancelled.add(params.sendId);
    } else if (action.type === 'xstate.raise' && typeof params.delay === 'number') {
      // A raise without a delay is handled inside the same transition; only delayed ones persist.
      const id = String(params.id);
      const delayMs = params.delay;
      scheduled.set(id, {
        id,
        event: params.event as RegulationCommand,
        dueAt: addMillis(now, delayMs),
        delayMs,
      });
    }
  }
  return { scheduledTimers: [...scheduled.values()], cancelledTimerIds: [...cancelled] };
}

/**
 * Applies one event (`{type, ...payload}`, from a caller or a due timer) to a stored snapshot.
 * Order of checks: does the state take this event type (409), is the payload valid (400), do the
 * guards pass given the facts (422). Role checks (403) are the caller's, with roles.ts.
 */
export function applyEvent(
  persisted: PersistedWorkflowSnapshot,
  body: { type: string; [field: string]: unknown } | RegulationCommand,
  facts: FactsInput,
): ApplyResult {
  const version = versionOf(persisted);
  const machine = machineForVersion(version);
  const snapshot = restore(persisted);
  const normalizedFacts = normalizeFacts(facts);
  const from = snapshot.value;
  const fromName = stateName(from);

  const accepted = acceptedEvents(snapshot);
  const type = (body as { type?: unknown }).type;
  if (typeof type === 'string' && !(accepted as string[]).includes(type)) {
    return {
      accepted: false,
      reason: 'not_accepted',
      eventType: type,
      stateName: fromName,
      acceptedEvents: accepted,
      message: isRegulationEventType(type)
        ? `${type} is not accepted in state ${fromName}; accepted: ${accepted.join(', ') || 'none'}`
        : `${type} is not a workflow event; accepted in state ${fromName}: ${accepted.join(', ') || 'none'}`,
    };
  }

  const validation = validateEvent(body);
  if (!validation.ok) {
    return {
      accepted: false,
      reason: 'invalid_payload',
      errors: validation.errors,
      message: validation.errors.map((e) => `${e.field} ${e.message}`).join('; '),
    };
  }
  const event = { ...validation.command, facts: normalizedFacts } as RegulationEvent;

  const evaluation = evaluateEvent(snapshot, event);
  if (evaluation.outcome === 'not_accepted') {
    // Unreachable after the check above, kept so the types stay exhaustive.
    return {
      accepted: false,
      reason: 'not_accepted',
      eventType: event.type,
      stateName: fromName,
      acceptedEvents: evaluation.acceptedEvents,
      message: `${event.type} is not accepted in state ${fromName}`,
    };
  }
  if (evaluation.outcome === 'guard_failed') {
    const { guard, message, field, failures } = evaluation;
    return {
      accepted: false,
      reason: 'guard_failed',
      guard,
      message,
      ...(field !== undefined && { field }),
      failures,
    };
  }

  const [next, actions] = pureTransition(machine, snapshot, event);
  const warnings = warningsFor(validation.command, normalizedFacts);
  return {
    accepted: true,
    event: warnings.length
      ? ({ ...validation.command, warnings } as unknown as RegulationCommand)
      : validation.command,
    warnings,
    fromState: from,
    fromStateName: fromName,
    snapshot: persist(next, version),
    state: next.value,
    stateName: stateName(next.value),
    done: next.status === 'done',
    ...timersFrom(actions, normalizedFacts.now),
  };
}

/**
 * The timers that should be pending for a stored snapshot, derived from its state and context.
 * Lets the timer service rebuild or check its table (xstate itself does not persist timers).
 */
export function expectedTimers(
  input: PersistedWorkflowSnapshot | RegulationSnapshot,
): ScheduledTimer[] {
  const snapshot = toSnapshot(input);
  const { context } = snapshot;
  const timers: ScheduledTimer[] = [];
  const timer = (id: string, event: RegulationCommand, from: string, dueAt: string) => {
    const delayMs = Math.max(0, Date.parse(dueAt) - Date.parse(from));
    timers.push({ id, event, dueAt: addMillis(from, delayMs), delayMs });
  };
  const c = context.consultation;
  if (c && snapshot.matches({ consultation: { experts: 'open' } })) {
    const t = WORKFLOW_TIMERS.expertRound;
    timer(t.id, { type: t.event, cycle: c.cycle }, c.openedAt, c.expertDeadline);
  }
  if (c && snapshot.matches({ consultation: { associations: 'open' } })) {
    const t = WORKFLOW_TIMERS.associationRound;
    timer(t.id, { type: t.event, cycle: c.cycle }, c.openedAt, c.associationDeadline);
  }
  const d = context.decision;
  if (d?.implementationDeadline && snapshot.matches({ implementing: 'on_track' })) {
    const t = WORKFLOW_TIMERS.implementation;
    timer(t.id, { type: t.event }, d.recordedAt, d.implementationDeadline);
  }
  const i = context.implementation;
  if (i && snapshot.matches('implementing')) {
    const t = WORKFLOW_TIMERS.amendmentInForce;
    timer(t.id, { type: t.event }, i.recordedAt, effectiveStart(i.effectiveDate));
  }
  return timers;
}
