/**
 * What one accepted transition records: the row's new snapshot and visibility, the hash-chained
 * history entry and the outbox row, as the one statement `WorkflowRepository.write` takes. Pure:
 * the service adds the database and the clock.
 */
import type { AcceptedTransition, RegulationCommand } from './domain';
import { chain } from './history/history-chain';
import type { RegulationForTransition, TransitionWrite } from './persistence/workflow.repository';
import type { WorkflowActorInfo } from './transition-hooks';

/** `{type, ...payload}` → the payload recorded in the history. */
function payloadOf(event: RegulationCommand): Record<string, unknown> {
  const { type: _type, ...rest } = event as unknown as Record<string, unknown>;
  return rest;
}

/** Published once it left draft (not by withdrawing a draft); the plan once consulted. */
export function visibilityAfter(
  from: string,
  to: string,
): { publish: boolean; planPublic: boolean } {
  return {
    publish: to !== 'draft' && !(to === 'withdrawn' && from === 'draft'),
    planPublic: to === 'consultation',
  };
}

/** The write of an accepted transition of `row` (read at its version, with its chain head). */
export function transitionRecord(
  row: RegulationForTransition,
  result: AcceptedTransition,
  actor: WorkflowActorInfo,
  at: Date,
): TransitionWrite {
  const from = result.fromStateName;
  const to = result.stateName;
  const { publish, planPublic } = visibilityAfter(from, to);
  const version = row.version + 1;
  const entry = chain(row.head, {
    regulationId: row.id,
    at: at.toISOString(),
    actorId: actor.id,
    actorKind: actor.kind,
    actorRole: actor.role,
    actorAgencyId: actor.agencyId,
    event: result.event.type,
    fromState: result.fromState,
    toState: result.state,
    fromStateName: from,
    toStateName: to,
    payload: payloadOf(result.event),
    machineVersion: result.snapshot.machineVersion,
  });
  const outbox = {
    regulationId: row.id,
    agencyId: row.agency_id,
    seq: entry.seq,
    version,
    event: entry.event,
    payload: entry.payload,
    fromState: entry.fromState,
    toState: entry.toState,
    fromStateName: from,
    toStateName: to,
    actor: { kind: actor.kind, id: actor.id, role: actor.role, agencyId: actor.agencyId },
    at: entry.at,
  };
  return {
    id: row.id,
    expectedVersion: row.version,
    snapshot: JSON.stringify(result.snapshot),
    machineVersion: result.snapshot.machineVersion,
    state: JSON.stringify(result.state),
    stateName: to,
    publish,
    planPublic,
    at,
    updatedBy: actor.userId,
    seq: entry.seq,
    actorId: actor.id,
    actorKind: actor.kind,
    actorRole: actor.role,
    actorAgencyId: actor.agencyId,
    event: entry.event,
    fromState: JSON.stringify(result.fromState),
    fromStateName: from,
    payload: JSON.stringify(entry.payload),
    prevHash: entry.prevHash,
    hash: entry.hash,
    outbox: JSON.stringify(outbox),
  };
}
