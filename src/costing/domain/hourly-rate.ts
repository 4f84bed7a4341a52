import { CostFieldError, CostInputError } from './errors';
import {
  MONEY_DECIMAL_PLACES,
  NumericInput,
  QUANTITY_DECIMAL_PLACES,
  parseNumeric,
} from './numeric-input';
import { Rational } from './rational';

/** Defaults of the derived rate: 12 months × 22 working days × 8 hours = 2,112 hours a year. */
export const DEFAULT_MONTHS_PER_YEAR = 12;
export const DEFAULT_WORKING_DAYS_PER_MONTH = 22;
export const DEFAULT_HOURS_PER_DAY = 8;

/** Fields of a cost-parameter set (bộ tham số chi phí) that determine the hourly rate. */
export interface CostParameterInput {
  /** Explicit VND per hour; excludes annualIncomePerCapita. */
  hourlyRate?: NumericInput | null;
  /** VND per person per year (thu nhập bình quân đầu người); the rate is derived from it. */
  annualIncomePerCapita?: NumericInput | null;
  monthsPerYear?: NumericInput | null;
  workingDaysPerMonth?: NumericInput | null;
  hoursPerDay?: NumericInput | null;
}

export interface HourlyRate {
  /** Exact VND per hour, e.g. 64500000/2112 (never rounded). */
  exact: Rational;
  /** Rounded half up to 2 decimals for display: "30539.77". */
  display: string;
  source: 'explicit' | 'derived';
  /** For a derived rate: exact = annualIncomePerCapita / hoursPerYear; null for an explicit one. */
  annualIncomePerCapita: Rational | null;
  /** months × working days × hours (2112 with the defaults); null for an explicit rate. */
  hoursPerYear: Rational | null;
}

/** Sanity caps: above them a value is a typo, not a parameter. */
export const PARAMETER_LIMITS = {
  maxMoney: Rational.of(1_000_000_000_000), // VND
  maxMonthsPerYear: Rational.of(12),
  maxWorkingDaysPerMonth: Rational.of(31),
  maxHoursPerDay: Rational.of(24),
} as const;

function isAbsent(v: unknown): boolean {
  return v === undefined || v === null;
}

/** All field errors of a parameter set's rate inputs (empty when valid). */
export function validateCostParameters(input: CostParameterInput): CostFieldError[] {
  const errors: CostFieldError[] = [];
  resolve(input, errors);
  return errors;
}

/** The exact hourly rate of a parameter set; throws CostInputError listing every invalid field. */
export function resolveHourlyRate(input: CostParameterInput): HourlyRate {
  const errors: CostFieldError[] = [];
  const rate = resolve(input, errors);
  if (!rate) throw new CostInputError(errors);
  return rate;
}

/** Wraps an already exact rate (e.g. one loaded from storage as "64500000/2112"). */
export function hourlyRateFromExact(
  exact: Rational,
  source: HourlyRate['source'] = 'explicit',
): HourlyRate {
  if (exact.sign() <= 0) throw CostInputError.single('hourlyRate', 'must be greater than zero');
  const rate: HourlyRate = {
    exact,
    display: exact.toFixed(2),
    source,
    annualIncomePerCapita: null,
    hoursPerYear: null,
  };
  return rate;
}

function resolve(input: CostParameterInput, errors: CostFieldError[]): HourlyRate | null {
  if (typeof input !== 'object' || input === null) {
    errors.push({ field: 'body', message: 'must be an object' });
    return null;
  }
  const money = {
    maxDecimalPlaces: MONEY_DECIMAL_PLACES,
    positive: true,
    max: PARAMETER_LIMITS.maxMoney,
  };
  const take = (field: keyof CostParameterInput, rule: Parameters<typeof parseNumeric>[1]) => {
    const r = parseNumeric(input[field], rule);
    if (r.ok) return r.value;
    errors.push({ field, message: r.message });
    return null;
  };

  const hasRate = !isAbsent(input.hourlyRate);
  const hasIncome = !isAbsent(input.annualIncomePerCapita);
  if (hasRate && hasIncome) {
    errors.push({
      field: 'hourlyRate',
      message: 'give either hourlyRate or annualIncomePerCapita, not both',
    });
    return null;
  }
  if (!hasRate && !hasIncome) {
    errors.push({
      field: 'annualIncomePerCapita',
      message: 'either annualIncomePerCapita or hourlyRate is required',
    });
    return null;
  }

  const rate = hasRate ? take('hourlyRate', money) : null;
  const income = hasIncome ? take('annualIncomePerCapita', money) : null;
  // The divisor fields are checked whenever present, so a bad value is never silently kept.
  const divisor = (field: keyof CostParameterInput, fallback: number, max: Rational) =>
    isAbsent(input[field])
      ? Rational.of(fallback)
      : take(field, { maxDecimalPlaces: QUANTITY_DECIMAL_PLACES, positive: true, max });
  const months = divisor(
    'monthsPerYear',
    DEFAULT_MONTHS_PER_YEAR,
    PARAMETER_LIMITS.maxMonthsPerYear,
  );
  const days = divisor(
    'workingDaysPerMonth',
    DEFAULT_WORKING_DAYS_PER_MONTH,
    PARAMETER_LIMITS.maxWorkingDaysPerMonth,
  );
  const hours = divisor('hoursPerDay', DEFAULT_HOURS_PER_DAY, PARAMETER_LIMITS.maxHoursPerDay);

  if (errors.length > 0) return null;
  if (rate) {
    return {
      exact: rate,
      display: rate.toFixed(2),
      source: 'explicit',
      annualIncomePerCapita: null,
      hoursPerYear: null,
    };
  }
  if (!income || !months || !days || !hours) return null;
  const hoursPerYear = months.mul(days).mul(hours);
  const exact = income.div(hoursPerYear);
  return {
    exact,
    display: exact.toFixed(2),
    source: 'derived',
    annualIncomePerCapita: income,
    hoursPerYear,
  };
}
