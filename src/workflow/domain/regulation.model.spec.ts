/**
 * Model-based tests: @xstate/graph walks the machine with events whose facts make the guards
 * pass, and every state node and every transition of the definition must be exercised. The
 * generated paths are then replayed through the engine (applyEvent on stored JSON).
 */
import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { transition, type StateValue } from 'xstate';
import fc from 'fast-check';
import { REGULATION_EVENT_TYPES, type RegulationEvent } from './regulation.events';
import { TOP_LEVEL_STATES, regulationMachine } from './regulation.machine';
import { APPROVAL, OPEN_CONSULTATION, T0, passingFacts } from './workflow.fixtures';
import {
  acceptedEvents,
  applyEvent,
  evaluateEvent,
  expectedTimers,
  initialSnapshot,
  restore,
  stateName,
  type PersistedWorkflowSnapshot,
  type RegulationSnapshot,
  type ScheduledTimer,
} from './workflow-engine';
import { addMillis } from './time';

type AnyNode = (typeof regulationMachine)['root'];

function allNodes(node: AnyNode = regulationMachine.root): AnyNode[] {
  return (Object.values(node.states) as AnyNode[]).flatMap((child) => [child, ...allNodes(child)]);
}

/** ['consultation', 'experts', 'open'] → {consultation: {experts: 'open'}} */
function valueOf(path: readonly string[]): StateValue {
  const [head, ...rest] = path;
  return rest.length === 0 ? head : { [head]: valueOf(rest) };
}

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

/** Events with facts under which the guards pass, for the snapshot at hand. */
function passingEvents(s: RegulationSnapshot): RegulationEvent[] {
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
    { type: 'RETURN_FOR_REVISION', reasons: ['check costs'], facts: f },
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
    // Recorded before it takes effect; then in force.
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
    { type: 'WITHDRAW', reason: 'no longer relevant', facts: f },
  ];
  const accepted = new Set<string>(acceptedEvents(s));
  // The amendment's timer only exists once an amendment is recorded.
  return all.filter(
    (e) => accepted.has(e.type) && (e.type !== 'AMENDMENT_IN_FORCE' || ctx.implementation),
  );
}

const traversal = {
  events: passingEvents,
  // The value alone: contexts differ (timestamps, cycles) but the graph is over states; only a
  // recorded amendment not yet in force is told apart (it is what AMENDMENT_IN_FORCE needs).
  serializeState: (s: RegulationSnapshot) =>
    JSON.stringify([s.value, s.status === 'active' && s.context.implementation ? 'pending' : null]),
  input: { now: T0 },
};

