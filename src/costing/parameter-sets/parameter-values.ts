import {
  CostFieldError,
  CostParameterInput,
  DEFAULT_HOURS_PER_DAY,
  DEFAULT_MONTHS_PER_YEAR,
  DEFAULT_WORKING_DAYS_PER_MONTH,
  NumericInput,
  parseNumeric,
  QUANTITY_DECIMAL_PLACES,
  resolveHourlyRate,
  CostInputError,
} from '../domain';

/** A parameter set's stored values: exact decimal strings, and the rate as a fraction "n/d". */
export interface ParameterValues {
  year: number;
  hourlyRate: string | null;
  annualIncomePerCapita: string | null;
  monthsPerYear: string;
  workingDaysPerMonth: string;
  hoursPerDay: string;
  hourlyRateExact: string;
}

export type ParameterPatch = { year?: number } & CostParameterInput;

/**
 * Pure: the rate inputs after a PATCH. Fields not given keep their value; giving one kind of rate
 * (hourlyRate or annualIncomePerCapita) drops the other; null resets a divisor to its default.
 */
export function mergeParameterPatch(
  current: ParameterValues,
  patch: ParameterPatch,
): { year: number } & CostParameterInput {
  const given = (v: unknown) => v !== undefined;
  const merged = {
    year: patch.year ?? current.year,
    hourlyRate: current.hourlyRate as NumericInput | null,
    annualIncomePerCapita: current.annualIncomePerCapita as NumericInput | null,
    monthsPerYear: current.monthsPerYear as NumericInput | null,
    workingDaysPerMonth: current.workingDaysPerMonth as NumericInput | null,
    hoursPerDay: current.hoursPerDay as NumericInput | null,
  };
  if (given(patch.hourlyRate)) {
    merged.hourlyRate = patch.hourlyRate ?? null;
    if (patch.hourlyRate !== null && !given(patch.annualIncomePerCapita)) {
      merged.annualIncomePerCapita = null;
    }
  }
  if (given(patch.annualIncomePerCapita)) {
    merged.annualIncomePerCapita = patch.annualIncomePerCapita ?? null;
    if (patch.annualIncomePerCapita !== null && !given(patch.hourlyRate)) merged.hourlyRate = null;
  }
  for (const k of ['monthsPerYear', 'workingDaysPerMonth', 'hoursPerDay'] as const) {
    if (given(patch[k])) merged[k] = patch[k] ?? null;
  }
  return merged;
}

/** Validates with the costing domain and normalises; throws CostInputError naming every bad field. */
export function toParameterValues(input: { year: number } & CostParameterInput): ParameterValues {
  const rate = resolveHourlyRate(input);
  const divisor = (field: keyof CostParameterInput, value: unknown, fallback: number): string => {
    if (value === undefined || value === null) return String(fallback);
    const r = parseNumeric(value, { maxDecimalPlaces: QUANTITY_DECIMAL_PLACES, positive: true });
    if (!r.ok) throw new CostInputError([{ field, message: r.message } as CostFieldError]);
    return r.value.toDecimalString();
  };
  return {
    year: input.year,
    hourlyRate: rate.source === 'explicit' ? rate.exact.toDecimalString() : null,
    annualIncomePerCapita: rate.annualIncomePerCapita?.toDecimalString() ?? null,
    monthsPerYear: divisor('monthsPerYear', input.monthsPerYear, DEFAULT_MONTHS_PER_YEAR),
    workingDaysPerMonth: divisor(
      'workingDaysPerMonth',
      input.workingDaysPerMonth,
      DEFAULT_WORKING_DAYS_PER_MONTH,
    ),
    hoursPerDay: divisor('hoursPerDay', input.hoursPerDay, DEFAULT_HOURS_PER_DAY),
    hourlyRateExact: rate.exact.toString(),
  };
}

export function sameValues(a: ParameterValues, b: ParameterValues): boolean {
  return (Object.keys(a) as Array<keyof ParameterValues>).every((k) => a[k] === b[k]);
}
