/**
 * A feedback item as a client sends it (api.md `POST /consultations/:id/feedback`), checked and
 * normalised without the database: the text, what it disputes, and its evidence as exact decimals.
 */
import { FieldError } from '../../common/problem';
import {
  CostLimits,
  limitValue,
  MONEY_DECIMAL_PLACES,
  NumericRule,
  parseNumeric,
  QUANTITY_DECIMAL_PLACES,
  Rational,
} from '../../costing/domain';
import { isCostField } from '../../costing/shared/cost-fields';
import { StoredInputs } from '../../costing/shared/rows';
import { plainText } from './text';

export const MAX_CONTENT_LENGTH = 10_000;
export const MAX_NOTE_LENGTH = 2_000;

export const TARGET_KINDS = ['regulation', 'plan', 'cost_field'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];
export const TARGET_ESTIMATES = ['baseline', 'proposed'] as const;
export type TargetEstimate = (typeof TARGET_ESTIMATES)[number];

export type FeedbackTarget =
  | { kind: 'regulation' }
  | { kind: 'plan' }
  | { kind: 'cost_field'; estimate: TargetEstimate; field: string };

/** Bằng chứng: what the commenter measured, as exact decimal strings. */
export interface FeedbackEvidence {
  /** Businesses/citizens affected (whole number), e.g. 3200 members. */
  subjects: string | null;
  /** How often one subject complies per year. */
  frequencyPerYear: string | null;
  /** Hours per compliance. */
  hours: string | null;
  /** VND per compliance (money spent on fees, services, travel …). */
  amount: string | null;
  note: string | null;
}

export interface FeedbackInput {
  content: string;
  target: FeedbackTarget | null;
  evidence: FeedbackEvidence | null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const FIELD_HELP =
  'must name a field of the estimate: hiredServices, feesAndCharges, otherCosts, frequencyPerYear, subjectsPerYear (or their Low/High), or activities[i].hours';

const ACTIVITY_FIELD = /^activities\[(\d+)\]\.(hours|hoursLow|hoursHigh)$/;

/**
 * `activities[01].hours` → `activities[1].hours`; null when it names no field an item may dispute
 * (the costing module's list: money per compliance, frequency, subjects, an activity's hours).
 */
export function canonicalCostField(field: string): string | null {
  const f = field
    .trim()
    .replace(/^activities\[(\d{1,3})\]/, (_, i: string) => `activities[${Number(i)}]`);
  return isCostField(f) ? f : null;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function parseTarget(raw: unknown, errors: FieldError[]): FeedbackTarget | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    errors.push({ field: 'target', message: 'must be an object {kind, estimate?, field?}' });
    return null;
  }
  const kind = raw.kind;
  if (!(TARGET_KINDS as readonly unknown[]).includes(kind)) {
    errors.push({ field: 'target.kind', message: `must be one of ${TARGET_KINDS.join(', ')}` });
    return null;
  }
  if (kind !== 'cost_field') {
    for (const f of ['estimate', 'field'] as const) {
      if (raw[f] !== undefined && raw[f] !== null) {
        errors.push({
          field: `target.${f}`,
          message: 'only a target of kind cost_field names an estimate and a field',
        });
      }
    }
    return { kind: kind as 'regulation' | 'plan' };
  }
  const estimate = raw.estimate;
  let ok = true;
  if (!(TARGET_ESTIMATES as readonly unknown[]).includes(estimate)) {
    errors.push({
      field: 'target.estimate',
      message: `is required for a cost_field and must be one of ${TARGET_ESTIMATES.join(', ')}`,
    });
    ok = false;
  }
  let field: string | null = null;
  if (typeof raw.field !== 'string' || raw.field.trim() === '') {
    errors.push({
      field: 'target.field',
      message: `is required for a cost_field; it ${FIELD_HELP}`,
    });
    ok = false;
  } else {
    field = canonicalCostField(raw.field);
    if (!field) {
      errors.push({ field: 'target.field', message: FIELD_HELP });
      ok = false;
    }
  }
  return ok ? { kind: 'cost_field', estimate: estimate as TargetEstimate, field: field! } : null;
}

