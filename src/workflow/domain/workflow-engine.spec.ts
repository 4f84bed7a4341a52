import {
  REGULATION_EVENT_TYPES,
  type RegulationCommand,
  type RegulationEventType,
} from './regulation.events';
import {
  REGULATION_MACHINE_ID,
  REGULATION_MACHINE_VERSION,
  TOP_LEVEL_STATES,
  machinesByVersion,
  regulationMachine,
} from './regulation.machine';
import {
  ASSOCIATION_DEADLINE,
  APPROVAL,
  EXPERT_DEADLINE,
  FIXTURE_STATES,
  IMPLEMENTATION_DEADLINE,
  OPEN_CONSULTATION,
  T0,
  afterDays,
  passingFacts,
  reach,
  step,
  type FixtureState,
} from './workflow.fixtures';
import {
  WorkflowSnapshotError,
  acceptedEvents,
  applyEvent,
  availableEvents,
  evaluateEvent,
  expectedTimers,
  explainGuardFailure,
  initialSnapshot,
  restore,
  stateName,
  stateOf,
  type AcceptedTransition,
  type ApplyResult,
  type PersistedWorkflowSnapshot,
} from './workflow-engine';

function accepted(result: ApplyResult): AcceptedTransition {
  if (!result.accepted) throw new Error(`expected acceptance, got ${JSON.stringify(result)}`);
  return result;
}

/** domain.md §5, "events accepted", per reachable state (written independently of the machine). */
const ACCEPTS: Record<FixtureState, RegulationEventType[]> = {
  draft: ['SUBMIT_FOR_REVIEW', 'WITHDRAW'],
  review: ['COMPLETE_REVIEW', 'WITHDRAW'],
  costing: ['CONFIRM_BASELINE', 'WITHDRAW'],
  drafting_plan: ['OPEN_CONSULTATION', 'WITHDRAW'],
  consultation: [
    'CLOSE_EXPERT_ROUND',
    'EXPERT_ROUND_DEADLINE',
    'ASSOCIATION_ROUND_DEADLINE',
    'WITHDRAW',
  ],
  consultation_experts_closed: ['ASSOCIATION_ROUND_DEADLINE', 'WITHDRAW'],
  consultation_associations_closed: ['CLOSE_EXPERT_ROUND', 'EXPERT_ROUND_DEADLINE', 'WITHDRAW'],
  responding: ['SUBMIT_TO_GOVERNMENT_OFFICE', 'REVISE_PLAN', 'WITHDRAW'],
  government_office_review: ['RETURN_FOR_REVISION', 'FORWARD_FOR_DECISION'],
  awaiting_decision: ['RECORD_DECISION'],
  implementing: ['RECORD_IMPLEMENTATION', 'IMPLEMENTATION_DEADLINE_PASSED', 'AMENDMENT_IN_FORCE'],
  implementing_overdue: ['RECORD_IMPLEMENTATION', 'AMENDMENT_IN_FORCE'],
  retained: [],
  withdrawn: [],
  rejected: [],
  implemented: [],
};

