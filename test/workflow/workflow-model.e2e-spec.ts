/**
 * Model-based test through the real service: @xstate/graph walks the pure statechart (shortest
 * path to every state value, then each event that state accepts — a transition tour), and every
 * step is replayed on a fresh regulation through HTTP (people) or the durable timers (system),
 * with the facts in the database and a fixed clock. Every state node and every transition of the
 * definition must be exercised this way, and each answer must match the model.
 */
import { getShortestPaths } from '@xstate/graph';
import { initialTransition, transition, type StateValue } from 'xstate';
import {
  EVENT_PERMISSIONS,
  acceptedEvents,
  availableEvents,
  regulationMachine,
  TOP_LEVEL_STATES,
  type RegulationEvent,
  type RegulationEventType,
} from '../../src/workflow/domain';
import {
  APPROVAL,
  OPEN_CONSULTATION,
  T0,
  passingFacts,
} from '../../src/workflow/domain/workflow.fixtures';
import { TestUser } from '../support/factories';
import {
  createWorld,
  DAY_MS,
  draftRegulation,
  extensionsState,
  giveAllFacts,
  historyOf,
  regulationRow,
  send,
  sweep,
  World,
} from './workflow-support';

type Snapshot = ReturnType<typeof regulationMachine.resolveState>;
type AnyNode = (typeof regulationMachine)['root'];

function allNodes(node: AnyNode = regulationMachine.root): AnyNode[] {
  return (Object.values(node.states) as AnyNode[]).flatMap((child) => [child, ...allNodes(child)]);
}

/** ['consultation', 'experts', 'open'] → {consultation: {experts: 'open'}} */
function valueOf(path: readonly string[]): StateValue {
  const [head, ...rest] = path;
  return rest.length === 0 ? head : { [head]: valueOf(rest) };
}

const CONTEXT = initialTransition(regulationMachine, { now: T0 })[0].context;
const snapshotOf = (value: StateValue): Snapshot =>
  regulationMachine.resolveState({ value, context: CONTEXT });

interface Edge {
  source: string[];
  eventType: string;
  targets: string[][];
  label: string;
}

function allTransitions(): Edge[] {
  return allNodes().flatMap((node) =>
    [...node.transitions.values()].flat().map((t) => {
      const targets = (t.target ?? []).map((target: AnyNode) => target.path);
      return {
        source: node.path,
        eventType: t.eventType,
        targets,
        label: `${node.path.join('.')} --${t.eventType}--> ${targets.map((p: string[]) => p.join('.')).join(',')}`,
      };
    }),
  );
}

/** The events of the model, with facts under which the guards pass. */
function modelEvents(s: Snapshot): RegulationEvent[] {
  const ctx = s.context;
  const f = passingFacts();
  const all: RegulationEvent[] = [
    { type: 'SUBMIT_FOR_REVIEW', facts: f },
    { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: true, facts: f },
    { type: 'COMPLETE_REVIEW', necessary: false, legal: true, reasonable: true, facts: f },
    { type: 'CONFIRM_BASELINE', facts: f },
    { ...OPEN_CONSULTATION, facts: f },
    { type: 'CLOSE_EXPERT_ROUND', facts: f },
    {
      type: 'EXPERT_ROUND_DEADLINE',
      cycle: ctx.cycle,
      facts: passingFacts({ now: ctx.consultation?.expertDeadline ?? T0 }),
    },
    {
      type: 'ASSOCIATION_ROUND_DEADLINE',
      cycle: ctx.cycle,
      facts: passingFacts({ now: ctx.consultation?.associationDeadline ?? T0 }),
    },
    { type: 'SUBMIT_TO_GOVERNMENT_OFFICE', facts: f },
    { type: 'REVISE_PLAN', facts: f },
    { type: 'RETURN_FOR_REVISION', reasons: ['thiếu số liệu chi phí'], facts: f },
    { type: 'FORWARD_FOR_DECISION', facts: f },
    { ...APPROVAL, facts: f },
    {
      type: 'RECORD_DECISION',
      outcome: 'rejected',
      decisionNumber: '2/QĐ-TTg',
      decisionDate: '2026-05-01',
      facts: f,
    },
    {
      type: 'RECORD_IMPLEMENTATION',
      amendingDocumentNumber: '3/2026/TT-BYT',
      effectiveDate: '2026-02-01',
      facts: f,
    },
    // Recorded before it takes effect (bodyFor moves the date ahead of the clock); then in force.
    {
      type: 'RECORD_IMPLEMENTATION',
      amendingDocumentNumber: '4/2026/TT-BYT',
      effectiveDate: '2030-01-01',
      facts: f,
    },
    {
      type: 'AMENDMENT_IN_FORCE',
      facts: passingFacts({ now: '2030-01-01T00:00:00+07:00' }),
    },
    {
      type: 'IMPLEMENTATION_DEADLINE_PASSED',
      facts: passingFacts({ now: ctx.decision?.implementationDeadline ?? T0 }),
    },
    { type: 'WITHDRAW', reason: 'không còn phù hợp', facts: f },
  ];
  const accepted = new Set<string>(acceptedEvents(s));
  return all.filter(
    (e) => accepted.has(e.type) && (e.type !== 'AMENDMENT_IN_FORCE' || ctx.implementation),
  );
}

