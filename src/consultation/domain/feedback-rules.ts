/**
 * Who may comment in which round, when a round takes feedback, and what an answer must carry
 * (domain.md §6). Pure: the services load the facts and turn refusals into problems.
 */
import type { StateValue } from 'xstate';
import { Decision } from '../../access/access-policy';
import { FieldError } from '../../common/problem';
import { Principal } from '../../identity/domain/principal';
import { ROUND_KINDS, roundOpenIn, type RoundKind } from './rounds';
import type { FeedbackTarget, Parsed } from './feedback-input';
import { plainText } from './text';

export { ROUND_KINDS };
export type { RoundKind };

export const DISPOSITIONS = ['accepted', 'partially_accepted', 'rejected'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const MAX_EXPLANATION_LENGTH = 10_000;

/** Where an item comes from, as shown in lists and the report. */
export const FEEDBACK_ORIGINS = ['association', 'expert', 'public'] as const;
export type FeedbackOrigin = (typeof FEEDBACK_ORIGINS)[number];
export const originOf = (authorRole: string, round: RoundKind): FeedbackOrigin =>
  authorRole === 'public' ? 'public' : round;

export const MAX_HIDE_REASON_LENGTH = 2_000;

/** Who may hide a public comment: the Government Office, and the owning agency's officers. */
export function mayHideFeedback(
  p: Principal,
  owner: { agencyId: string },
  item: { authorRole: string },
): Decision {
  if (p.kind !== 'user' || !p.userId) return forbidden('moderation is done by people, not keys');
  const staff =
    p.role === 'gov_office' ||
    ((p.role === 'ministry_officer' || p.role === 'ministry_lead') &&
      p.agencyId === owner.agencyId);
  if (!staff) {
    return forbidden('only the Government Office and the owning agency moderate comments');
  }
  if (item.authorRole !== 'public') {
    return forbidden('only public comments are moderated; association and expert items stay');
  }
  return allow;
}

const allow: Decision = { allowed: true };
const forbidden = (reason: string): Decision => ({ allowed: false, status: 403, reason });

/**
 * An association user (any association) and a public commenter comment in association rounds;
 * an expert only in the expert round they were invited to. Everyone else may read a round but not comment in it.
 */
export function mayGiveFeedback(
  p: Principal,
  round: { round: RoundKind; invitedExpertIds: readonly string[] },
): Decision {
  if (p.kind !== 'user' || !p.userId) {
    return forbidden('feedback is given by people, not by integration keys');
  }
  if (round.round === 'association') {
    // Góp ý công khai: verified public commenters join the association round, never the experts'.
    return p.role === 'association' || p.role === 'public'
      ? allow
      : forbidden(
          'only business associations and public commenters give feedback in an association round',
        );
  }
  if (p.role !== 'expert') {
    return forbidden('only the invited experts give feedback in an expert round');
  }
  const invited = round.invitedExpertIds.some((id) => id.toLowerCase() === p.userId!.toLowerCase());
  return invited ? allow : forbidden('you were not invited to this expert round');
}

export interface RoundFacts {
  round: RoundKind;
  cycle: number;
  status: 'open' | 'closed';
  closesAt: string;
}

export interface RegulationWorkflowFacts {
  state: StateValue;
  /** The current consultation cycle (from the workflow snapshot's context). */
  cycle: number;
}

/**
 * Why a round takes no feedback now, or null when it does. Both the round row and the regulation's
 * state must say open (they change together in a transition), the round must be of the current
 * cycle, and its deadline must not have passed even if the timer closing it has not fired yet.
 */
export function roundClosedReason(
  round: RoundFacts,
  regulation: RegulationWorkflowFacts,
  now: Date,
): string | null {
  if (round.status !== 'open') return `the ${round.round} round is closed`;
  if (round.cycle !== regulation.cycle) {
    return `the ${round.round} round belongs to consultation cycle ${round.cycle}; the current cycle is ${regulation.cycle}`;
  }
  if (!roundOpenIn(regulation.state, round.round)) return `the ${round.round} round is closed`;
  if (now.getTime() >= Date.parse(round.closesAt)) {
    return `the ${round.round} round closed at its deadline ${round.closesAt}`;
  }
  return null;
}

export interface AnswerInput {
  disposition: Disposition;
  explanation: string;
  /** The re-estimated value of the disputed field, as sent (the costing domain parses it). */
  reEstimate: { value: number | string } | null;
}

/**
 * Tiếp thu, giải trình. An explanation is always required. Accepting an item that disputes a cost
 * field requires the re-estimated value; a partial acceptance may carry one (the figure moves part
 * of the way) or not (the argument is taken in, the figure stays); a rejection carries none, nor
 * does an answer to an item that disputes no cost field.
 */
export function parseAnswer(
  body: { disposition?: unknown; explanation?: unknown; reEstimate?: unknown },
  target: FeedbackTarget | null,
): Parsed<AnswerInput> {
  const errors: FieldError[] = [];
  const disposition = body.disposition;
  if (!(DISPOSITIONS as readonly unknown[]).includes(disposition)) {
    errors.push({ field: 'disposition', message: `must be one of ${DISPOSITIONS.join(', ')}` });
  }
  const explanation = plainText(
    body.explanation,
    'explanation',
    { max: MAX_EXPLANATION_LENGTH, required: true },
    errors,
  );
  const raw = body.reEstimate;
  let reEstimate: AnswerInput['reEstimate'] = null;
  if (raw !== undefined && raw !== null) {
    const value = (raw as { value?: unknown }).value;
    if (typeof raw !== 'object' || Array.isArray(raw)) {
      errors.push({ field: 'reEstimate', message: 'must be an object {value}' });
    } else if (target?.kind !== 'cost_field') {
      errors.push({
        field: 'reEstimate',
        message: 'only an item that disputes a cost field carries a re-estimated value',
      });
    } else if (disposition === 'rejected') {
      errors.push({
        field: 'reEstimate',
        message: 'a rejected item does not change the estimate; leave reEstimate out',
      });
    } else if (value === undefined || value === null) {
      errors.push({ field: 'reEstimate.value', message: 'is required' });
    } else if (typeof value !== 'number' && typeof value !== 'string') {
      errors.push({ field: 'reEstimate.value', message: 'must be a number or a decimal string' });
    } else {
      reEstimate = { value };
    }
  } else if (disposition === 'accepted' && target?.kind === 'cost_field') {
    errors.push({
      field: 'reEstimate.value',
      message: `is required when accepting an item that disputes ${target.estimate} ${target.field}: the re-estimated value becomes a new version of the estimate`,
    });
  }
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: { disposition: disposition as Disposition, explanation: explanation!, reEstimate },
  };
}
