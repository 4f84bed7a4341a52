/**
 * The workflow of one business regulation (quy định kinh doanh), domain.md §5, as an XState v5
 * statechart. Pure: no clock, no database. Guards read the facts attached to each event; timers
 * are delayed `raise` actions that the durable timer service persists and delivers later.
 *
 * Bump REGULATION_MACHINE_VERSION whenever a change would make stored snapshots mean something
 * else (states, context shape), and keep the previous definition in `machinesByVersion`.
 */
import { assertEvent, assign, cancel, raise, setup } from 'xstate';
import type { RegulationEvent, PlanAction, FactsInput } from './regulation.events';
import { effectiveStart, guardImplementations } from './regulation.guards';
import { toMillis } from './time';
import { REGULATION_STATE_NAMES } from '../../register/domain/regulation-states';

export const REGULATION_MACHINE_ID = 'regulation';
export const REGULATION_MACHINE_VERSION = 1;

/** The register's list of state names (it stores them): the top-level states of this chart. */
export const TOP_LEVEL_STATES = REGULATION_STATE_NAMES;
export type RegulationStateName = (typeof TOP_LEVEL_STATES)[number];

export const FINAL_STATES = [
  'retained',
  'withdrawn',
  'rejected',
  'implemented',
] as const satisfies readonly RegulationStateName[];

/** States from which the owning agency's lead may WITHDRAW (draft … responding). */
export const WITHDRAWABLE_STATES = [
  'draft',
  'review',
  'costing',
  'drafting_plan',
  'consultation',
  'responding',
] as const satisfies readonly RegulationStateName[];
type WithdrawableState = (typeof WITHDRAWABLE_STATES)[number];

export interface ReviewResult {
  necessary: boolean; // sự cần thiết
  legal: boolean; // tính hợp pháp
  reasonable: boolean; // tính hợp lý
  notes: string | null;
  completedAt: string;
}

/** One consultation cycle (tham vấn); replaced when the plan is consulted again. */
export interface ConsultationCycle {
  cycle: number;
  openedAt: string;
  expertDeadline: string;
  associationDeadline: string;
  expertIds: string[];
  planAction: PlanAction | null;
  expertRoundClosedAt: string | null;
  expertRoundClosedBy: 'early' | 'deadline' | null;
  associationRoundClosedAt: string | null;
}

export interface DecisionRecord {
  outcome: 'approved' | 'rejected';
  decisionNumber: string;
  decisionDate: string;
  implementationDeadline: string | null;
  recordedAt: string;
}

export interface RegulationContext {
  createdAt: string;
  review: ReviewResult | null;
  baselineConfirmedAt: string | null;
  /** Consultation cycle number, incremented each time a consultation opens (0 before the first). */
  cycle: number;
  consultation: ConsultationCycle | null;
  submittedAt: string | null;
  /** The Government Office's last return (trả lại), kept until the next one. */
  lastReturn: { reasons: string[]; at: string } | null;
  decision: DecisionRecord | null;
  overdueSince: string | null;
  /**
   * The amendment recorded by RECORD_IMPLEMENTATION. Still in `implementing` while its effective
   * date has not come (the amendment-in-force timer then moves it to `implemented`).
   */
  implementation: {
    amendingDocumentNumber: string;
    effectiveDate: string;
    recordedAt: string;
  } | null;
  withdrawal: { reason: string; fromState: WithdrawableState; at: string } | null;
}

export interface RegulationInput {
  now: string;
}

/**
 * The durable timers. Each is a delayed raise of an explicit system event, rather than an
 * `after` transition, so that the persisted event is a readable, role-checked event that carries
 * the consultation cycle, and a stale delivery is refused by the state or its guard.
 */