interface TourItem {
  events: RegulationEvent[];
  /** The model's state value after each event. */
  states: StateValue[];
}

function buildTour(): TourItem[] {
  const paths = getShortestPaths(regulationMachine, {
    events: modelEvents,
    serializeState: (s) =>
      JSON.stringify([
        s.value,
        s.status === 'active' && s.context.implementation ? 'pending' : null,
      ]),
    input: { now: T0 },
  });
  return paths.flatMap((path) =>
    modelEvents(path.state).map((event) => {
      const steps = path.steps.slice(1);
      const next = transition(regulationMachine, path.state, event)[0];
      return {
        events: [...steps.map((s) => s.event as RegulationEvent), event],
        states: [...steps.map((s) => s.state.value), next.value],
      };
    }),
  );
}

describe('model-based: every state and transition through the API', () => {
  let w: World;
  const tour = buildTour();
  const edges = allTransitions();
  const covered = new Set<string>();
  const visited: StateValue[] = [];
  const regulations: Array<{ id: string; events: string[] }> = [];

  beforeAll(async () => {
    w = await createWorld();
  });
  afterAll(() => w.t.close());

  function observe(prev: StateValue, eventType: string, next: StateValue) {
    const p = snapshotOf(prev);
    const n = snapshotOf(next);
    for (const edge of edges) {
      const isDone = edge.eventType.startsWith('xstate.done.state.');
      if (!isDone && edge.eventType !== eventType) continue;
      if (!p.matches(valueOf(edge.source) as never)) continue;
      if (isDone && n.matches(valueOf(edge.source) as never)) continue;
      if (edge.targets.every((t) => n.matches(valueOf(t) as never))) covered.add(edge.label);
    }
  }

  function senderFor(type: RegulationEventType): TestUser | 'system' {
    const { roles } = EVENT_PERMISSIONS[type];
    if (roles.includes('system')) return 'system';
    if (roles.includes('gov_office')) return w.gov;
    return roles.includes('ministry_officer') ? w.officer : w.lead;
  }

  /** The HTTP body for a model event, with deadlines from the service's clock. */
  function bodyFor(event: RegulationEvent, rest: RegulationEvent[]): Record<string, unknown> {
    const { facts: _facts, ...command } = event as RegulationEvent & { facts?: unknown };
    const at = (days: number) => new Date(w.clock.now().getTime() + days * DAY_MS).toISOString();
    if (command.type === 'OPEN_CONSULTATION') {
      // The round whose deadline the path reaches first closes first.
      const first = rest.find(
        (e) => e.type === 'EXPERT_ROUND_DEADLINE' || e.type === 'ASSOCIATION_ROUND_DEADLINE',
      );
      const associationsFirst = first?.type === 'ASSOCIATION_ROUND_DEADLINE';
      return {
        type: command.type,
        expertDeadline: at(associationsFirst ? 35 : 31),
        associationDeadline: at(associationsFirst ? 31 : 35),
        expertIds: [w.expert.id, w.expert2.id],
      };
    }
    if (command.type === 'RECORD_DECISION' && command.outcome === 'approved') {
      return { ...command, implementationDeadline: at(60) };
    }
    if (command.type === 'RECORD_IMPLEMENTATION' && command.effectiveDate > '2029') {
      // In force before the implementation deadline (60 days), unless the path goes overdue first.
      const overdueFirst = rest[0]?.type === 'IMPLEMENTATION_DEADLINE_PASSED';
      return { ...command, effectiveDate: at(overdueFirst ? 90 : 10).slice(0, 10) };
    }
    return command as Record<string, unknown>;
  }

  /** Moves the clock to the deadline a timer event waits for, and lets the sweeper fire it. */
  async function fireDeadline(id: string, type: RegulationEventType) {
    const [row] = await w.t.dataSource.query(
      `SELECT workflow_snapshot FROM regulation WHERE id = $1`,
      [id],
    );
    const ctx = row.workflow_snapshot.snapshot.context;
    const due =
      type === 'EXPERT_ROUND_DEADLINE'
        ? ctx.consultation.expertDeadline
        : type === 'ASSOCIATION_ROUND_DEADLINE'
          ? ctx.consultation.associationDeadline
          : type === 'AMENDMENT_IN_FORCE'
            ? new Date(`${ctx.implementation.effectiveDate}T00:00:00+07:00`).toISOString()
            : ctx.decision.implementationDeadline;
    if (w.clock.now().getTime() < Date.parse(due)) w.clock.set(due);
    await sweep(w);
  }

  it('the tour is generated from the machine and is not vacuous', () => {
    expect(edges.length).toBe(25);
    expect(tour.length).toBeGreaterThanOrEqual(edges.length);
  });

  it('replays every tour step through HTTP and timers, matching the model', async () => {
    for (const item of tour) {
      const id = await draftRegulation(w);
      await giveAllFacts(w.t, id);
      extensionsState.expertsAnswered.add(id);
      let prev: StateValue = 'draft';
      visited.push(prev);
      for (let i = 0; i < item.events.length; i++) {
        const event = item.events[i];
        const expected = item.states[i];
        const sender = senderFor(event.type);
        let state: StateValue;
        if (sender === 'system') {
          await fireDeadline(id, event.type);
          state = (await regulationRow(w.t, id)).state;
        } else {
          const res = await send(w, sender, id, bodyFor(event, item.events.slice(i + 1)));
          const context = `${item.events.map((e) => e.type).join(' → ')} (step ${i + 1})`;
          if (res.status !== 200)
            throw new Error(`${context}: ${res.status} ${JSON.stringify(res.body)}`);
          state = res.body.state;
          expect(res.body.stateName).toBe(
            typeof state === 'string' ? state : Object.keys(state)[0],
          );
          // The caller's events as the model says: never xstate.*, never the system's.
          expect(res.body.availableEvents).toEqual(
            availableEvents(snapshotOf(expected), { role: sender.role, ownsRegulation: true })
              .allowed,
          );
        }
        expect(state).toEqual(expected);
        observe(prev, event.type, state);
        visited.push(state);
        prev = state;
      }
      regulations.push({ id, events: item.events.map((e) => e.type) });
    }
  });

  it('covered every transition of the definition', () => {
    expect(edges.map((e) => e.label).filter((l) => !covered.has(l))).toEqual([]);
  });

  it('visited every state node, nested and parallel ones included', () => {
    const missing = allNodes().filter(
      (node) => !visited.some((v) => snapshotOf(v).matches(valueOf(node.path) as never)),
    );
    expect(missing.map((n) => n.path.join('.'))).toEqual([]);
    const names = new Set(visited.map((v) => (typeof v === 'string' ? v : Object.keys(v)[0])));
    expect([...names].sort()).toEqual([...TOP_LEVEL_STATES].sort());
  });

  it('left one verified history entry per step on every regulation', async () => {
    expect(regulations).toHaveLength(tour.length);
    for (const { id, events } of regulations) {
      const history = await historyOf(w, id);
      expect(history.slice(0, events.length).map((h) => h.event)).toEqual(events);
      // A regulation the tour left in consultation had its rounds closed later, by the timers.
      for (const later of history.slice(events.length)) expect(later.actorRole).toBe('system');
      const verify = await w.t.http
        .get(`/regulations/${id}/history/verify`)
        .set('Authorization', w.gov.auth);
      expect(verify.body).toEqual({ valid: true, entries: history.length, brokenAt: null });
      expect((await regulationRow(w.t, id)).version).toBe(history.length + 1);
    }
  });
});
