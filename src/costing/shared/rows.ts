import { CostCalculation, ParsedEstimate, Rational } from '../domain';
import { EstimateKind } from './costing-rules';

/** Row shapes of the costing tables (migration 1764190200000) and their mapping from raw SQL. */

export interface ParameterSetRow {
  id: string;
  year: number;
  /** Explicit VND per hour (exact decimal), or null when derived from income. */
  hourlyRate: string | null;
  annualIncomePerCapita: string | null;
  monthsPerYear: string;
  workingDaysPerMonth: string;
  hoursPerDay: string;
  /** The rate as an exact fraction "n/d". */
  hourlyRateExact: string;
  /** Where the figure comes from (publication, year), null when nobody said. */
  source: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export function toParameterSetRow(r: Record<string, any>): ParameterSetRow {
  return {
    id: r.id,
    year: Number(r.year),
    hourlyRate: r.hourly_rate === null ? null : String(r.hourly_rate),
    annualIncomePerCapita:
      r.annual_income_per_capita === null ? null : String(r.annual_income_per_capita),
    monthsPerYear: String(r.months_per_year),
    workingDaysPerMonth: String(r.working_days_per_month),
    hoursPerDay: String(r.hours_per_day),
    hourlyRateExact: r.hourly_rate_exact,
    source: r.source ?? null,
    version: Number(r.version),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The validated inputs of an estimate, every number as an exact decimal string. */
export interface StoredInputs {
  activities: Array<{
    name: string;
    hours: string;
    hoursLow: string | null;
    hoursHigh: string | null;
  }>;
  hiredServices: string;
  feesAndCharges: string;
  otherCosts: string;
  frequencyPerYear: string;
  frequencyLow: string | null;
  frequencyHigh: string | null;
  subjectsPerYear: string;
  subjectsLow: string | null;
  subjectsHigh: string | null;
}

/**
 * The calculator's breakdown as stored: display strings, the exact rate and annual cost ("n/d").
 * Every other exact figure follows from the inputs and the rate, so it is not repeated here.
 */
export type StoredResults = Omit<CostCalculation, 'exact'> & {
  hourlyRateExact: string;
  annualCostExact: string;
  parameterSetYear: number;
  parameterSetVersion: number;
};

export interface StoredEstimate {
  id: string;
  regulationId: string;
  kind: EstimateKind;
  parameterSetId: string;
  subjectType: string;
  costKind: string;
  inputs: StoredInputs;
  results: StoredResults;
  /** 2 decimals. */
  unitCost: string;
  /** Whole VND. */
  annualCost: string;
  annualCostLow: string | null;
  annualCostHigh: string | null;
  /** The unrounded annual cost "n/d": savings are rounded once from it. */
  annualCostExact: string;
  version: number;
  reason: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

const numeric = (v: unknown): string | null =>
  v === null || v === undefined ? null : Rational.parse(String(v)).toDecimalString();

export function toStoredEstimate(r: Record<string, any>): StoredEstimate {
  return {
    id: r.id,
    regulationId: r.regulation_id,
    kind: r.kind,
    parameterSetId: r.parameter_set_id,
    subjectType: r.subject_type,
    costKind: r.cost_kind,
    inputs: r.inputs,
    results: r.results,
    unitCost: Rational.parse(String(r.unit_cost)).toFixed(2),
    annualCost: numeric(r.annual_cost)!,
    annualCostLow: numeric(r.annual_cost_low),
    annualCostHigh: numeric(r.annual_cost_high),
    annualCostExact: r.annual_cost_exact,
    version: Number(r.version),
    reason: r.reason ?? null,
    updatedBy: r.updated_by ?? null,
    updatedAt: r.updated_at,
  };
}

const dec = (r: Rational | null): string | null => (r === null ? null : r.toDecimalString());

export function toStoredInputs(e: ParsedEstimate): StoredInputs {
  return {
    activities: e.activities.map((a) => ({
      name: a.name,
      hours: a.hours.toDecimalString(),
      hoursLow: dec(a.hoursLow),
      hoursHigh: dec(a.hoursHigh),
    })),
    hiredServices: e.hiredServices.toDecimalString(),
    feesAndCharges: e.feesAndCharges.toDecimalString(),
    otherCosts: e.otherCosts.toDecimalString(),
    frequencyPerYear: e.frequencyPerYear.toDecimalString(),
    frequencyLow: dec(e.frequencyLow),
    frequencyHigh: dec(e.frequencyHigh),
    subjectsPerYear: e.subjectsPerYear.toDecimalString(),
    subjectsLow: dec(e.subjectsLow),
    subjectsHigh: dec(e.subjectsHigh),
  };
}

export function toStoredResults(calc: CostCalculation, set: ParameterSetRow): StoredResults {
  const { exact, ...display } = calc;
  return {
    ...display,
    hourlyRateExact: exact.hourlyRate.toString(),
    annualCostExact: exact.annualCost.toString(),
    parameterSetYear: set.year,
    parameterSetVersion: set.version,
  };
}