function evidenceRules(
  limits: CostLimits,
): Record<keyof Omit<FeedbackEvidence, 'note'>, NumericRule> {
  return {
    subjects: { maxDecimalPlaces: 0, max: limitValue('subjects', limits.maxSubjectsPerYear) },
    frequencyPerYear: {
      maxDecimalPlaces: QUANTITY_DECIMAL_PLACES,
      max: limitValue('frequencyPerYear', limits.maxFrequencyPerYear),
    },
    hours: {
      maxDecimalPlaces: QUANTITY_DECIMAL_PLACES,
      max: limitValue('hours', limits.maxHoursPerActivity).mul(Rational.of(limits.maxActivities)),
    },
    amount: {
      maxDecimalPlaces: MONEY_DECIMAL_PLACES,
      max: limitValue('amount', limits.maxMoneyPerCompliance),
    },
  };
}

function parseEvidence(
  raw: unknown,
  limits: CostLimits,
  errors: FieldError[],
): FeedbackEvidence | null {
  if (raw === undefined || raw === null) return null;
  if (!isObject(raw)) {
    errors.push({ field: 'evidence', message: 'must be an object' });
    return null;
  }
  const out: FeedbackEvidence = {
    subjects: null,
    frequencyPerYear: null,
    hours: null,
    amount: null,
    note: null,
  };
  const before = errors.length;
  for (const [key, rule] of Object.entries(evidenceRules(limits)) as Array<
    [keyof Omit<FeedbackEvidence, 'note'>, NumericRule]
  >) {
    const value = raw[key];
    if (value === undefined || value === null) continue;
    const parsed = parseNumeric(value, rule);
    if (parsed.ok) out[key] = parsed.value.toDecimalString();
    else errors.push({ field: `evidence.${key}`, message: parsed.message });
  }
  out.note = plainText(
    raw.note,
    'evidence.note',
    { max: MAX_NOTE_LENGTH, required: false },
    errors,
  );
  if (errors.length === before && Object.values(out).every((v) => v === null)) {
    errors.push({
      field: 'evidence',
      message:
        'give at least one of subjects, frequencyPerYear, hours, amount, note (or leave it out)',
    });
  }
  return out;
}

/** Checks a whole item at once, so one 400 lists every mistake. */
export function parseFeedbackInput(
  body: { content?: unknown; target?: unknown; evidence?: unknown },
  limits: CostLimits,
): Parsed<FeedbackInput> {
  const errors: FieldError[] = [];
  const content = plainText(
    body.content,
    'content',
    { max: MAX_CONTENT_LENGTH, required: true },
    errors,
  );
  const target = parseTarget(body.target, errors);
  const evidence = parseEvidence(body.evidence, limits, errors);
  if (errors.length) return { ok: false, errors };
  return { ok: true, value: { content: content!, target, evidence } };
}

/**
 * The current value of a disputed field in an estimate's stored inputs, as a decimal string. A
 * range field the estimate does not give, or an activity it does not have, is not a real field.
 */
export function costFieldValue(
  inputs: StoredInputs,
  field: string,
): { ok: true; value: string } | { ok: false; message: string } {
  if (!isCostField(field)) return { ok: false, message: FIELD_HELP };
  const m = ACTIVITY_FIELD.exec(field);
  let value: string | null | undefined;
  if (!m) {
    value = (inputs as unknown as Record<string, string | null>)[field];
  } else {
    const index = Number(m[1]);
    const activity = inputs.activities?.[index];
    if (!activity) {
      const n = inputs.activities?.length ?? 0;
      return {
        ok: false,
        message: `the estimate has ${n} activit${n === 1 ? 'y' : 'ies'} (activities[0]…activities[${Math.max(0, n - 1)}])`,
      };
    }
    value = activity[m[2] as 'hours' | 'hoursLow' | 'hoursHigh'];
  }
  if (value === null || value === undefined) {
    return { ok: false, message: `the estimate gives no ${field}` };
  }
  return { ok: true, value: String(value) };
}
