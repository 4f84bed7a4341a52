/**
 * The cost-estimate form's live preview: the service's own Standard Cost Model calculator
 * (src/costing/domain, pure and exact: fractions, no floats), run in the browser on what the user
 * has typed so far.
 */
import {
  calculateParsedEstimate,
  Rational,
  validateEstimate,
  type CostFieldError,
} from '../../../../src/costing/domain';
import { parseNumberInput } from '../../format';

export interface ActivityValues {
  name: string;
  hours: string;
  hoursLow: string;
  hoursHigh: string;
}
export interface EstimateValues {
  parameterSetId: string;
  subjectType: string;
  costKind: string;
  activities: ActivityValues[];
  hiredServices: string;
  feesAndCharges: string;
  otherCosts: string;
  frequencyPerYear: string;
  frequencyLow: string;
  frequencyHigh: string;
  subjectsPerYear: string;
  subjectsLow: string;
  subjectsHigh: string;
}

const MONEY = new Set(['hiredServices', 'feesAndCharges', 'otherCosts']);
const OPTIONAL = new Set(['frequencyLow', 'frequencyHigh', 'subjectsLow', 'subjectsHigh']);

export function emptyEstimate(parameterSetId = ''): EstimateValues {
  return {
    parameterSetId,
    subjectType: 'business',
    costKind: 'recurring',
    activities: [{ name: '', hours: '', hoursLow: '', hoursHigh: '' }],
    hiredServices: '0',
    feesAndCharges: '0',
    otherCosts: '0',
    frequencyPerYear: '1',
    frequencyLow: '',
    frequencyHigh: '',
    subjectsPerYear: '',
    subjectsLow: '',
    subjectsHigh: '',
  };
}

/** An estimate from the API back into the form's text values. */
export function estimateToValues(e: Record<string, any>): EstimateValues {
  const s = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return {
    parameterSetId: s(e.parameterSetId),
    subjectType: s(e.subjectType),
    costKind: s(e.costKind),
    activities: (e.activities ?? []).map((a: any) => ({
      name: s(a.name),
      hours: s(a.hours),
      hoursLow: s(a.hoursLow),
      hoursHigh: s(a.hoursHigh),
    })),
    hiredServices: s(e.hiredServices),
    feesAndCharges: s(e.feesAndCharges),
    otherCosts: s(e.otherCosts),
    frequencyPerYear: s(e.frequencyPerYear),
    frequencyLow: s(e.frequencyLow),
    frequencyHigh: s(e.frequencyHigh),
    subjectsPerYear: s(e.subjectsPerYear),
    subjectsLow: s(e.subjectsLow),
    subjectsHigh: s(e.subjectsHigh),
  };
}

/** Typed text → the API's decimal strings; text that is not a number is sent as typed, so the server names the field. */
function num(text: string, kind: 'money' | 'count' | 'quantity'): string | null {
  if (text.trim() === '') return null;
  return parseNumberInput(text, kind) ?? text;
}

/** The PUT body (PutEstimateDto) for these values. */
export function estimateBody(v: EstimateValues): Record<string, unknown> {
  const body: Record<string, unknown> = {
    parameterSetId: v.parameterSetId,
    subjectType: v.subjectType,
    costKind: v.costKind,
    activities: v.activities.map((a) => {
      const out: Record<string, unknown> = {
        name: a.name.trim(),
        hours: num(a.hours, 'quantity') ?? '',
      };
      const low = num(a.hoursLow, 'quantity');
      const high = num(a.hoursHigh, 'quantity');
      if (low !== null) out.hoursLow = low;
      if (high !== null) out.hoursHigh = high;
      return out;
    }),
  };
  for (const k of [
    'hiredServices',
    'feesAndCharges',
    'otherCosts',
    'frequencyPerYear',
    'frequencyLow',
    'frequencyHigh',
    'subjectsPerYear',
    'subjectsLow',
    'subjectsHigh',
  ] as const) {
    const value = num(
      v[k],
      MONEY.has(k) ? 'money' : k.startsWith('subjects') ? 'count' : 'quantity',
    );
    if (value !== null) body[k] = value;
    else if (!OPTIONAL.has(k)) body[k] = '';
  }
  return body;
}

export type Preview =
  | {
      ok: true;
      unitCost: string;
      annualCost: string;
      hasRange: boolean;
      annualCostLow?: string;
      annualCostHigh?: string;
      totalHours: string;
    }
  | { ok: false; errors: CostFieldError[] };

/** Unit and annual cost of what is typed, with the parameter set's exact rate ("671875/22"). */
export function previewCost(
  v: EstimateValues,
  hourlyRateExact: string | null | undefined,
): Preview {
  if (!hourlyRateExact)
    return { ok: false, errors: [{ field: 'parameterSetId', message: 'required' }] };
  const body = estimateBody(v);
  delete body.parameterSetId;
  const checked = validateEstimate(body);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const c = calculateParsedEstimate(checked.estimate, Rational.parse(hourlyRateExact));
  return {
    ok: true,
    unitCost: c.unitCost,
    annualCost: c.annualCost,
    hasRange: c.hasRange,
    annualCostLow: c.annualCostLow,
    annualCostHigh: c.annualCostHigh,
    totalHours: c.totalHours,
  };
}
