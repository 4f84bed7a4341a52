import { parseNumberInput } from '../../format';
import { t } from '../../i18n';
import type { Estimate, Round } from './types';

/** One cost line an item can be pinned to: `target: {kind: cost_field, estimate, field}`. */
export interface CostLine {
  value: string;
  label: string;
}

/** The estimate's actual lines: each activity's hours by its name, then the money and quantities. */
export function costLines(estimate: Estimate | null | undefined): CostLine[] {
  if (!estimate) return [];
  const s = t().association.fields;
  const kind = estimate.kind;
  const prefix = t().association.estimates[kind];
  const line = (field: string, name: string): CostLine => ({
    value: `${kind}|${field}`,
    label: `${prefix} – ${name}`,
  });
  const out = estimate.activities.map((a, i) => line(`activities[${i}].hours`, s.hours(a.name)));
  out.push(
    line('hiredServices', s.hiredServices),
    line('feesAndCharges', s.feesAndCharges),
    line('otherCosts', s.otherCosts),
    line('frequencyPerYear', s.frequencyPerYear),
    line('subjectsPerYear', s.subjectsPerYear),
  );
  return out;
}

export interface FeedbackValues {
  content: string;
  /** "regulation", "plan" or "<estimate>|<field>" (a cost line). */
  target: string;
  evidence: {
    subjects: string;
    frequencyPerYear: string;
    hours: string;
    amount: string;
    note: string;
  };
}

export const emptyFeedback = (): FeedbackValues => ({
  content: '',
  target: 'regulation',
  evidence: { subjects: '', frequencyPerYear: '', hours: '', amount: '', note: '' },
});

/**
 * The POST /consultations/:id/feedback body. Numbers typed the Vietnamese way are converted; one
 * that is not a number is sent as typed so the API names the field (the text stays in the form).
 */
export function feedbackBody(v: FeedbackValues): Record<string, unknown> {
  const body: Record<string, unknown> = { content: v.content.trim() };
  if (v.target === 'regulation' || v.target === 'plan') body.target = { kind: v.target };
  else if (v.target) {
    const [estimate, field] = v.target.split('|');
    body.target = { kind: 'cost_field', estimate, field };
  }
  const evidence: Record<string, string> = {};
  const num = (
    key: 'subjects' | 'frequencyPerYear' | 'hours' | 'amount',
    kind: 'money' | 'quantity',
  ) => {
    const text = v.evidence[key].trim();
    if (text) evidence[key] = parseNumberInput(text, kind) ?? text;
  };
  num('subjects', 'money'); // a whole count: "2.112" is two thousand one hundred and twelve
  num('frequencyPerYear', 'quantity');
  num('hours', 'quantity');
  num('amount', 'money');
  if (v.evidence.note.trim()) evidence.note = v.evidence.note.trim();
  if (Object.keys(evidence).length) body.evidence = evidence;
  return body;
}

/** The rounds a user may answer: associations the association rounds, experts those they are invited to. */
export function answerableRounds(rounds: Round[], role: string, userId: string): Round[] {
  return rounds.filter((r) =>
    role === 'expert'
      ? r.round === 'expert' && r.invitedExpertIds.includes(userId)
      : r.round === 'association',
  );
}

/** The label of a cost field an item names ("activities[1].hours" → that activity's name). */
export function fieldLabel(field: string, estimate?: Estimate | null): string {
  const s = t().association.fields;
  const m = /^activities\[(\d+)\]\.hours$/.exec(field);
  if (m) return s.hours(estimate?.activities[Number(m[1])]?.name ?? `#${Number(m[1]) + 1}`);
  return (s as unknown as Record<string, string>)[field] ?? field;
}