export const WORKFLOW_TIMERS = {
  expertRound: {
    id: 'expert-round-deadline',
    event: 'EXPERT_ROUND_DEADLINE',
    delay: 'expertRoundDeadline',
  },
  associationRound: {
    id: 'association-round-deadline',
    event: 'ASSOCIATION_ROUND_DEADLINE',
    delay: 'associationRoundDeadline',
  },
  implementation: {
    id: 'implementation-deadline',
    event: 'IMPLEMENTATION_DEADLINE_PASSED',
    delay: 'implementationDeadline',
  },
  /** An amendment recorded before its effective date counts from that date. */
  amendmentInForce: {
    id: 'amendment-in-force',
    event: 'AMENDMENT_IN_FORCE',
    delay: 'amendmentInForce',
  },
} as const;

function nowOf(event: { facts?: FactsInput }): string {
  const now = event.facts?.now;
  if (!now) throw new Error(`workflow event has no facts.now; use applyEvent()`);
  return now;
}

/** Delay from `from` until `until`; never negative (a past deadline fires at once). */
function msUntil(from: string | undefined | null, until: string | undefined | null): number {
  if (!from || !until) return 0;
  return Math.max(0, toMillis(until) - toMillis(from));
}

function withdraw(fromState: WithdrawableState) {
  return {
    target: '#regulation.withdrawn',
    actions: { type: 'recordWithdrawal', params: { fromState } },
  } as const;
}

