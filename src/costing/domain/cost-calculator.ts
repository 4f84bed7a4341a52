import { CostFieldError, CostInputError } from './errors';
import { HourlyRate } from './hourly-rate';
import {
  MONEY_DECIMAL_PLACES,
  NumericInput,
  NumericRule,
  QUANTITY_DECIMAL_PLACES,
  limitValue,
  parseNumeric,
} from './numeric-input';
import { Rational } from './rational';

/*
 * Standard Cost Model (domain.md §4), chi phí tuân thủ:
 *   unitCost   = Σ hours × hourlyRate + hiredServices + feesAndCharges + otherCosts
 *   annualCost = unitCost × frequencyPerYear × subjectsPerYear
 * Everything is an exact fraction; each reported figure is rounded once, half up: annual costs and
 * savings to whole VND, percentages to 2 decimals, rate / unit cost / money to 2 decimals.
 */

export const SUBJECT_TYPES = ['business', 'citizen', 'administration'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];
export const COST_KINDS = ['recurring', 'one_off'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** One administrative activity (hoạt động hành chính) with hours per compliance. */
export interface ActivityInput {
  name: string;
  hours: NumericInput;
  hoursLow?: NumericInput | null;
  hoursHigh?: NumericInput | null;
}

/** Body of PUT /regulations/:id/cost-estimates/{baseline|proposed}, minus parameterSetId. */
export interface CostEstimateInput {
  subjectType: SubjectType;
  costKind: CostKind;
  activities: ActivityInput[];
  /** VND per compliance: consultants/agents (dịch vụ thuê ngoài). */
  hiredServices: NumericInput;
  /** VND per compliance: phí, lệ phí. */
  feesAndCharges: NumericInput;
  /** VND per compliance: travel, copies, certification … */
  otherCosts: NumericInput;
  frequencyPerYear: NumericInput;
  frequencyLow?: NumericInput | null;
  frequencyHigh?: NumericInput | null;
  subjectsPerYear: NumericInput;
  subjectsLow?: NumericInput | null;
  subjectsHigh?: NumericInput | null;
}

/** Plausibility caps: larger values are typos (a misplaced digit), refused with the field name. */
export interface CostLimits {
  maxActivities: number;
  maxActivityNameLength: number;
  maxHoursPerActivity: NumericInput;
  /** Each of hiredServices, feesAndCharges, otherCosts (VND per compliance). */
  maxMoneyPerCompliance: NumericInput;
  maxFrequencyPerYear: NumericInput;
  maxSubjectsPerYear: NumericInput;
}

export const DEFAULT_COST_LIMITS: Readonly<CostLimits> = Object.freeze({
  maxActivities: 200,
  maxActivityNameLength: 500,
  maxHoursPerActivity: 10_000,
  maxMoneyPerCompliance: 1_000_000_000_000,
  maxFrequencyPerYear: 1_000_000,
  maxSubjectsPerYear: 1_000_000_000,
});

export interface ParsedActivity {
  name: string;
  hours: Rational;
  hoursLow: Rational | null;
  hoursHigh: Rational | null;
}

/** A validated estimate with every number exact. */
export interface ParsedEstimate {
  subjectType: SubjectType;
  costKind: CostKind;
  activities: ParsedActivity[];
  hiredServices: Rational;
  feesAndCharges: Rational;
  otherCosts: Rational;
  frequencyPerYear: Rational;
  frequencyLow: Rational | null;
  frequencyHigh: Rational | null;
  subjectsPerYear: Rational;
  subjectsLow: Rational | null;
  subjectsHigh: Rational | null;
}

export type EstimateValidation =
  | { ok: true; estimate: ParsedEstimate; errors: [] }
  | { ok: false; estimate: null; errors: CostFieldError[] };

/** Exact (unrounded) figures, for storage ("n/d" via toString) and exact aggregation. */
export interface ExactCostFigures {
  hourlyRate: Rational;
  totalHours: Rational;
  timeCost: Rational;
  moneyCosts: Rational;
  unitCost: Rational;
  annualCost: Rational;
  totalHoursLow?: Rational;
  totalHoursHigh?: Rational;
  unitCostLow?: Rational;
  unitCostHigh?: Rational;
  annualCostLow?: Rational;
  annualCostHigh?: Rational;
}

/** Result of one estimate; strings are ready for the API (api.md "Money" conventions). */
export interface CostCalculation {
  /** VND/h, 2 decimals: "30539.77". */
  hourlyRate: string;
  /** Σ hours, exact decimal without trailing zeros: "11", "10.5". */
  totalHours: string;
  /** Σ hours × hourlyRate, 2 decimals. */
  timeCost: string;
  hiredServices: string;
  feesAndCharges: string;
  otherCosts: string;
  /** VND per compliance, 2 decimals: "1935937.50". */
  unitCost: string;
  /** VND per year, whole: "23231250000". */
  annualCost: string;
  /** True when any low/high value was given; then the *Low / *High fields are present. */
  hasRange: boolean;
  totalHoursLow?: string;
  totalHoursHigh?: string;
  unitCostLow?: string;
  unitCostHigh?: string;
  annualCostLow?: string;
  annualCostHigh?: string;
  exact: ExactCostFigures;
}

/** An exact annual cost, or a calculation carrying one. */
export type AnnualCostSource = Rational | Pick<CostCalculation, 'exact'>;

export interface CostComparison {
  /** Whole VND, rounded once from the exact difference; negative when the plan costs more. */
  savings: string;
  /** savings / baseline × 100, 2 decimals half up; null when the baseline is 0. */
  reductionPct: number | null;
  baselineAnnualCost: string;
  proposedAnnualCost: string;
  exact: {
    baselineAnnualCost: Rational;
    proposedAnnualCost: Rational;
    savings: Rational;
    reductionPct: Rational | null;
  };
}

const HUNDRED = Rational.of(100);

function isAbsent(v: unknown): v is undefined | null {
  return v === undefined || v === null;
}

interface ResolvedLimits {
  maxActivities: number;
  maxActivityNameLength: number;
  hours: Rational;
  money: Rational;
  frequency: Rational;
  subjects: Rational;
}

function resolveLimits(overrides: Partial<CostLimits> = {}): ResolvedLimits {
  const l = { ...DEFAULT_COST_LIMITS, ...overrides };
  for (const k of ['maxActivities', 'maxActivityNameLength'] as const) {
    if (!Number.isSafeInteger(l[k]) || l[k] < 0) throw new RangeError(`Invalid cost limit ${k}`);
  }
  return {
    maxActivities: l.maxActivities,
    maxActivityNameLength: l.maxActivityNameLength,
    hours: limitValue('maxHoursPerActivity', l.maxHoursPerActivity),
    money: limitValue('maxMoneyPerCompliance', l.maxMoneyPerCompliance),
    frequency: limitValue('maxFrequencyPerYear', l.maxFrequencyPerYear),
    subjects: limitValue('maxSubjectsPerYear', l.maxSubjectsPerYear),
  };
}

/**
 * Checks an estimate and returns ALL field errors (paths like `activities[1].hours`), or the exact
 * parsed estimate. Never throws for bad input; throws RangeError only for invalid `limits`.
 */
export function validateEstimate(input: unknown, limits?: Partial<CostLimits>): EstimateValidation {
  const lim = resolveLimits(limits);
  const errors: CostFieldError[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, estimate: null, errors: [{ field: 'body', message: 'must be an object' }] };
  }
  const body = input as Record<string, unknown>;

  const num = (field: string, value: unknown, rule: NumericRule, required: boolean) => {
    if (isAbsent(value)) {
      if (required) errors.push({ field, message: 'is required' });
      return null;
    }
    const r = parseNumeric(value, rule);
    if (r.ok) return r.value;
    errors.push({ field, message: r.message });
    return null;
  };
  const oneOf = <T extends string>(field: string, allowed: readonly T[]): T | null => {
    const v = body[field];
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    errors.push({
      field,
      message: isAbsent(v) ? 'is required' : `must be one of ${allowed.join(', ')}`,
    });
    return null;
  };
  // low ≤ central ≤ high, each checked only when both sides parsed.
  const range = (
    central: Rational | null,
    low: Rational | null,
    high: Rational | null,
    names: { central: string; low: string; high: string; centralLabel: string },
  ) => {
    if (!central) return;
    if (low && low.gt(central)) {
      errors.push({ field: names.low, message: `must not exceed ${names.centralLabel}` });
    }
    if (high && high.lt(central)) {
      errors.push({ field: names.high, message: `must not be less than ${names.centralLabel}` });
    }
  };

  const subjectType = oneOf('subjectType', SUBJECT_TYPES);
  const costKind = oneOf('costKind', COST_KINDS);

  const hoursRule: NumericRule = { maxDecimalPlaces: QUANTITY_DECIMAL_PLACES, max: lim.hours };
  const activities: ParsedActivity[] = [];
  let activitiesOk = true;
  const rawActivities = body.activities;
  if (isAbsent(rawActivities)) {
    errors.push({ field: 'activities', message: 'is required (may be an empty list)' });
    activitiesOk = false;
  } else if (!Array.isArray(rawActivities)) {
    errors.push({ field: 'activities', message: 'must be an array' });
    activitiesOk = false;
  } else if (rawActivities.length > lim.maxActivities) {
    errors.push({
      field: 'activities',
      message: `must have at most ${lim.maxActivities} activities`,
    });
    activitiesOk = false;
  } else {
    rawActivities.forEach((raw: unknown, i) => {
      const path = `activities[${i}]`;
      if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
        errors.push({ field: path, message: 'must be an object' });
        activitiesOk = false;
        return;
      }
      const a = raw as Record<string, unknown>;
      let name: string | null = null;
      if (isAbsent(a.name)) errors.push({ field: `${path}.name`, message: 'is required' });
      else if (typeof a.name !== 'string') {
        errors.push({ field: `${path}.name`, message: 'must be a string' });
      } else if (a.name.trim() === '') {
        errors.push({ field: `${path}.name`, message: 'must not be blank' });
      } else if (a.name.length > lim.maxActivityNameLength) {
        errors.push({
          field: `${path}.name`,
          message: `must be at most ${lim.maxActivityNameLength} characters`,
        });
      } else name = a.name.trim();
      const hours = num(`${path}.hours`, a.hours, hoursRule, true);
      const hoursLow = num(`${path}.hoursLow`, a.hoursLow, hoursRule, false);
      const hoursHigh = num(`${path}.hoursHigh`, a.hoursHigh, hoursRule, false);
      range(hours, hoursLow, hoursHigh, {
        central: `${path}.hours`,
        low: `${path}.hoursLow`,
        high: `${path}.hoursHigh`,
        centralLabel: 'hours',
      });
      if (name === null || hours === null) activitiesOk = false;
      else activities.push({ name, hours, hoursLow, hoursHigh });
    });
  }

  const moneyRule: NumericRule = { maxDecimalPlaces: MONEY_DECIMAL_PLACES, max: lim.money };
  const hiredServices = num('hiredServices', body.hiredServices, moneyRule, true);
  const feesAndCharges = num('feesAndCharges', body.feesAndCharges, moneyRule, true);
  const otherCosts = num('otherCosts', body.otherCosts, moneyRule, true);

  const freqRule: NumericRule = { maxDecimalPlaces: QUANTITY_DECIMAL_PLACES, max: lim.frequency };
  const frequencyPerYear = num('frequencyPerYear', body.frequencyPerYear, freqRule, true);
  const frequencyLow = num('frequencyLow', body.frequencyLow, freqRule, false);
  const frequencyHigh = num('frequencyHigh', body.frequencyHigh, freqRule, false);
  range(frequencyPerYear, frequencyLow, frequencyHigh, {
    central: 'frequencyPerYear',
    low: 'frequencyLow',
    high: 'frequencyHigh',
    centralLabel: 'frequencyPerYear',
  });

  // Subjects are a yearly average count, so fractions (e.g. 12.5 a year) are allowed.
  const subjRule: NumericRule = { maxDecimalPlaces: QUANTITY_DECIMAL_PLACES, max: lim.subjects };
  const subjectsPerYear = num('subjectsPerYear', body.subjectsPerYear, subjRule, true);
  const subjectsLow = num('subjectsLow', body.subjectsLow, subjRule, false);
  const subjectsHigh = num('subjectsHigh', body.subjectsHigh, subjRule, false);
  range(subjectsPerYear, subjectsLow, subjectsHigh, {
    central: 'subjectsPerYear',
    low: 'subjectsLow',
    high: 'subjectsHigh',
    centralLabel: 'subjectsPerYear',
  });

  if (
    errors.length > 0 ||
    !activitiesOk ||
    !subjectType ||
    !costKind ||
    !hiredServices ||
    !feesAndCharges ||
    !otherCosts ||
    !frequencyPerYear ||
    !subjectsPerYear
  ) {
    return { ok: false, estimate: null, errors };
  }
  return {
    ok: true,
    errors: [],
    estimate: {
      subjectType,
      costKind,
      activities,
      hiredServices,
      feesAndCharges,
      otherCosts,
      frequencyPerYear,
      frequencyLow,
      frequencyHigh,
      subjectsPerYear,
      subjectsLow,
      subjectsHigh,
    },
  };
}

