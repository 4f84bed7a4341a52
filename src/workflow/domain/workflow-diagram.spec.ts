import { createMachine } from 'xstate';
import { REGULATION_EVENT_TYPES } from './regulation.events';
import { REGULATION_MACHINE_VERSION, TOP_LEVEL_STATES } from './regulation.machine';
import { describeWorkflow, toMermaid, type WorkflowStateDescription } from './workflow-diagram';

function find(states: WorkflowStateDescription[], path: string): WorkflowStateDescription {
  for (const s of states) {
    if (s.path === path) return s;
    if (path.startsWith(`${s.path}.`)) return find(s.states, path);
  }
  throw new Error(`no state ${path}`);
}

describe('describeWorkflow', () => {
  const d = describeWorkflow();

  it('lists the top-level states of §5 in order, from draft', () => {
    expect(d.machineId).toBe('regulation');
    expect(d.machineVersion).toBe(REGULATION_MACHINE_VERSION);
    expect(d.initial).toBe('draft');
    expect(d.states.map((s) => s.key)).toEqual([...TOP_LEVEL_STATES]);
    for (const final of ['retained', 'withdrawn', 'rejected', 'implemented']) {
      expect(find(d.states, final).type).toBe('final');
    }
  });

  it('shows consultation as parallel regions, each open → closed (final), and onDone', () => {
    const c = find(d.states, 'consultation');
    expect(c.type).toBe('parallel');
    expect(c.states.map((r) => r.key)).toEqual(['experts', 'associations']);
    for (const region of c.states) {
      expect(region.type).toBe('compound');
      expect(region.initial).toBe('open');
      expect(region.states.map((s) => [s.key, s.type])).toEqual([
        ['open', 'atomic'],
        ['closed', 'final'],
      ]);
    }
    expect(c.transitions).toContainEqual({
      event: 'onDone',
      kind: 'done',
      targets: ['responding'],
    });
    expect(find(d.states, 'consultation.experts.open').timers).toEqual([
      { id: 'expert-round-deadline', event: 'EXPERT_ROUND_DEADLINE', delay: 'expertRoundDeadline' },
    ]);
    expect(find(d.states, 'consultation.associations.open').transitions).toEqual([
      {
        event: 'ASSOCIATION_ROUND_DEADLINE',
        kind: 'event',
        targets: ['consultation.associations.closed'],
        guard: 'associationRoundDeadlineReached',
        conditions: ['timerForCurrentCycle', 'associationDeadlineReached'],
      },
    ]);
  });

  it('shows implementing with on_track (initial, timed) and overdue', () => {
    const i = find(d.states, 'implementing');
    expect(i.initial).toBe('on_track');
    expect(i.states.map((s) => s.key)).toEqual(['on_track', 'overdue']);
    expect(find(d.states, 'implementing.on_track').timers[0].event).toBe(
      'IMPLEMENTATION_DEADLINE_PASSED',
    );
  });

  it('names the guards and their conditions', () => {
    const open = find(d.states, 'drafting_plan').transitions.find(
      (t) => t.event === 'OPEN_CONSULTATION',
    );
    expect(open).toMatchObject({
      guard: 'canOpenConsultation',
      conditions: [
        'planHasAction',
        'proposedEstimateUnlessAbolish',
        'atLeastOneExpert',
        'expertDeadlineFarEnough',
        'associationDeadlineFarEnough',
      ],
    });
  });

  it('uses every event type somewhere and lists who may send each', () => {
    const used = new Set<string>();
    const walk = (states: WorkflowStateDescription[]) =>
      states.forEach((s) => {
        s.transitions.forEach((t) => used.add(t.event));
        walk(s.states);
      });
    walk(d.states);
    for (const type of REGULATION_EVENT_TYPES) expect(used).toContain(type);
    expect(d.events.find((e) => e.type === 'WITHDRAW')).toEqual({
      type: 'WITHDRAW',
      roles: ['ministry_lead'],
      owningAgencyOnly: true,
    });
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe('toMermaid', () => {
  const text = toMermaid();

  it('is a stateDiagram-v2 starting at draft', () => {
    expect(text.startsWith('stateDiagram-v2\n')).toBe(true);
    expect(text).toContain('  [*] --> draft\n');
  });

  it('draws each transition with its event and guard', () => {
    for (const line of [
      'draft --> review : SUBMIT_FOR_REVIEW',
      'review --> retained : COMPLETE_REVIEW [allReviewCriteriaMet]',
      'review --> costing : COMPLETE_REVIEW',
      'costing --> drafting_plan : CONFIRM_BASELINE [baselineComplete]',
      'drafting_plan --> consultation : OPEN_CONSULTATION [canOpenConsultation]',
      'consultation --> responding : onDone',
      'consultation --> withdrawn : WITHDRAW',
      'responding --> drafting_plan : REVISE_PLAN',
      'government_office_review --> drafting_plan : RETURN_FOR_REVISION',
      'awaiting_decision --> rejected : RECORD_DECISION',
      'implementing --> implemented : RECORD_IMPLEMENTATION',
      'implementing_on_track --> implementing_overdue : IMPLEMENTATION_DEADLINE_PASSED [implementationDeadlineReached]',
      'retained --> [*]',
    ]) {
      expect(text).toContain(line);
    }
  });

  it('draws parallel regions with a separator and unique ids for same-named states', () => {
    expect(text).toMatch(/state "consultation" as consultation \{[\s\S]*\n\s+--\n[\s\S]*\}/);
    expect(text).toContain('state "open" as consultation_experts_open');
    expect(text).toContain('state "open" as consultation_associations_open');
    expect(text).toContain(
      'consultation_experts_open --> consultation_experts_closed : CLOSE_EXPERT_ROUND [allExpertsGaveFeedback]',
    );
    expect(text).not.toMatch(/consultation_associations_open --> \S+ : CLOSE/);
  });

  it('balances its braces', () => {
    expect((text.match(/\{/g) ?? []).length).toBe((text.match(/\}/g) ?? []).length);
  });

  it('is generated from the machine given, not written by hand', () => {
    const tiny = createMachine({
      id: 'tiny',
      initial: 'a',
      states: { a: { on: { GO: 'b' } }, b: { type: 'final' } },
    });
    expect(toMermaid(tiny, 7)).toBe(
      [
        'stateDiagram-v2',
        '  %% tiny workflow, version 7, generated from the machine',
        '  [*] --> a',
        '  state "a" as a',
        '  state "b" as b',
        '  a --> b : GO',
        '  b --> [*]',
        '',
      ].join('\n'),
    );
  });
});