export const regulationMachine = setup({
  types: {
    context: {} as RegulationContext,
    events: {} as RegulationEvent,
    input: {} as RegulationInput,
  },
  guards: guardImplementations,
  delays: {
    // "now" is the instant the state was entered (from the facts), never Date.now().
    expertRoundDeadline: ({ context }) =>
      msUntil(context.consultation?.openedAt, context.consultation?.expertDeadline),
    associationRoundDeadline: ({ context }) =>
      msUntil(context.consultation?.openedAt, context.consultation?.associationDeadline),
    implementationDeadline: ({ context }) =>
      msUntil(context.decision?.recordedAt, context.decision?.implementationDeadline),
    amendmentInForce: ({ context }) =>
      msUntil(
        context.implementation?.recordedAt,
        context.implementation && effectiveStart(context.implementation.effectiveDate),
      ),
  },
  actions: {
    recordReview: assign(({ event }) => {
      assertEvent(event, 'COMPLETE_REVIEW');
      return {
        review: {
          necessary: event.necessary,
          legal: event.legal,
          reasonable: event.reasonable,
          notes: event.notes ?? null,
          completedAt: nowOf(event),
        },
      };
    }),
    recordBaselineConfirmed: assign(({ event }) => ({ baselineConfirmedAt: nowOf(event) })),
    openConsultation: assign(({ context, event }) => {
      assertEvent(event, 'OPEN_CONSULTATION');
      const cycle = context.cycle + 1;
      return {
        cycle,
        consultation: {
          cycle,
          openedAt: nowOf(event),
          expertDeadline: event.expertDeadline,
          associationDeadline: event.associationDeadline,
          expertIds: [...event.expertIds],
          planAction: event.facts?.plan?.action ?? null,
          expertRoundClosedAt: null,
          expertRoundClosedBy: null,
          associationRoundClosedAt: null,
        },
      };
    }),
    recordExpertRoundClosed: assign(({ context, event }, params: { by: 'early' | 'deadline' }) => ({
      consultation: context.consultation && {
        ...context.consultation,
        expertRoundClosedAt: nowOf(event),
        expertRoundClosedBy: params.by,
      },
    })),
    recordAssociationRoundClosed: assign(({ context, event }) => ({
      consultation: context.consultation && {
        ...context.consultation,
        associationRoundClosedAt: nowOf(event),
      },
    })),
    recordSubmission: assign(({ event }) => ({ submittedAt: nowOf(event) })),
    recordReturn: assign(({ event }) => {
      assertEvent(event, 'RETURN_FOR_REVISION');
      return { lastReturn: { reasons: [...event.reasons], at: nowOf(event) } };
    }),
    recordDecision: assign(({ event }) => {
      assertEvent(event, 'RECORD_DECISION');
      return {
        decision: {
          outcome: event.outcome,
          decisionNumber: event.decisionNumber,
          decisionDate: event.decisionDate,
          implementationDeadline: event.implementationDeadline ?? null,
          recordedAt: nowOf(event),
        },
      };
    }),
    recordOverdue: assign(({ event }) => ({ overdueSince: nowOf(event) })),
    recordImplementation: assign(({ event }) => {
      assertEvent(event, 'RECORD_IMPLEMENTATION');
      return {
        implementation: {
          amendingDocumentNumber: event.amendingDocumentNumber,
          effectiveDate: event.effectiveDate,
          recordedAt: nowOf(event),
        },
      };
    }),
    recordWithdrawal: assign(({ event }, params: { fromState: WithdrawableState }) => {
      assertEvent(event, 'WITHDRAW');
      return {
        withdrawal: { reason: event.reason, fromState: params.fromState, at: nowOf(event) },
      };
    }),
  },
}).createMachine({
  id: REGULATION_MACHINE_ID,
  initial: 'draft',
  // xstate's pure transition() builds a throwaway actor that computes an initial state without
  // input on every call: answering it without throwing saves an exception per event.
  context: ({ input }) => ({
    createdAt: input?.now ?? '',
    review: null,
    baselineConfirmedAt: null,
    cycle: 0,
    consultation: null,
    submittedAt: null,
    lastReturn: null,
    decision: null,
    overdueSince: null,
    implementation: null,
    withdrawal: null,
  }),
  states: {
    draft: {
      description: 'Filed and editable (dự thảo)',
      on: {
        SUBMIT_FOR_REVIEW: { target: 'review' },
        WITHDRAW: withdraw('draft'),
      },
    },
    review: {
      description: 'Review of necessity, legality and reasonableness (rà soát)',
      on: {
        COMPLETE_REVIEW: [
          { guard: 'allReviewCriteriaMet', target: 'retained', actions: 'recordReview' },
          { target: 'costing', actions: 'recordReview' },
        ],
        WITHDRAW: withdraw('review'),
      },
    },
    costing: {
      description: 'Baseline compliance cost to confirm (chi phí tuân thủ)',
      on: {
        CONFIRM_BASELINE: {
          guard: 'baselineComplete',
          target: 'drafting_plan',
          actions: 'recordBaselineConfirmed',
        },
        WITHDRAW: withdraw('costing'),
      },
    },
    drafting_plan: {
      description: 'Drafting the simplification plan (phương án cắt giảm, đơn giản hóa)',
      on: {
        OPEN_CONSULTATION: {
          guard: 'canOpenConsultation',
          target: 'consultation',
          actions: 'openConsultation',
        },
        WITHDRAW: withdraw('drafting_plan'),
      },
    },
    consultation: {
      description: 'Expert and association rounds (tham vấn, lấy ý kiến)',
      type: 'parallel',
      states: {
        experts: {
          initial: 'open',
          states: {
            open: {
              entry: raise(
                ({ context }) => ({ type: 'EXPERT_ROUND_DEADLINE', cycle: context.cycle }),
                {
                  id: WORKFLOW_TIMERS.expertRound.id,
                  delay: WORKFLOW_TIMERS.expertRound.delay,
                },
              ),
              exit: cancel(WORKFLOW_TIMERS.expertRound.id),
              on: {
                CLOSE_EXPERT_ROUND: {
                  guard: 'allExpertsGaveFeedback',
                  target: 'closed',
                  actions: { type: 'recordExpertRoundClosed', params: { by: 'early' } },
                },
                EXPERT_ROUND_DEADLINE: {
                  guard: 'expertRoundDeadlineReached',
                  target: 'closed',
                  actions: { type: 'recordExpertRoundClosed', params: { by: 'deadline' } },
                },
              },
            },
            closed: { type: 'final' },
          },
        },
        associations: {
          initial: 'open',
          states: {
            // No early close: the association round ends only at its deadline.
            open: {
              entry: raise(
                ({ context }) => ({ type: 'ASSOCIATION_ROUND_DEADLINE', cycle: context.cycle }),
                {
                  id: WORKFLOW_TIMERS.associationRound.id,
                  delay: WORKFLOW_TIMERS.associationRound.delay,
                },
              ),
              exit: cancel(WORKFLOW_TIMERS.associationRound.id),
              on: {
                ASSOCIATION_ROUND_DEADLINE: {
                  guard: 'associationRoundDeadlineReached',
                  target: 'closed',
                  actions: 'recordAssociationRoundClosed',
                },
              },
            },
            closed: { type: 'final' },
          },
        },
      },
      // Both regions final ⇒ the ministry answers the feedback.
      onDone: { target: 'responding' },
      on: {
        WITHDRAW: withdraw('consultation'),
      },
    },
    responding: {
      description: 'Answering every piece of feedback (tiếp thu, giải trình)',
      on: {
        SUBMIT_TO_GOVERNMENT_OFFICE: {
          guard: 'allFeedbackAnswered',
          target: 'government_office_review',
          actions: 'recordSubmission',
        },
        REVISE_PLAN: { target: 'drafting_plan' },
        WITHDRAW: withdraw('responding'),
      },
    },
    government_office_review: {
      description: 'Control by the Government Office (Văn phòng Chính phủ)',
      on: {
        RETURN_FOR_REVISION: { target: 'drafting_plan', actions: 'recordReturn' },
        FORWARD_FOR_DECISION: { target: 'awaiting_decision' },
      },
    },
    awaiting_decision: {
      description: "Before the Prime Minister's decision (Quyết định của Thủ tướng)",
      on: {
        RECORD_DECISION: [
          { guard: 'decisionApproved', target: 'implementing', actions: 'recordDecision' },
          { target: 'rejected', actions: 'recordDecision' },
        ],
      },
    },
    implementing: {
      description: 'Amending the legal documents (thực thi phương án)',
      initial: 'on_track',
      states: {
        on_track: {
          entry: raise(
            { type: 'IMPLEMENTATION_DEADLINE_PASSED' },
            {
              id: WORKFLOW_TIMERS.implementation.id,
              delay: WORKFLOW_TIMERS.implementation.delay,
            },
          ),
          exit: cancel(WORKFLOW_TIMERS.implementation.id),
          on: {
            IMPLEMENTATION_DEADLINE_PASSED: {
              guard: 'implementationDeadlineReached',
              target: 'overdue',
              actions: 'recordOverdue',
            },
          },
        },
        overdue: { description: 'Past the implementation deadline (quá hạn)' },
      },
      // A pending amendment's timer goes when the implementation ends (or is recorded again).
      exit: cancel(WORKFLOW_TIMERS.amendmentInForce.id),
      on: {
        RECORD_IMPLEMENTATION: [
          { guard: 'amendmentInForce', target: 'implemented', actions: 'recordImplementation' },
          {
            // Not in force yet: record it, and count it implemented from its effective date.
            actions: [
              'recordImplementation',
              raise(
                { type: 'AMENDMENT_IN_FORCE' },
                {
                  id: WORKFLOW_TIMERS.amendmentInForce.id,
                  delay: WORKFLOW_TIMERS.amendmentInForce.delay,
                },
              ),
            ],
          },
        ],
        AMENDMENT_IN_FORCE: { guard: 'amendmentInForceReached', target: 'implemented' },
      },
    },
    retained: { type: 'final', description: 'Kept unchanged after review (giữ nguyên)' },
    withdrawn: { type: 'final', description: 'Withdrawn by the ministry (rút)' },
    rejected: { type: 'final', description: 'Plan rejected by decision (không phê duyệt)' },
    implemented: { type: 'final', description: 'Amending document in force (đã thực thi)' },
  },
});

export type RegulationMachine = typeof regulationMachine;

/** Every definition that stored snapshots may refer to, by version. */
export const machinesByVersion: Readonly<Record<number, RegulationMachine>> = Object.freeze({
  1: regulationMachine,
});
