/**
 * Fixtures for tests (unit and e2e): facts that make every guard pass, on a fixed clock, and
 * stored snapshots in each reachable state, built through applyEvent like real traffic.
 */
import type {
  OpenConsultationEvent,
  RecordDecisionEvent,
  RegulationCommand,
  WorkflowFacts,
} from './regulation.events';
import { DAY_MS, addMillis } from './time';
import { applyEvent, initialSnapshot, type PersistedWorkflowSnapshot } from './workflow-engine';

/** 09:00 on 1 March 2026 in Hanoi. */
export const T0 = '2026-03-01T02:00:00.000Z';

export function afterDays(days: number, from: string = T0): string {
  return addMillis(from, days * DAY_MS);
}

export const EXPERT_DEADLINE = afterDays(40);
export const ASSOCIATION_DEADLINE = afterDays(45);
export const IMPLEMENTATION_DEADLINE = afterDays(200);

/** Facts under which every guard passes, at `now`. */
export function passingFacts(overrides: Partial<WorkflowFacts> = {}): WorkflowFacts {
  return {
    now: T0,
    baselineComplete: true,
    plan: { action: 'simplify' },
    proposedEstimateExists: true,
    minConsultationDays: 30,
    planProgramme: null,
    invitedExpertsWithoutFeedback: 0,
    unansweredFeedbackCount: 0,
    ...overrides,
  };
}

export const OPEN_CONSULTATION: OpenConsultationEvent = {
  type: 'OPEN_CONSULTATION',
  expertDeadline: EXPERT_DEADLINE,
  associationDeadline: ASSOCIATION_DEADLINE,
  expertIds: ['expert-1', 'expert-2'],
};

/** Association round first (day 35), expert round later (day 50). */
export const OPEN_CONSULTATION_ASSOCIATIONS_FIRST: OpenConsultationEvent = {
  type: 'OPEN_CONSULTATION',
  expertDeadline: afterDays(50),
  associationDeadline: afterDays(35),
  expertIds: ['expert-1'],
};

export const APPROVAL: RecordDecisionEvent = {
  type: 'RECORD_DECISION',
  outcome: 'approved',
  decisionNumber: '1661/QĐ-TTg',
  decisionDate: '2026-04-20',
  implementationDeadline: IMPLEMENTATION_DEADLINE,
};

/** Applies an event that must be accepted; throws with the refusal otherwise. */
export function step(
  snapshot: PersistedWorkflowSnapshot,
  event: RegulationCommand | { type: string; [k: string]: unknown },
  facts: WorkflowFacts = passingFacts(),
): PersistedWorkflowSnapshot {
  const result = applyEvent(snapshot, event, facts);
  if (!result.accepted) {
    throw new Error(`fixture step ${event.type} refused: ${JSON.stringify(result)}`);
  }
  return result.snapshot;
}

type Step = [RegulationCommand, WorkflowFacts];

const toReview: Step[] = [[{ type: 'SUBMIT_FOR_REVIEW' }, passingFacts()]];
const toCosting: Step[] = [
  ...toReview,
  [
    {
      type: 'COMPLETE_REVIEW',
      necessary: true,
      legal: true,
      reasonable: false,
      notes: 'too costly',
    },
    passingFacts(),
  ],
];
const toDraftingPlan: Step[] = [...toCosting, [{ type: 'CONFIRM_BASELINE' }, passingFacts()]];
const toConsultation: Step[] = [...toDraftingPlan, [OPEN_CONSULTATION, passingFacts()]];
const closeExpertsEarly: Step = [
  { type: 'CLOSE_EXPERT_ROUND' },
  passingFacts({ now: afterDays(1) }),
];
const associationDeadline: Step = [
  { type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 },
  passingFacts({ now: ASSOCIATION_DEADLINE }),
];
const toResponding: Step[] = [...toConsultation, closeExpertsEarly, associationDeadline];
const toGovOffice: Step[] = [
  ...toResponding,
  [{ type: 'SUBMIT_TO_GOVERNMENT_OFFICE' }, passingFacts({ now: afterDays(46) })],
];
const toAwaiting: Step[] = [
  ...toGovOffice,
  [{ type: 'FORWARD_FOR_DECISION' }, passingFacts({ now: afterDays(47) })],
];
const toImplementing: Step[] = [...toAwaiting, [APPROVAL, passingFacts({ now: afterDays(50) })]];

export const FIXTURE_STATES = [
  'draft',
  'review',
  'costing',
  'drafting_plan',
  'consultation',
  'consultation_experts_closed',
  'consultation_associations_closed',
  'responding',
  'government_office_review',
  'awaiting_decision',
  'implementing',
  'implementing_overdue',
  'retained',
  'withdrawn',
  'rejected',
  'implemented',
] as const;
export type FixtureState = (typeof FIXTURE_STATES)[number];

/** How each fixture state is reached from a new draft, with the facts of each step. */
export const FIXTURE_PATHS: Readonly<Record<FixtureState, readonly Step[]>> = {
  draft: [],
  review: toReview,
  costing: toCosting,
  drafting_plan: toDraftingPlan,
  consultation: toConsultation,
  consultation_experts_closed: [...toConsultation, closeExpertsEarly],
  consultation_associations_closed: [
    ...toDraftingPlan,
    [OPEN_CONSULTATION_ASSOCIATIONS_FIRST, passingFacts()],
    [{ type: 'ASSOCIATION_ROUND_DEADLINE', cycle: 1 }, passingFacts({ now: afterDays(35) })],
  ],
  responding: toResponding,
  government_office_review: toGovOffice,
  awaiting_decision: toAwaiting,
  implementing: toImplementing,
  implementing_overdue: [
    ...toImplementing,
    [{ type: 'IMPLEMENTATION_DEADLINE_PASSED' }, passingFacts({ now: IMPLEMENTATION_DEADLINE })],
  ],
  retained: [
    ...toReview,
    [{ type: 'COMPLETE_REVIEW', necessary: true, legal: true, reasonable: true }, passingFacts()],
  ],
  withdrawn: [[{ type: 'WITHDRAW', reason: 'duplicate record' }, passingFacts()]],
  rejected: [
    ...toAwaiting,
    [
      {
        type: 'RECORD_DECISION',
        outcome: 'rejected',
        decisionNumber: '1700/QĐ-TTg',
        decisionDate: '2026-04-20',
      },
      passingFacts({ now: afterDays(50) }),
    ],
  ],
  implemented: [
    ...toImplementing,
    [
      {
        type: 'RECORD_IMPLEMENTATION',
        amendingDocumentNumber: '12/2026/NĐ-CP',
        // In force before the recording: implemented at once.
        effectiveDate: '2026-06-15',
      },
      passingFacts({ now: afterDays(120) }),
    ],
  ],
};

/** A stored snapshot in the given state, created at T0. */
export function reach(state: FixtureState): PersistedWorkflowSnapshot {
  return FIXTURE_PATHS[state].reduce(
    (snapshot, [event, facts]) => step(snapshot, event, facts),
    initialSnapshot(T0),
  );
}