describe('model-based coverage (@xstate/graph)', () => {
  const simplePaths = getSimplePaths(regulationMachine, traversal);
  const shortestPaths = getShortestPaths(regulationMachine, traversal);

  it('reaches every top-level state, including each final state', () => {
    // Distinct state values, parallel combinations included, and the two implementing ones
    // with an amendment pending.
    expect(shortestPaths).toHaveLength(18);
    const reached = new Set(shortestPaths.map((p) => stateName(p.state.value)));
    expect([...reached].sort()).toEqual([...TOP_LEVEL_STATES].sort());
    for (const final of ['retained', 'withdrawn', 'rejected', 'implemented']) {
      expect(shortestPaths.some((p) => p.state.value === final && p.state.status === 'done')).toBe(
        true,
      );
    }
  });

  it('reaches every state node, nested and parallel ones included', () => {
    const visited = simplePaths.flatMap((p) => p.steps.map((s) => s.state));
    const missing = allNodes().filter(
      (node) => !visited.some((s) => s.matches(valueOf(node.path) as never)),
    );
    expect(missing.map((n) => n.path.join('.'))).toEqual([]);
    expect(allNodes().length).toBe(21);
  });

  /**
   * Simple paths never take an edge back to a state already on the path (REVISE_PLAN,
   * RETURN_FOR_REVISION), so transitions are covered by a transition tour: the shortest path to
   * every state, extended by each event that state accepts.
   */
  const tour = shortestPaths.flatMap((path) =>
    passingEvents(path.state).map((event) => ({
      path,
      event,
      next: transition(regulationMachine, path.state, event)[0],
    })),
  );

  it('exercises every transition of the definition', () => {
    const edges = allTransitions();
    expect(edges.length).toBe(25);
    const covered = new Set<string>();
    const observe = (
      prev: RegulationSnapshot,
      event: { type: string },
      next: RegulationSnapshot,
    ) => {
      for (const edge of edges) {
        const isDone = edge.eventType.startsWith('xstate.done.state.');
        if (!isDone && edge.eventType !== event.type) continue;
        if (!prev.matches(valueOf(edge.source) as never)) continue;
        if (isDone && next.matches(valueOf(edge.source) as never)) continue;
        if (edge.targets.every((t) => next.matches(valueOf(t) as never))) covered.add(edge.label);
      }
    };
    for (const { path, event, next } of tour) observe(path.state, event, next);
    expect(edges.map((e) => e.label).filter((l) => !covered.has(l))).toEqual([]);
    // The simple paths alone cover everything except the edges that close a cycle.
    covered.clear();
    for (const path of simplePaths) {
      path.steps.forEach((s, i) => i > 0 && observe(path.steps[i - 1].state, s.event, s.state));
    }
    expect(edges.map((e) => e.label).filter((l) => !covered.has(l))).toEqual([
      'responding --REVISE_PLAN--> drafting_plan',
      'government_office_review --RETURN_FOR_REVISION--> drafting_plan',
    ]);
  });

  it('every tour step replays identically through applyEvent on stored JSON', () => {
    for (const { path, event, next } of tour) {
      let stored: PersistedWorkflowSnapshot = initialSnapshot(T0);
      for (const step of [...path.steps.slice(1), { event, state: next }]) {
        const { facts, ...command } = step.event as RegulationEvent;
        const result = applyEvent(stored, command, facts!);
        if (!result.accepted) throw new Error(JSON.stringify(result));
        expect(result.state).toEqual(step.state.value);
        stored = JSON.parse(JSON.stringify(result.snapshot));
      }
    }
  });

  it('every generated path replays identically through applyEvent on stored JSON', () => {
    expect(simplePaths.length).toBeGreaterThan(20);
    for (const path of simplePaths) {
      let stored: PersistedWorkflowSnapshot = initialSnapshot(T0);
      for (const { state, event } of path.steps.slice(1)) {
        const { facts, ...command } = event as RegulationEvent;
        const result = applyEvent(stored, command, facts!);
        if (!result.accepted) throw new Error(JSON.stringify(result));
        expect(result.state).toEqual(state.value);
        stored = JSON.parse(JSON.stringify(result.snapshot));
      }
      expect(stored.snapshot.value).toEqual(path.state.value);
    }
  });
});

/** Every state value the machine can be in, from the graph. */
function simplePathsValues(): string[] {
  return getShortestPaths(regulationMachine, traversal).map((p) => JSON.stringify(p.state.value));
}

