/**
 * Guards of the regulation workflow. Each machine guard is a list of named checks; a check either
 * passes or returns a human message. The machine evaluates the same checks that
 * explainGuardFailure reports, so the 422 message can never disagree with the decision.
 */
import type { RegulationEvent, WorkflowFacts } from './regulation.events';
import type { RegulationContext } from './regulation.machine';
import { DAY_MS, addMillis, toMillis } from './time';
import { vietnamStartOfDay } from '../../common/vietnam-time';

export interface GuardArgs {
  context: RegulationContext;
  event: RegulationEvent;
}

export type CheckName =
  | 'allReviewCriteriaMet'
  | 'decisionApproved'
  | 'baselineComplete'
  | 'planHasAction'
  | 'proposedEstimateUnlessAbolish'
  | 'atLeastOneExpert'
  | 'expertDeadlineFarEnough'
  | 'associationDeadlineFarEnough'
  | 'allExpertsGaveFeedback'
  | 'timerForCurrentCycle'
  | 'expertDeadlineReached'
  | 'associationDeadlineReached'
  | 'allFeedbackAnswered'
  | 'implementationDeadlineReached'
  | 'amendmentInForce'
  | 'amendmentInForceReached';

export interface GuardCheck {
  name: CheckName;
  /** The payload field a failure is about, when there is one (for `errors[].field`). */
  field?: string;
  /** False when the check reads only context and facts, so it can be evaluated without a payload. */
  usesPayload: boolean;
  /** null when the check passes, else why it failed. */
  failure(args: GuardArgs): string | null;
}

export interface GuardFailure {
  guard: CheckName;
  message: string;
  field?: string;
}

class MissingFact extends Error {}

/** Reads one fact; a fact the service did not provide fails the check instead of passing it. */
function fact<K extends keyof WorkflowFacts>(event: RegulationEvent, key: K): WorkflowFacts[K] {
  const value = (event.facts as Partial<WorkflowFacts> | undefined)?.[key];
  if (value === undefined) throw new MissingFact(`fact ${key} was not provided`);
  return value as WorkflowFacts[K];
}

function deadlineFarEnough(
  field: 'expertDeadline' | 'associationDeadline',
): (args: GuardArgs) => string | null {
  return ({ event }) => {
    if (event.type !== 'OPEN_CONSULTATION') return null;
    const days = fact(event, 'minConsultationDays');
    const earliest = addMillis(fact(event, 'now'), days * DAY_MS);
    return toMillis(event[field]) >= toMillis(earliest)
      ? null
      : `deadline ${field} must be at least ${days} days after now (not before ${earliest})`;
  };
}

function deadlineReached(round: 'expert' | 'association'): (args: GuardArgs) => string | null {
  return ({ context, event }) => {
    const deadline =
      round === 'expert'
        ? context.consultation?.expertDeadline
        : context.consultation?.associationDeadline;
    if (!deadline) return `no ${round} round deadline is set`;
    return toMillis(fact(event, 'now')) >= toMillis(deadline)
      ? null
      : `the ${round} round closes by itself only at its deadline ${deadline}`;
  };
}

