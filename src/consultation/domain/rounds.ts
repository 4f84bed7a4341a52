/**
 * The two rounds of a consultation cycle (vòng tham vấn) and how they follow the workflow's
 * parallel `consultation` state: opened together by OPEN_CONSULTATION, each closed as its region
 * closes. Pure: the rounds service and its transition hook do the writing.
 */
import type { StateValue } from 'xstate';

export type RoundKind = 'expert' | 'association';
export type RoundStatus = 'open' | 'closed';
export type CloseReason = 'early' | 'deadline' | 'withdrawn';

export const ROUND_KINDS: readonly RoundKind[] = ['expert', 'association'];

export interface ConsultationRoundView {
  id: string;
  regulationId: string;
  cycle: number;
  round: RoundKind;
  opensAt: string;
  closesAt: string;
  status: RoundStatus;
  invitedExpertIds: string[];
  closedAt: string | null;
  closeReason: CloseReason | null;
}

/** The statechart region of each round inside the parallel `consultation` state. */
const REGION: Record<RoundKind, 'experts' | 'associations'> = {
  expert: 'experts',
  association: 'associations',
};

/** Whether a round's region is open in a state value ({consultation: {experts: 'open', …}}). */
export function roundOpenIn(value: StateValue, round: RoundKind): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const c = (value as Record<string, unknown>).consultation;
  return (
    typeof c === 'object' && c !== null && (c as Record<string, unknown>)[REGION[round]] === 'open'
  );
}

/** The rounds a transition closed: open before it, not after. */
export function roundsClosedBetween(before: StateValue, after: StateValue): RoundKind[] {
  return ROUND_KINDS.filter((r) => roundOpenIn(before, r) && !roundOpenIn(after, r));
}

/** Why an event closed rounds: closed early by the lead, withdrawn, or its deadline passed. */
export function closeReasonFor(eventType: string): CloseReason {
  if (eventType === 'CLOSE_EXPERT_ROUND') return 'early';
  if (eventType === 'WITHDRAW') return 'withdrawn';
  return 'deadline';
}