/** validateEstimate, throwing CostInputError (all field errors) when invalid. */
export function parseEstimate(input: unknown, limits?: Partial<CostLimits>): ParsedEstimate {
  const v = validateEstimate(input, limits);
  if (!v.ok) throw new CostInputError(v.errors);
  return v.estimate;
}

function exactRate(rate: HourlyRate | Rational): Rational {
  const r = rate instanceof Rational ? rate : rate.exact;
  if (r.sign() <= 0) throw CostInputError.single('hourlyRate', 'must be greater than zero');
  return r;
}

/**
 * Validates and calculates one estimate with the parameter set's hourly rate.
 * Throws CostInputError (all field errors) for invalid input.
 */
export function calculateEstimate(
  input: CostEstimateInput,
  rate: HourlyRate | Rational,
  limits?: Partial<CostLimits>,
): CostCalculation {
  return calculateParsedEstimate(parseEstimate(input, limits), rate);
}

/** The calculation proper, on an already validated estimate. */
export function calculateParsedEstimate(
  e: ParsedEstimate,
  rate: HourlyRate | Rational,
): CostCalculation {
  const hourlyRate = exactRate(rate);
  const moneyCosts = e.hiredServices.add(e.feesAndCharges).add(e.otherCosts);
  const scenario = (hours: Rational, frequency: Rational, subjects: Rational) => {
    const timeCost = hours.mul(hourlyRate);
    const unitCost = timeCost.add(moneyCosts);
    return { hours, timeCost, unitCost, annualCost: unitCost.mul(frequency).mul(subjects) };
  };

  const central = scenario(
    Rational.sum(e.activities.map((a) => a.hours)),
    e.frequencyPerYear,
    e.subjectsPerYear,
  );
  const exact: ExactCostFigures = {
    hourlyRate,
    totalHours: central.hours,
    timeCost: central.timeCost,
    moneyCosts,
    unitCost: central.unitCost,
    annualCost: central.annualCost,
  };
  const result: CostCalculation = {
    hourlyRate: hourlyRate.toFixed(2),
    totalHours: central.hours.toDecimalString(),
    timeCost: central.timeCost.toFixed(2),
    hiredServices: e.hiredServices.toFixed(2),
    feesAndCharges: e.feesAndCharges.toFixed(2),
    otherCosts: e.otherCosts.toFixed(2),
    unitCost: central.unitCost.toFixed(2),
    annualCost: central.annualCost.toFixed(0),
    hasRange: false,
    exact,
  };

  const hasRange =
    e.frequencyLow !== null ||
    e.frequencyHigh !== null ||
    e.subjectsLow !== null ||
    e.subjectsHigh !== null ||
    e.activities.some((a) => a.hoursLow !== null || a.hoursHigh !== null);
  if (hasRange) {
    // Low takes every low value (falling back to the central one), high every high value.
    const low = scenario(
      Rational.sum(e.activities.map((a) => a.hoursLow ?? a.hours)),
      e.frequencyLow ?? e.frequencyPerYear,
      e.subjectsLow ?? e.subjectsPerYear,
    );
    const high = scenario(
      Rational.sum(e.activities.map((a) => a.hoursHigh ?? a.hours)),
      e.frequencyHigh ?? e.frequencyPerYear,
      e.subjectsHigh ?? e.subjectsPerYear,
    );
    Object.assign(exact, {
      totalHoursLow: low.hours,
      totalHoursHigh: high.hours,
      unitCostLow: low.unitCost,
      unitCostHigh: high.unitCost,
      annualCostLow: low.annualCost,
      annualCostHigh: high.annualCost,
    });
    Object.assign(result, {
      hasRange: true,
      totalHoursLow: low.hours.toDecimalString(),
      totalHoursHigh: high.hours.toDecimalString(),
      unitCostLow: low.unitCost.toFixed(2),
      unitCostHigh: high.unitCost.toFixed(2),
      annualCostLow: low.annualCost.toFixed(0),
      annualCostHigh: high.annualCost.toFixed(0),
    });
  }
  return result;
}