describe('random walks through the engine (fast-check, fixed seed)', () => {
  const DAY = 86_400_000;
  /** A valid body per event type; `which` varies the branch taken (review result, deadlines, outcome). */
  const bodies = (now: string, which = 0) =>
    ({
      SUBMIT_FOR_REVIEW: { type: 'SUBMIT_FOR_REVIEW' },
      COMPLETE_REVIEW: {
        type: 'COMPLETE_REVIEW',
        necessary: true,
        legal: which % 5 === 0, // retained one time in five
        reasonable: true,
      },
      CONFIRM_BASELINE: { type: 'CONFIRM_BASELINE' },
      OPEN_CONSULTATION: {
        type: 'OPEN_CONSULTATION',
        expertDeadline: addMillis(now, (which % 2 === 0 ? 31 : 39) * DAY),
        associationDeadline: addMillis(now, 35 * DAY),
        expertIds: ['e1'],
      },
      CLOSE_EXPERT_ROUND: { type: 'CLOSE_EXPERT_ROUND' },
      EXPERT_ROUND_DEADLINE: { type: 'EXPERT_ROUND_DEADLINE' },
      ASSOCIATION_ROUND_DEADLINE: { type: 'ASSOCIATION_ROUND_DEADLINE' },
      SUBMIT_TO_GOVERNMENT_OFFICE: { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' },
      REVISE_PLAN: { type: 'REVISE_PLAN' },
      RETURN_FOR_REVISION: { type: 'RETURN_FOR_REVISION', reasons: ['r'] },
      FORWARD_FOR_DECISION: { type: 'FORWARD_FOR_DECISION' },
      RECORD_DECISION: {
        ...APPROVAL,
        outcome: which % 4 === 0 ? 'rejected' : 'approved',
        implementationDeadline: addMillis(now, (which % 3) * DAY),
      },
      RECORD_IMPLEMENTATION: {
        type: 'RECORD_IMPLEMENTATION',
        amendingDocumentNumber: '4/2026/NĐ-CP',
        // In force today, or from a later day (a durable timer then implements it).
        effectiveDate: addMillis(now, (which % 3) * 2 * DAY).slice(0, 10),
      },
      IMPLEMENTATION_DEADLINE_PASSED: { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
      AMENDMENT_IN_FORCE: { type: 'AMENDMENT_IN_FORCE' },
      WITHDRAW: { type: 'WITHDRAW', reason: 'r' },
    }) as const;

  // noBias: fast-check otherwise favours small numbers, and the walks would never get far.
  const stepArb = fc.noBias(
    fc.record({
      pick: fc.integer({ min: 0, max: 99 }),
      which: fc.integer({ min: 0, max: 1000 }),
      advanceHours: fc.integer({ min: 0, max: 24 * 20 }),
      guardsPass: fc.integer({ min: 0, max: 9 }).map((n) => n > 1),
    }),
  );

  /** Mostly an event the state takes (WITHDRAW seldom, or walks end early), sometimes any. */
  function chooseEvent(stored: PersistedWorkflowSnapshot, pick: number, which: number) {
    const takes = acceptedEvents(stored).filter((t) => t !== 'WITHDRAW');
    if (pick < 85 && takes.length > 0) return takes[which % takes.length];
    if (pick < 97) return REGULATION_EVENT_TYPES[which % REGULATION_EVENT_TYPES.length];
    return 'WITHDRAW';
  }

  it('keeps the timer table equal to expectedTimers and snapshots restorable', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.array(stepArb, { minLength: 40, maxLength: 80 }), (steps) => {
        let stored = initialSnapshot(T0);
        let now = T0;
        const table = new Map<string, ScheduledTimer>();
        const sortById = (ts: ScheduledTimer[]) => [...ts].sort((a, b) => a.id.localeCompare(b.id));

        const apply = (
          body: { type: string; [k: string]: unknown },
          factsNow: string,
          pass: boolean,
        ) => {
          const facts = passingFacts({
            now: factsNow,
            baselineComplete: pass,
            unansweredFeedbackCount: pass ? 0 : 1,
            invitedExpertsWithoutFeedback: pass ? 0 : 2,
          });
          const before = JSON.stringify(stored);
          const verdict = evaluateEvent(stored, { ...body, facts } as RegulationEvent);
          const result = applyEvent(stored, body, facts);
          expect(result.accepted).toBe(verdict.outcome === 'accepted');
          if (!result.accepted) {
            expect(JSON.stringify(stored)).toBe(before);
            return;
          }
          seen.add(JSON.stringify(result.state));
          for (const id of result.cancelledTimerIds) table.delete(id);
          for (const t of result.scheduledTimers) table.set(t.id, t);
          stored = JSON.parse(JSON.stringify(result.snapshot));
          expect(restore(stored).value).toEqual(result.state);
          expect(TOP_LEVEL_STATES).toContain(result.stateName);
          expect(sortById(expectedTimers(stored))).toEqual(sortById([...table.values()]));
        };

        for (const s of steps) {
          now = addMillis(now, s.advanceHours * 3_600_000);
          // The timer service: deliver what is due, once, in due order.
          const due = [...table.values()]
            .filter((t) => Date.parse(t.dueAt) <= Date.parse(now))
            .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
          for (const t of due) {
            table.delete(t.id);
            apply(t.event as { type: string }, now, true);
            seen.add(`timer:${t.event.type}`);
          }
          const type = chooseEvent(stored, s.pick, s.which);
          apply(bodies(now, s.which)[type], now, s.guardsPass);
        }
        expect(stateName(stored.snapshot.value)).toBeDefined();
      }),
      { seed: 20260301, numRuns: 150 },
    );
    // Not vacuous: the walks visited every state value and delivered every kind of timer.
    const stateValues = new Set(simplePathsValues());
    expect([...stateValues].filter((v) => v !== '"draft"' && !seen.has(v))).toEqual([]);
    expect([...seen].filter((k) => k.startsWith('timer:')).sort()).toEqual([
      'timer:AMENDMENT_IN_FORCE',
      'timer:ASSOCIATION_ROUND_DEADLINE',
      'timer:EXPERT_ROUND_DEADLINE',
      'timer:IMPLEMENTATION_DEADLINE_PASSED',
    ]);
  });
});