/** A valid body for every event type, so only the state decides acceptance. */
const VALID_BODY: Record<RegulationEventType, RegulationCommand> = {
  SUBMIT_FOR_REVIEW: { type: 'SUBMIT_FOR_REVIEW' },
  COMPLETE_REVIEW: { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false },
  CONFIRM_BASELINE: { type: 'CONFIRM_BASELINE' },
  OPEN_CONSULTATION,
  CLOSE_EXPERT_ROUND: { type: 'CLOSE_EXPERT_ROUND' },
  EXPERT_ROUND_DEADLINE: { type: 'EXPERT_ROUND_DEADLINE' },
  ASSOCIATION_ROUND_DEADLINE: { type: 'ASSOCIATION_ROUND_DEADLINE' },
  SUBMIT_TO_GOVERNMENT_OFFICE: { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' },
  REVISE_PLAN: { type: 'REVISE_PLAN' },
  RETURN_FOR_REVISION: { type: 'RETURN_FOR_REVISION', reasons: ['x'] },
  FORWARD_FOR_DECISION: { type: 'FORWARD_FOR_DECISION' },
  RECORD_DECISION: APPROVAL,
  RECORD_IMPLEMENTATION: {
    type: 'RECORD_IMPLEMENTATION',
    amendingDocumentNumber: '1/2026/NĐ-CP',
    effectiveDate: '2026-03-01', // T0's day: in force
  },
  IMPLEMENTATION_DEADLINE_PASSED: { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
  AMENDMENT_IN_FORCE: { type: 'AMENDMENT_IN_FORCE' },
  WITHDRAW: { type: 'WITHDRAW', reason: 'x' },
};

describe('stored snapshots', () => {
  it('a new regulation starts in draft, as plain JSON with machine id and version', () => {
    const s = initialSnapshot('2026-03-01T09:00:00+07:00');
    expect(s.machineId).toBe('regulation');
    expect(s.machineVersion).toBe(REGULATION_MACHINE_VERSION);
    expect(s.snapshot.value).toBe('draft');
    expect(s.snapshot.status).toBe('active');
    expect(s.snapshot.context).toMatchObject({ createdAt: T0, cycle: 0 });
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(stateOf(s)).toEqual({ state: 'draft', stateName: 'draft' });
  });

  it('refuses a creation time without an offset', () => {
    expect(() => initialSnapshot('2026-03-01T09:00:00')).toThrow(/offset/);
  });

  it('the version is a positive integer and maps to this definition', () => {
    expect(Number.isInteger(REGULATION_MACHINE_VERSION)).toBe(true);
    expect(REGULATION_MACHINE_VERSION).toBeGreaterThanOrEqual(1);
    expect(machinesByVersion[REGULATION_MACHINE_VERSION]).toBe(regulationMachine);
    expect(REGULATION_MACHINE_ID).toBe(regulationMachine.id);
  });

  it.each(FIXTURE_STATES)('%s survives a JSON round trip and restores', (state) => {
    const s = reach(state);
    const copy = JSON.parse(JSON.stringify(s)) as PersistedWorkflowSnapshot;
    expect(copy).toEqual(s);
    const restored = restore(copy);
    expect(restored.value).toEqual(s.snapshot.value);
    expect(restored.context).toEqual(s.snapshot.context);
    expect(restored.status).toBe(ACCEPTS[state].length === 0 ? 'done' : 'active');
  });

  it('refuses an unknown version clearly', () => {
    const s = { ...initialSnapshot(T0), machineVersion: 99 };
    expect(() => restore(s)).toThrow(WorkflowSnapshotError);
    expect(() => restore(s)).toThrow('unknown regulation workflow version 99 (known versions: 1)');
    expect(() => applyEvent(s, { type: 'SUBMIT_FOR_REVIEW' }, passingFacts())).toThrow(
      /unknown regulation workflow version 99/,
    );
  });

  it('refuses a snapshot of another machine, a missing version, garbage and unknown states', () => {
    const s = initialSnapshot(T0);
    expect(() => restore({ ...s, machineId: 'feedback' })).toThrow(/machine "feedback"/);
    expect(() => restore({ machineId: 'regulation', snapshot: s.snapshot })).toThrow(
      /unknown regulation workflow version undefined/,
    );
    expect(() => restore(null)).toThrow(WorkflowSnapshotError);
    expect(() => restore({ ...s, snapshot: {} })).toThrow(/no state value/);
    expect(() => restore({ ...s, snapshot: { ...s.snapshot, value: 'limbo' } })).toThrow(
      WorkflowSnapshotError,
    );
  });
});

describe('stateName', () => {
  it('is the value itself or the top-level key of a nested value', () => {
    expect(stateName('draft')).toBe('draft');
    expect(stateName({ consultation: { experts: 'open', associations: 'closed' } })).toBe(
      'consultation',
    );
    expect(stateName({ implementing: 'overdue' })).toBe('implementing');
  });

  it.each(FIXTURE_STATES)('of the %s fixture is a top-level state', (state) => {
    const result = stateOf(reach(state));
    expect(TOP_LEVEL_STATES).toContain(result.stateName);
    expect(state.startsWith(result.stateName)).toBe(true);
  });
});

describe('§5 transitions', () => {
  type Row = [FixtureState, RegulationCommand, Partial<ReturnType<typeof passingFacts>>, unknown];
  const rows: Row[] = [
    ['draft', { type: 'SUBMIT_FOR_REVIEW' }, {}, 'review'],
    [
      'review',
      { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: true },
      {},
      'retained',
    ],
    [
      'review',
      { type: 'COMPLETE_REVIEW', necessary: false, legal: true, reasonable: true },
      {},
      'costing',
    ],
    [
      'review',
      { type: 'COMPLETE_REVIEW', necessary: true, legal: false, reasonable: true },
      {},
      'costing',
    ],
    [
      'review',
      { type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: false },
      {},
      'costing',
    ],
    ['costing', { type: 'CONFIRM_BASELINE' }, {}, 'drafting_plan'],
    [
      'drafting_plan',
      OPEN_CONSULTATION,
      {},
      { consultation: { experts: 'open', associations: 'open' } },
    ],
    [
      'consultation',
      { type: 'CLOSE_EXPERT_ROUND' },
      {},
      { consultation: { experts: 'closed', associations: 'open' } },
    ],
    [
      'consultation',
      { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 },
      { now: EXPERT_DEADLINE },
      { consultation: { experts: 'closed', associations: 'open' } },
    ],
    [
      'consultation',
      { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 },
      { now: ASSOCIATION_DEADLINE },
      { consultation: { experts: 'open', associations: 'closed' } },
    ],
    [
      'consultation_experts_closed',
      { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 },
      { now: ASSOCIATION_DEADLINE },
      'responding',
    ],
    [
      'consultation_associations_closed',
      { type: 'CLOSE_EXPERT_ROUND' },
      { now: afterDays(36) },
      'responding',
    ],
    [
      'consultation_associations_closed',
      { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 },
      { now: afterDays(50) },
      'responding',
    ],
    ['responding', { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' }, {}, 'government_office_review'],
    ['responding', { type: 'REVISE_PLAN' }, {}, 'drafting_plan'],
    [
      'government_office_review',
      { type: 'RETURN_FOR_REVISION', reasons: ['costs not verified'] },
      {},
      'drafting_plan',
    ],
    ['government_office_review', { type: 'FORWARD_FOR_DECISION' }, {}, 'awaiting_decision'],
    ['awaiting_decision', APPROVAL, {}, { implementing: 'on_track' }],
    [
      'awaiting_decision',
      {
        type: 'RECORD_DECISION',
        outcome: 'rejected',
        decisionNumber: '1/QĐ-TTg',
        decisionDate: '2026-05-01',
      },
      {},
      'rejected',
    ],
    [
      'implementing',
      { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
      { now: IMPLEMENTATION_DEADLINE },
      { implementing: 'overdue' },
    ],
    ['implementing', VALID_BODY.RECORD_IMPLEMENTATION, {}, 'implemented'],
    ['implementing_overdue', VALID_BODY.RECORD_IMPLEMENTATION, {}, 'implemented'],
    ['draft', VALID_BODY.WITHDRAW, {}, 'withdrawn'],
  ];

  it.each(rows)('%s + %j → %j', (from, event, facts, expected) => {
    const result = accepted(applyEvent(reach(from), event, passingFacts(facts)));
    expect(result.state).toEqual(expected);
    expect(result.snapshot.snapshot.value).toEqual(expected);
    expect(result.stateName).toBe(stateName(expected as string));
    expect(result.fromStateName).toBe(stateName(reach(from).snapshot.value));
    expect(result.done).toBe(
      ['retained', 'withdrawn', 'rejected', 'implemented'].includes(result.stateName),
    );
  });

  it('records the review result', () => {
    const r = accepted(
      applyEvent(
        reach('review'),
        { type: 'COMPLETE_REVIEW', necessary: true, legal: false, reasonable: true, notes: 'n' },
        passingFacts({ now: afterDays(2) }),
      ),
    );
    expect(r.snapshot.snapshot.context.review).toEqual({
      necessary: true,
      legal: false,
      reasonable: true,
      notes: 'n',
      completedAt: afterDays(2),
    });
  });

  it('returns the normalised event for the history', () => {
    const r = accepted(
      applyEvent(
        reach('drafting_plan'),
        {
          type: 'OPEN_CONSULTATION',
          expertDeadline: '2026-04-30',
          associationDeadline: '2026-05-05T17:00:00+07:00',
          expertIds: ['e1', 'e1'],
          ignored: true,
        },
        passingFacts(),
      ),
    );
    expect(r.event).toEqual({
      type: 'OPEN_CONSULTATION',
      expertDeadline: '2026-04-30T16:59:59.000Z',
      associationDeadline: '2026-05-05T10:00:00.000Z',
      expertIds: ['e1'],
    });
  });

  it('opening with an abolish plan needs no proposed estimate', () => {
    const r = applyEvent(
      reach('drafting_plan'),
      OPEN_CONSULTATION,
      passingFacts({ plan: { action: 'abolish' }, proposedEstimateExists: false }),
    );
    expect(accepted(r).snapshot.snapshot.context.consultation?.planAction).toBe('abolish');
  });

  it('records the Government Office return and the decision', () => {
    const returned = accepted(
      applyEvent(
        reach('government_office_review'),
        { type: 'RETURN_FOR_REVISION', reasons: 'costs not verified' },
        passingFacts({ now: afterDays(48) }),
      ),
    );
    expect(returned.snapshot.snapshot.context.lastReturn).toEqual({
      reasons: ['costs not verified'],
      at: afterDays(48),
    });
    const decided = reach('implementing').snapshot.context.decision;
    expect(decided).toEqual({
      outcome: 'approved',
      decisionNumber: '1661/QĐ-TTg',
      decisionDate: '2026-04-20',
      implementationDeadline: IMPLEMENTATION_DEADLINE,
      recordedAt: afterDays(50),
    });
  });

  it('a returned plan must be consulted again, and earlier rounds stay on record', () => {
    let s = step(
      reach('government_office_review'),
      { type: 'RETURN_FOR_REVISION', reasons: ['more evidence'] },
      passingFacts({ now: afterDays(48) }),
    );
    expect(acceptedEvents(s)).toEqual(['OPEN_CONSULTATION', 'WITHDRAW']);
    s = step(
      s,
      {
        ...OPEN_CONSULTATION,
        expertDeadline: afterDays(90),
        associationDeadline: afterDays(95),
      },
      passingFacts({ now: afterDays(49) }),
    );
    expect(s.snapshot.context.cycle).toBe(2);
    expect(s.snapshot.context.consultation).toMatchObject({ cycle: 2, openedAt: afterDays(49) });
    expect(s.snapshot.context.lastReturn?.reasons).toEqual(['more evidence']);
  });
});

describe('events a state does not accept (409)', () => {
  it.each(FIXTURE_STATES)('%s accepts exactly the §5 events, and lists them otherwise', (state) => {
    const s = reach(state);
    expect(acceptedEvents(s)).toEqual(ACCEPTS[state]);
    for (const type of REGULATION_EVENT_TYPES) {
      if (ACCEPTS[state].includes(type)) continue;
      const result = applyEvent(s, VALID_BODY[type], passingFacts({ now: afterDays(400) }));
      expect(result).toEqual({
        accepted: false,
        reason: 'not_accepted',
        eventType: type,
        stateName: stateOf(s).stateName,
        acceptedEvents: ACCEPTS[state],
        message: expect.stringContaining(`${type} is not accepted in state`),
      });
    }
  });

  it('the state check comes before payload validation', () => {
    expect(applyEvent(reach('draft'), { type: 'WITHDRAW' }, passingFacts())).toMatchObject({
      reason: 'invalid_payload',
    });
    expect(
      applyEvent(reach('awaiting_decision'), { type: 'WITHDRAW' }, passingFacts()),
    ).toMatchObject({ reason: 'not_accepted', acceptedEvents: ['RECORD_DECISION'] });
  });

  it('an unknown event type is not accepted, with the list', () => {
    expect(applyEvent(reach('draft'), { type: 'APPROVE_EVERYTHING' }, passingFacts())).toEqual({
      accepted: false,
      reason: 'not_accepted',
      eventType: 'APPROVE_EVERYTHING',
      stateName: 'draft',
      acceptedEvents: ['SUBMIT_FOR_REVIEW', 'WITHDRAW'],
      message:
        'APPROVE_EVERYTHING is not a workflow event; accepted in state draft: SUBMIT_FOR_REVIEW, WITHDRAW',
    });
  });

  it('internal xstate events can neither be listed nor sent', () => {
    const s = reach('consultation');
    const all = acceptedEvents(s) as string[];
    expect(all.some((e) => e.startsWith('xstate.'))).toBe(false);
    const forged = applyEvent(
      s,
      { type: 'xstate.done.state.regulation.consultation' },
      passingFacts(),
    );
    expect(forged).toMatchObject({ accepted: false, reason: 'not_accepted' });
  });

  it('a body without a type is bad input', () => {
    expect(applyEvent(reach('draft'), { type: 5 } as never, passingFacts())).toMatchObject({
      accepted: false,
      reason: 'invalid_payload',
      errors: [{ field: 'type' }],
    });
  });
});

describe('invalid payloads (400)', () => {
  it('names the field of a deadline that is not a date', () => {
    const r = applyEvent(
      reach('drafting_plan'),
      { ...OPEN_CONSULTATION, expertDeadline: 'in a month' },
      passingFacts(),
    );
    expect(r).toMatchObject({
      accepted: false,
      reason: 'invalid_payload',
      errors: [{ field: 'expertDeadline' }],
    });
  });

  it('refuses an approval without an implementation deadline', () => {
    const { implementationDeadline: _omit, ...noDeadline } = APPROVAL;
    expect(applyEvent(reach('awaiting_decision'), noDeadline, passingFacts())).toMatchObject({
      reason: 'invalid_payload',
      errors: [{ field: 'implementationDeadline' }],
    });
  });
});

describe('guards (422)', () => {
  function guardFailure(state: FixtureState, event: RegulationCommand, facts = passingFacts()) {
    const r = applyEvent(reach(state), event, facts);
    if (r.accepted || r.reason !== 'guard_failed') {
      throw new Error(`expected a guard failure, got ${JSON.stringify(r)}`);
    }
    return r;
  }

  it('CONFIRM_BASELINE needs a complete baseline estimate', () => {
    expect(
      guardFailure(
        'costing',
        { type: 'CONFIRM_BASELINE' },
        passingFacts({ baselineComplete: false }),
      ),
    ).toEqual({
      accepted: false,
      reason: 'guard_failed',
      guard: 'baselineComplete',
      message: 'a complete baseline estimate is required',
      failures: [
        { guard: 'baselineComplete', message: 'a complete baseline estimate is required' },
      ],
    });
  });

  it('a fact the service did not provide fails the guard instead of passing it', () => {
    const r = applyEvent(reach('costing'), { type: 'CONFIRM_BASELINE' }, { now: T0 });
    expect(r).toMatchObject({
      reason: 'guard_failed',
      guard: 'baselineComplete',
      message: 'fact baselineComplete was not provided',
    });
  });

  it('OPEN_CONSULTATION needs a plan with an action', () => {
    expect(
      guardFailure('drafting_plan', OPEN_CONSULTATION, passingFacts({ plan: null })),
    ).toMatchObject({
      guard: 'planHasAction',
      message: 'a simplification plan with an action (abolish, simplify or amend) is required',
    });
  });

  it.each(['simplify', 'amend'] as const)(
    'OPEN_CONSULTATION with a %s plan needs a proposed estimate',
    (action) => {
      expect(
        guardFailure(
          'drafting_plan',
          OPEN_CONSULTATION,
          passingFacts({ plan: { action }, proposedEstimateExists: false }),
        ),
      ).toMatchObject({
        guard: 'proposedEstimateUnlessAbolish',
        message: 'a proposed cost estimate is required unless the plan abolishes the regulation',
      });
    },
  );

  it('OPEN_CONSULTATION needs at least one expert', () => {
    expect(guardFailure('drafting_plan', { ...OPEN_CONSULTATION, expertIds: [] })).toMatchObject({
      guard: 'atLeastOneExpert',
      field: 'expertIds',
      message: 'at least one expert must be invited',
    });
  });

  it.each(['expertDeadline', 'associationDeadline'] as const)(
    '%s must be at least the minimum consultation period after now',
    (field) => {
      const tooSoon = afterDays(29);
      expect(guardFailure('drafting_plan', { ...OPEN_CONSULTATION, [field]: tooSoon })).toEqual({
        accepted: false,
        reason: 'guard_failed',
        guard: `${field}FarEnough`,
        field,
        message: `deadline ${field} must be at least 30 days after now (not before ${afterDays(30)})`,
        failures: [expect.objectContaining({ guard: `${field}FarEnough` })],
      });
    },
  );

  it('"N days" means at least N × 24 hours: exactly 30 days passes, 1 ms less fails', () => {
    const exact = afterDays(30);
    const justShort = new Date(Date.parse(exact) - 1).toISOString();
    const open = (d: string) => ({
      ...OPEN_CONSULTATION,
      expertDeadline: d,
      associationDeadline: d,
    });
    expect(applyEvent(reach('drafting_plan'), open(exact), passingFacts()).accepted).toBe(true);
    expect(applyEvent(reach('drafting_plan'), open(justShort), passingFacts())).toMatchObject({
      reason: 'guard_failed',
      guard: 'expertDeadlineFarEnough',
    });
  });

  it('a date-only deadline counts from 23:59:59 in Vietnam', () => {
    // now = 2026-03-01 09:00 +07:00; now + 30 d = 2026-03-31 09:00 +07:00.
    const open = (d: string) => ({
      ...OPEN_CONSULTATION,
      expertDeadline: d,
      associationDeadline: d,
    });
    expect(applyEvent(reach('drafting_plan'), open('2026-03-31'), passingFacts()).accepted).toBe(
      true,
    );
    expect(applyEvent(reach('drafting_plan'), open('2026-03-30'), passingFacts())).toMatchObject({
      guard: 'expertDeadlineFarEnough',
    });
  });

  it("uses the programme's minimum period, and 0 still forbids a past deadline", () => {
    const soon = afterDays(7);
    const open = { ...OPEN_CONSULTATION, expertDeadline: soon, associationDeadline: soon };
    expect(
      applyEvent(reach('drafting_plan'), open, passingFacts({ minConsultationDays: 7 })).accepted,
    ).toBe(true);
    expect(
      guardFailure('drafting_plan', open, passingFacts({ minConsultationDays: 8 })).message,
    ).toBe(
      `deadline expertDeadline must be at least 8 days after now (not before ${afterDays(8)})`,
    );
    const past = afterDays(-1);
    expect(
      guardFailure(
        'drafting_plan',
        { ...OPEN_CONSULTATION, expertDeadline: past, associationDeadline: past },
        passingFacts({ minConsultationDays: 0 }),
      ).guard,
    ).toBe('expertDeadlineFarEnough');
  });

  it('lists every failed condition, the first one as the answer', () => {
    const r = guardFailure(
      'drafting_plan',
      { ...OPEN_CONSULTATION, expertIds: [], associationDeadline: afterDays(1) },
      passingFacts({ plan: null, proposedEstimateExists: false }),
    );
    expect(r.guard).toBe('planHasAction');
    expect(r.failures.map((f) => f.guard)).toEqual([
      'planHasAction',
      'proposedEstimateUnlessAbolish',
      'atLeastOneExpert',
      'associationDeadlineFarEnough',
    ]);
  });

  it('CLOSE_EXPERT_ROUND needs feedback from every invited expert', () => {
    expect(
      guardFailure(
        'consultation',
        { type: 'CLOSE_EXPERT_ROUND' },
        passingFacts({ invitedExpertsWithoutFeedback: 2 }),
      ),
    ).toMatchObject({
      guard: 'allExpertsGaveFeedback',
      message:
        'the expert round can close early only when every invited expert has given feedback (2 have not)',
    });
  });

  it('the association round cannot be closed before its deadline', () => {
    const oneSecondEarly = new Date(Date.parse(ASSOCIATION_DEADLINE) - 1000).toISOString();
    expect(
      guardFailure(
        'consultation_experts_closed',
        { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 },
        passingFacts({ now: oneSecondEarly }),
      ),
    ).toMatchObject({
      guard: 'associationDeadlineReached',
      message: `the association round closes by itself only at its deadline ${ASSOCIATION_DEADLINE}`,
    });
    // And no early-close event exists for it at all.
    expect(
      applyEvent(
        reach('consultation_experts_closed'),
        { type: 'CLOSE_ASSOCIATION_ROUND' },
        passingFacts(),
      ),
    ).toMatchObject({ reason: 'not_accepted' });
  });

  it('the expert deadline event is refused before the expert deadline', () => {
    expect(guardFailure('consultation', { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 })).toMatchObject(
      { guard: 'expertDeadlineReached' },
    );
  });

  it('SUBMIT_TO_GOVERNMENT_OFFICE needs every feedback item answered', () => {
    expect(
      guardFailure(
        'responding',
        { type: 'SUBMIT_TO_GOVERNMENT_OFFICE' },
        passingFacts({ unansweredFeedbackCount: 3 }),
      ),
    ).toMatchObject({
      guard: 'allFeedbackAnswered',
      message:
        'every feedback item of this cycle must be answered before submitting (3 unanswered)',
    });
  });

  it('IMPLEMENTATION_DEADLINE_PASSED is refused before the deadline', () => {
    expect(
      guardFailure(
        'implementing',
        { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
        passingFacts({ now: afterDays(199) }),
      ),
    ).toMatchObject({
      guard: 'implementationDeadlineReached',
      message: `the implementation deadline ${IMPLEMENTATION_DEADLINE} has not passed yet`,
    });
  });

  it('a refused event changes nothing', () => {
    const s = reach('costing');
    const before = JSON.stringify(s);
    applyEvent(s, { type: 'CONFIRM_BASELINE' }, passingFacts({ baselineComplete: false }));
    expect(JSON.stringify(s)).toBe(before);
  });
});

describe('evaluateEvent / explainGuardFailure', () => {
  it('works on a restored snapshot and on the stored JSON', () => {
    const stored = reach('costing');
    const event = { type: 'CONFIRM_BASELINE', facts: passingFacts({ baselineComplete: false }) };
    expect(explainGuardFailure(restore(stored), event)).toMatchObject({
      outcome: 'guard_failed',
      guard: 'baselineComplete',
    });
    expect(explainGuardFailure(stored, { ...event, facts: passingFacts() })).toBeNull();
    expect(evaluateEvent(stored, { type: 'WITHDRAW', reason: 'x', facts: passingFacts() })).toEqual(
      {
        outcome: 'accepted',
      },
    );
    expect(evaluateEvent(stored, { type: 'RECORD_DECISION', facts: passingFacts() })).toEqual({
      outcome: 'not_accepted',
      acceptedEvents: ['CONFIRM_BASELINE', 'WITHDRAW'],
    });
  });
});

describe('WITHDRAW', () => {
  const withdrawable: FixtureState[] = [
    'draft',
    'review',
    'costing',
    'drafting_plan',
    'consultation',
    'consultation_experts_closed',
    'consultation_associations_closed',
    'responding',
  ];

  it.each(withdrawable)('is accepted from %s and records where from', (state) => {
    const s = reach(state);
    const r = accepted(
      applyEvent(s, { type: 'WITHDRAW', reason: 'merged into another regulation' }, passingFacts()),
    );
    expect(r.state).toBe('withdrawn');
    expect(r.done).toBe(true);
    expect(r.snapshot.snapshot.context.withdrawal).toEqual({
      reason: 'merged into another regulation',
      fromState: stateOf(s).stateName,
      at: T0,
    });
  });

  it.each(FIXTURE_STATES.filter((s) => !withdrawable.includes(s)))(
    'is not accepted from %s',
    (state) => {
      expect(applyEvent(reach(state), VALID_BODY.WITHDRAW, passingFacts())).toMatchObject({
        accepted: false,
        reason: 'not_accepted',
      });
    },
  );

  it('from consultation cancels the timers of the rounds still open', () => {
    const both = accepted(applyEvent(reach('consultation'), VALID_BODY.WITHDRAW, passingFacts()));
    expect(both.cancelledTimerIds.sort()).toEqual([
      'association-round-deadline',
      'expert-round-deadline',
    ]);
    const one = accepted(
      applyEvent(reach('consultation_experts_closed'), VALID_BODY.WITHDRAW, passingFacts()),
    );
    expect(one.cancelledTimerIds).toEqual(['association-round-deadline']);
    expect(one.scheduledTimers).toEqual([]);
  });
});

describe('consultation timers', () => {
  const DAY = 24 * 3600 * 1000;

  it('opening schedules both rounds at their deadlines, tagged with the cycle', () => {
    const r = accepted(applyEvent(reach('drafting_plan'), OPEN_CONSULTATION, passingFacts()));
    expect(r.cancelledTimerIds).toEqual([]);
    expect(r.scheduledTimers).toEqual([
      {
        id: 'expert-round-deadline',
        event: { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 },
        dueAt: EXPERT_DEADLINE,
        delayMs: 40 * DAY,
      },
      {
        id: 'association-round-deadline',
        event: { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 },
        dueAt: ASSOCIATION_DEADLINE,
        delayMs: 45 * DAY,
      },
    ]);
    expect(r.snapshot.snapshot.context.consultation).toEqual({
      cycle: 1,
      openedAt: T0,
      expertDeadline: EXPERT_DEADLINE,
      associationDeadline: ASSOCIATION_DEADLINE,
      expertIds: ['expert-1', 'expert-2'],
      planAction: 'simplify',
      expertRoundClosedAt: null,
      expertRoundClosedBy: null,
      associationRoundClosedAt: null,
    });
  });

  it('computes dueAt from the facts clock, for a date-only deadline too', () => {
    const r = accepted(
      applyEvent(
        reach('drafting_plan'),
        { ...OPEN_CONSULTATION, expertDeadline: '2026-04-30', associationDeadline: '2026-05-01' },
        passingFacts({ now: '2026-03-02T10:00:00+07:00' }),
      ),
    );
    expect(r.scheduledTimers.map((t) => t.dueAt)).toEqual([
      '2026-04-30T16:59:59.000Z',
      '2026-05-01T16:59:59.000Z',
    ]);
    expect(r.scheduledTimers[0].delayMs).toBe(
      Date.parse('2026-04-30T16:59:59.000Z') - Date.parse('2026-03-02T03:00:00.000Z'),
    );
  });

  it('closing the expert round early cancels its timer only', () => {
    const r = accepted(
      applyEvent(reach('consultation'), { type: 'CLOSE_EXPERT_ROUND' }, passingFacts()),
    );
    expect(r.cancelledTimerIds).toEqual(['expert-round-deadline']);
    expect(r.scheduledTimers).toEqual([]);
    expect(r.snapshot.snapshot.context.consultation).toMatchObject({
      expertRoundClosedAt: T0,
      expertRoundClosedBy: 'early',
    });
  });

  it('a due timer delivered as scheduled closes its round (both ⇒ responding)', () => {
    const opened = accepted(applyEvent(reach('drafting_plan'), OPEN_CONSULTATION, passingFacts()));
    // The timer layer persists the timers as JSON and delivers each event when due.
    const [expertTimer, associationTimer] = JSON.parse(
      JSON.stringify(opened.scheduledTimers),
    ) as typeof opened.scheduledTimers;
    const afterExpert = accepted(
      applyEvent(opened.snapshot, expertTimer.event, passingFacts({ now: expertTimer.dueAt })),
    );
    expect(afterExpert.state).toEqual({
      consultation: { experts: 'closed', associations: 'open' },
    });
    expect(afterExpert.snapshot.snapshot.context.consultation?.expertRoundClosedBy).toBe(
      'deadline',
    );
    const afterBoth = accepted(
      applyEvent(
        afterExpert.snapshot,
        associationTimer.event,
        passingFacts({ now: associationTimer.dueAt }),
      ),
    );
    expect(afterBoth.state).toBe('responding');
    expect(afterBoth.snapshot.snapshot.context.consultation?.associationRoundClosedAt).toBe(
      ASSOCIATION_DEADLINE,
    );
  });

  it('a timer delivered late (after a restart) is still accepted', () => {
    const r = applyEvent(
      reach('consultation'),
      { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 },
      passingFacts({ now: afterDays(44) }),
    );
    expect(r.accepted).toBe(true);
  });

  it('a timer fires once: a second delivery is not accepted', () => {
    const event = { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 } as const;
    const once = step(reach('consultation'), event, passingFacts({ now: EXPERT_DEADLINE }));
    expect(applyEvent(once, event, passingFacts({ now: EXPERT_DEADLINE }))).toMatchObject({
      accepted: false,
      reason: 'not_accepted',
    });
  });

  it('a timer arriving after the state moved on is not accepted (no-op)', () => {
    const event = { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 } as const;
    for (const state of ['responding', 'withdrawn', 'drafting_plan'] as const) {
      const s = reach(state);
      const r = applyEvent(s, event, passingFacts({ now: afterDays(100) }));
      expect(r).toMatchObject({ accepted: false, reason: 'not_accepted' });
    }
  });

  it("a timer of an earlier cycle cannot close the next cycle's round", () => {
    // Cycle 1: the expert round closed early, so its day-40 timer may still be stored somewhere.
    let s = step(
      reach('responding'),
      { type: 'REVISE_PLAN' },
      passingFacts({ now: afterDays(46) }),
    );
    const reopened = accepted(
      applyEvent(
        s,
        { ...OPEN_CONSULTATION, expertDeadline: afterDays(90), associationDeadline: afterDays(95) },
        passingFacts({ now: afterDays(47) }),
      ),
    );
    // The same timer ids are scheduled again: the timer table replaces cycle 1's entries.
    expect(reopened.scheduledTimers.map((t) => [t.id, t.event])).toEqual([
      ['expert-round-deadline', { type: 'EXPERT_ROUND_DEADLINE', cycle: 2 }],
      ['association-round-deadline', { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 2 }],
    ]);
    s = reopened.snapshot;
    const stale = applyEvent(
      s,
      { type: 'EXPERT_ROUND_DEADLINE', cycle: 1 },
      passingFacts({ now: afterDays(91) }),
    );
    expect(stale).toMatchObject({
      accepted: false,
      reason: 'guard_failed',
      guard: 'timerForCurrentCycle',
      message: 'this timer belongs to consultation cycle 1; the current cycle is 2',
    });
    // Even without its cycle tag, an early timer is refused by the deadline check.
    expect(
      applyEvent(s, { type: 'EXPERT_ROUND_DEADLINE' }, passingFacts({ now: EXPERT_DEADLINE })),
    ).toMatchObject({ reason: 'guard_failed', guard: 'expertDeadlineReached' });
  });
});

describe('implementation timer', () => {
  it('an approval schedules the deadline timer at the implementation deadline', () => {
    const r = accepted(
      applyEvent(reach('awaiting_decision'), APPROVAL, passingFacts({ now: afterDays(50) })),
    );
    expect(r.scheduledTimers).toEqual([
      {
        id: 'implementation-deadline',
        event: { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
        dueAt: IMPLEMENTATION_DEADLINE,
        delayMs: Date.parse(IMPLEMENTATION_DEADLINE) - Date.parse(afterDays(50)),
      },
    ]);
  });

  it('a deadline already past fires at once (delay 0)', () => {
    const r = accepted(
      applyEvent(
        reach('awaiting_decision'),
        { ...APPROVAL, implementationDeadline: afterDays(10) },
        passingFacts({ now: afterDays(50) }),
      ),
    );
    expect(r.scheduledTimers[0]).toMatchObject({ dueAt: afterDays(50), delayMs: 0 });
    expect(
      applyEvent(
        r.snapshot,
        r.scheduledTimers[0].event,
        passingFacts({ now: r.scheduledTimers[0].dueAt }),
      ),
    ).toMatchObject({ accepted: true, state: { implementing: 'overdue' } });
  });

  it('a rejection schedules nothing', () => {
    const r = accepted(
      applyEvent(
        reach('awaiting_decision'),
        { ...APPROVAL, outcome: 'rejected' },
        passingFacts({ now: afterDays(50) }),
      ),
    );
    expect(r.state).toBe('rejected');
    expect(r.scheduledTimers).toEqual([]);
  });

  it('the deadline makes the implementation overdue, which still accepts RECORD_IMPLEMENTATION', () => {
    const overdue = accepted(
      applyEvent(
        reach('implementing'),
        { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
        passingFacts({ now: IMPLEMENTATION_DEADLINE }),
      ),
    );
    expect(overdue.state).toEqual({ implementing: 'overdue' });
    expect(overdue.stateName).toBe('implementing');
    expect(overdue.snapshot.snapshot.context.overdueSince).toBe(IMPLEMENTATION_DEADLINE);
    const done = accepted(
      applyEvent(
        overdue.snapshot,
        VALID_BODY.RECORD_IMPLEMENTATION,
        passingFacts({ now: afterDays(210) }),
      ),
    );
    expect(done.state).toBe('implemented');
    expect(done.snapshot.snapshot.context.implementation).toEqual({
      amendingDocumentNumber: '1/2026/NĐ-CP',
      effectiveDate: '2026-03-01',
      recordedAt: afterDays(210),
    });
  });

  it('counts an amendment not yet in force as implemented from its effective date, durably', () => {
    const body = { ...VALID_BODY.RECORD_IMPLEMENTATION, effectiveDate: '2026-09-01' };
    const pending = accepted(applyEvent(reach('implementing'), body, passingFacts()));
    expect(pending.state).toEqual({ implementing: 'on_track' });
    const due = '2026-08-31T17:00:00.000Z'; // 1 Sep 2026, 00:00 in Vietnam
    expect(pending.scheduledTimers).toEqual([
      expect.objectContaining({
        id: 'amendment-in-force',
        event: { type: 'AMENDMENT_IN_FORCE' },
        dueAt: due,
      }),
    ]);
    expect(expectedTimers(pending.snapshot)).toContainEqual(
      expect.objectContaining({ id: 'amendment-in-force', dueAt: due }),
    );
    const early = applyEvent(
      pending.snapshot,
      { type: 'AMENDMENT_IN_FORCE' },
      passingFacts({ now: '2026-08-31T16:59:59.000Z' }),
    );
    expect(early).toMatchObject({ accepted: false, guard: 'amendmentInForceReached' });
    const done = accepted(
      applyEvent(pending.snapshot, { type: 'AMENDMENT_IN_FORCE' }, passingFacts({ now: due })),
    );
    expect(done.state).toBe('implemented');
    expect(done.snapshot.snapshot.context.implementation).toMatchObject({
      effectiveDate: '2026-09-01',
    });
  });

  it('implementing on time cancels the deadline timer; a late delivery is then a no-op', () => {
    const r = accepted(
      applyEvent(reach('implementing'), VALID_BODY.RECORD_IMPLEMENTATION, passingFacts()),
    );
    expect(r.cancelledTimerIds).toEqual(['implementation-deadline', 'amendment-in-force']);
    expect(
      applyEvent(
        r.snapshot,
        { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
        passingFacts({ now: IMPLEMENTATION_DEADLINE }),
      ),
    ).toMatchObject({ accepted: false, reason: 'not_accepted', acceptedEvents: [] });
  });
});

describe('expectedTimers', () => {
  it.each<[FixtureState, string[]]>([
    ['draft', []],
    ['drafting_plan', []],
    ['consultation', ['expert-round-deadline', 'association-round-deadline']],
    ['consultation_experts_closed', ['association-round-deadline']],
    ['consultation_associations_closed', ['expert-round-deadline']],
    ['responding', []],
    ['implementing', ['implementation-deadline']],
    ['implementing_overdue', []],
    ['implemented', []],
  ])('in %s: %j', (state, ids) => {
    expect(expectedTimers(reach(state)).map((t) => t.id)).toEqual(ids);
  });

  it('matches what was scheduled when the state was entered', () => {
    const opened = accepted(applyEvent(reach('drafting_plan'), OPEN_CONSULTATION, passingFacts()));
    expect(expectedTimers(opened.snapshot)).toEqual(opened.scheduledTimers);
    const approved = accepted(
      applyEvent(reach('awaiting_decision'), APPROVAL, passingFacts({ now: afterDays(50) })),
    );
    expect(expectedTimers(approved.snapshot)).toEqual(approved.scheduledTimers);
  });
});

describe('final states', () => {
  it.each(['retained', 'withdrawn', 'rejected', 'implemented'] as const)(
    '%s accepts nothing',
    (state) => {
      const s = reach(state);
      expect(s.snapshot.status).toBe('done');
      expect(acceptedEvents(s)).toEqual([]);
      expect(availableEvents(s, 'ministry_lead', passingFacts())).toEqual({
        acceptedByState: [],
        allowed: [],
        ready: [],
        blocked: [],
      });
      for (const type of REGULATION_EVENT_TYPES) {
        expect(applyEvent(s, VALID_BODY[type], passingFacts())).toMatchObject({
          accepted: false,
          reason: 'not_accepted',
          acceptedEvents: [],
        });
      }
    },
  );
});

describe('availableEvents', () => {
  it('without an actor: what the state accepts', () => {
    const r = availableEvents(reach('responding'));
    expect(r).toEqual({
      acceptedByState: ['SUBMIT_TO_GOVERNMENT_OFFICE', 'REVISE_PLAN', 'WITHDRAW'],
      allowed: ['SUBMIT_TO_GOVERNMENT_OFFICE', 'REVISE_PLAN', 'WITHDRAW'],
    });
  });

  it('filters by role', () => {
    const s = reach('responding');
    expect(availableEvents(s, 'ministry_officer').allowed).toEqual(['REVISE_PLAN']);
    expect(availableEvents(s, 'ministry_lead').allowed).toEqual([
      'SUBMIT_TO_GOVERNMENT_OFFICE',
      'REVISE_PLAN',
      'WITHDRAW',
    ]);
    expect(availableEvents(s, 'gov_office').allowed).toEqual([]);
    expect(availableEvents(reach('government_office_review'), 'gov_office').allowed).toEqual([
      'RETURN_FOR_REVISION',
      'FORWARD_FOR_DECISION',
    ]);
    expect(availableEvents(reach('consultation'), 'system').allowed).toEqual([
      'EXPERT_ROUND_DEADLINE',
      'ASSOCIATION_ROUND_DEADLINE',
    ]);
  });

  it('applies the owning-agency rule when told whether the actor owns the regulation', () => {
    expect(
      availableEvents(reach('responding'), { role: 'ministry_lead', ownsRegulation: false })
        .allowed,
    ).toEqual([]);
    expect(
      availableEvents(reach('awaiting_decision'), { role: 'gov_office', ownsRegulation: false })
        .allowed,
    ).toEqual(['RECORD_DECISION']);
  });

  it('with facts: which allowed events are ready and why the others are held back', () => {
    const r = availableEvents(
      reach('responding'),
      'ministry_lead',
      passingFacts({ unansweredFeedbackCount: 1 }),
    );
    expect(r.ready).toEqual(['REVISE_PLAN', 'WITHDRAW']);
    expect(r.blocked).toEqual([
      {
        event: 'SUBMIT_TO_GOVERNMENT_OFFICE',
        guard: 'allFeedbackAnswered',
        message:
          'every feedback item of this cycle must be answered before submitting (1 unanswered)',
      },
    ]);
  });

  it('with facts: payload conditions (deadlines, experts) are left to the send', () => {
    const r = availableEvents(reach('drafting_plan'), 'ministry_officer', passingFacts());
    expect(r.ready).toEqual(['OPEN_CONSULTATION']);
    const noPlan = availableEvents(
      reach('drafting_plan'),
      'ministry_officer',
      passingFacts({ plan: null }),
    );
    expect(noPlan.blocked?.[0]).toMatchObject({
      event: 'OPEN_CONSULTATION',
      guard: 'planHasAction',
    });
  });

  it('with facts: timer events are ready only once their deadline has come', () => {
    const early = availableEvents(reach('consultation'), 'system', passingFacts());
    expect(early.ready).toEqual([]);
    const atExpert = availableEvents(
      reach('consultation'),
      'system',
      passingFacts({ now: EXPERT_DEADLINE }),
    );
    expect(atExpert.ready).toEqual(['EXPERT_ROUND_DEADLINE']);
  });
});