const CHECKS: Record<CheckName, GuardCheck> = {
  allReviewCriteriaMet: {
    name: 'allReviewCriteriaMet',
    usesPayload: true,
    failure: ({ event }) =>
      event.type === 'COMPLETE_REVIEW' && event.necessary && event.legal && event.reasonable
        ? null
        : 'the review did not find the regulation necessary, legal and reasonable',
  },
  decisionApproved: {
    name: 'decisionApproved',
    field: 'outcome',
    usesPayload: true,
    failure: ({ event }) =>
      event.type === 'RECORD_DECISION' && event.outcome === 'approved'
        ? null
        : 'the decision did not approve the plan',
  },
  baselineComplete: {
    name: 'baselineComplete',
    usesPayload: false,
    failure: ({ event }) =>
      fact(event, 'baselineComplete') ? null : 'a complete baseline estimate is required',
  },
  planHasAction: {
    name: 'planHasAction',
    usesPayload: false,
    failure: ({ event }) =>
      fact(event, 'plan')?.action
        ? null
        : 'a simplification plan with an action (abolish, simplify or amend) is required',
  },
  proposedEstimateUnlessAbolish: {
    name: 'proposedEstimateUnlessAbolish',
    usesPayload: false,
    failure: ({ event }) => {
      // Abolishing brings the cost to zero, so only simplify/amend need a proposed estimate.
      if (fact(event, 'plan')?.action === 'abolish') return null;
      return fact(event, 'proposedEstimateExists')
        ? null
        : 'a proposed cost estimate is required unless the plan abolishes the regulation';
    },
  },
  atLeastOneExpert: {
    name: 'atLeastOneExpert',
    field: 'expertIds',
    usesPayload: true,
    failure: ({ event }) =>
      event.type === 'OPEN_CONSULTATION' && event.expertIds.length > 0
        ? null
        : 'at least one expert must be invited',
  },
  expertDeadlineFarEnough: {
    name: 'expertDeadlineFarEnough',
    field: 'expertDeadline',
    usesPayload: true,
    failure: deadlineFarEnough('expertDeadline'),
  },
  associationDeadlineFarEnough: {
    name: 'associationDeadlineFarEnough',
    field: 'associationDeadline',
    usesPayload: true,
    failure: deadlineFarEnough('associationDeadline'),
  },
  allExpertsGaveFeedback: {
    name: 'allExpertsGaveFeedback',
    usesPayload: false,
    failure: ({ event }) => {
      const missing = fact(event, 'invitedExpertsWithoutFeedback');
      return missing === 0
        ? null
        : `the expert round can close early only when every invited expert has given feedback (${missing} ha${missing === 1 ? 's' : 've'} not)`;
    },
  },
  timerForCurrentCycle: {
    name: 'timerForCurrentCycle',
    field: 'cycle',
    usesPayload: true,
    failure: ({ context, event }) => {
      // A timer of an earlier consultation cycle must not close the rounds of a later one.
      const cycle = 'cycle' in event ? event.cycle : undefined;
      return cycle === undefined || cycle === context.cycle
        ? null
        : `this timer belongs to consultation cycle ${cycle}; the current cycle is ${context.cycle}`;
    },
  },
  expertDeadlineReached: {
    name: 'expertDeadlineReached',
    usesPayload: false,
    failure: deadlineReached('expert'),
  },
  associationDeadlineReached: {
    name: 'associationDeadlineReached',
    usesPayload: false,
    failure: deadlineReached('association'),
  },
  allFeedbackAnswered: {
    name: 'allFeedbackAnswered',
    usesPayload: false,
    failure: ({ event }) => {
      const n = fact(event, 'unansweredFeedbackCount');
      return n === 0
        ? null
        : `every feedback item of this cycle must be answered before submitting (${n} unanswered)`;
    },
  },
  implementationDeadlineReached: {
    name: 'implementationDeadlineReached',
    usesPayload: false,
    failure: ({ context, event }) => {
      const deadline = context.decision?.implementationDeadline;
      if (!deadline) return 'no implementation deadline is set';
      return toMillis(fact(event, 'now')) >= toMillis(deadline)
        ? null
        : `the implementation deadline ${deadline} has not passed yet`;
    },
  },
  // The amendment counts from its effective date (00:00 that day in Vietnam).
  amendmentInForce: {
    name: 'amendmentInForce',
    field: 'effectiveDate',
    usesPayload: true,
    failure: ({ event }) => {
      if (event.type !== 'RECORD_IMPLEMENTATION') return 'not an implementation';
      return toMillis(fact(event, 'now')) >= toMillis(effectiveStart(event.effectiveDate))
        ? null
        : `the amendment takes effect on ${event.effectiveDate}`;
    },
  },
  amendmentInForceReached: {
    name: 'amendmentInForceReached',
    usesPayload: false,
    failure: ({ context, event }) => {
      const date = context.implementation?.effectiveDate;
      if (!date) return 'no amendment is recorded';
      return toMillis(fact(event, 'now')) >= toMillis(effectiveStart(date))
        ? null
        : `the amendment takes effect on ${date}`;
    },
  },
};

/** The first instant of an effective date (YYYY-MM-DD), in Vietnam. */
export function effectiveStart(date: string): string {
  return vietnamStartOfDay(date);
}

/** The guards the machine refers to by name, each the conjunction of its checks. */
export const MACHINE_GUARDS = {
  allReviewCriteriaMet: ['allReviewCriteriaMet'],
  decisionApproved: ['decisionApproved'],
  baselineComplete: ['baselineComplete'],
  canOpenConsultation: [
    'planHasAction',
    'proposedEstimateUnlessAbolish',
    'atLeastOneExpert',
    'expertDeadlineFarEnough',
    'associationDeadlineFarEnough',
  ],
  allExpertsGaveFeedback: ['allExpertsGaveFeedback'],
  expertRoundDeadlineReached: ['timerForCurrentCycle', 'expertDeadlineReached'],
  associationRoundDeadlineReached: ['timerForCurrentCycle', 'associationDeadlineReached'],
  allFeedbackAnswered: ['allFeedbackAnswered'],
  implementationDeadlineReached: ['implementationDeadlineReached'],
  amendmentInForce: ['amendmentInForce'],
  amendmentInForceReached: ['amendmentInForceReached'],
} as const satisfies Record<string, readonly CheckName[]>;

export type MachineGuardName = keyof typeof MACHINE_GUARDS;

export function isMachineGuardName(name: unknown): name is MachineGuardName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(MACHINE_GUARDS, name);
}

export function checksOf(guard: MachineGuardName): GuardCheck[] {
  return MACHINE_GUARDS[guard].map((name) => CHECKS[name]);
}

/**
 * Every failing check of a machine guard, in declaration order. With `factsOnly`, checks that
 * read the payload are skipped (used to tell which events are ready before a payload exists).
 */
export function failedChecks(
  guard: MachineGuardName,
  args: GuardArgs,
  opts: { factsOnly?: boolean } = {},
): GuardFailure[] {
  const failures: GuardFailure[] = [];
  for (const check of checksOf(guard)) {
    if (opts.factsOnly && check.usesPayload) continue;
    let message: string | null;
    try {
      message = check.failure(args);
    } catch (e) {
      if (!(e instanceof MissingFact)) throw e;
      message = e.message;
    }
    if (message !== null) {
      failures.push({
        guard: check.name,
        message,
        ...(check.field !== undefined && { field: check.field }),
      });
    }
  }
  return failures;
}

/** The xstate implementation of each machine guard. */
export const guardImplementations = Object.fromEntries(
  (Object.keys(MACHINE_GUARDS) as MachineGuardName[]).map((name) => [
    name,
    (args: GuardArgs) => failedChecks(name, args).length === 0,
  ]),
) as Record<MachineGuardName, (args: GuardArgs) => boolean>;