function annualOf(source: AnnualCostSource, name: string): Rational {
  const r = source instanceof Rational ? source : source.exact.annualCost;
  if (r.sign() < 0) throw new RangeError(`${name} annual cost must not be negative`);
  return r;
}

/** Whole VND, half up: the rounding of annual costs, savings and totals. */
export function roundVnd(value: Rational): string {
  return value.toFixed(0);
}

/** part / whole × 100 rounded half up to 2 decimals, as a number (83.36); null when whole is 0. */
export function percentOf(part: Rational, whole: Rational): number | null {
  return whole.isZero() ? null : Number(part.div(whole).mul(HUNDRED).toFixed(2));
}

/**
 * Savings of the plan (tiết kiệm chi phí) from the EXACT annual costs; 'abolish' (bãi bỏ) means the
 * proposed annual cost is 0. Savings are rounded once from the exact difference, so they may differ
 * by 1 VND from subtracting the two rounded annual costs (e.g. 10.5 − 0.4 = 10.1 → 10, whereas
 * 11 − 0 = 11). The worked example of domain.md §4 gives 19,365,340,909 either way.
 */
export function compareEstimates(
  baseline: AnnualCostSource,
  proposed: AnnualCostSource | 'abolish',
): CostComparison {
  const b = annualOf(baseline, 'baseline');
  const p = proposed === 'abolish' ? Rational.ZERO : annualOf(proposed, 'proposed');
  const savings = b.sub(p);
  const pct = b.isZero() ? null : savings.div(b).mul(HUNDRED);
  return {
    savings: roundVnd(savings),
    reductionPct: pct === null ? null : Number(pct.toFixed(2)),
    baselineAnnualCost: roundVnd(b),
    proposedAnnualCost: roundVnd(p),
    exact: { baselineAnnualCost: b, proposedAnnualCost: p, savings, reductionPct: pct },
  };
}
