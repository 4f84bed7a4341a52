/**
 * The evidence associations reported, summarised next to the ministry's own estimates (e.g. the
 * members affected against `subjectsPerYear`, the hours they measured against the estimate's).
 * Exact arithmetic on decimal strings; pure.
 */
import { Rational } from '../../costing/domain';
import { StoredInputs } from '../../costing/shared/rows';

export interface EvidenceRow {
  subjects: string | null;
  frequencyPerYear: string | null;
  hours: string | null;
  amount: string | null;
}

export interface Stats {
  /** How many items reported this figure. */
  reports: number;
  min: string | null;
  median: string | null;
  max: string | null;
}

export interface EvidenceSummary {
  subjects: Stats & {
    /** Members affected, summed over the items (associations may overlap). */
    sum: string | null;
    baselineSubjectsPerYear: string | null;
  };
  frequencyPerYear: Stats & { baseline: string | null; proposed: string | null };
  /** Hours per compliance against the sum of the estimate's activity hours. */
  hours: Stats & { baseline: string | null; proposed: string | null };
  /** VND per compliance against the estimate's hired services + fees + other costs. */
  amount: Stats & { baseline: string | null; proposed: string | null };
}

const dec = (r: Rational) => r.toDecimalString();

function stats(values: Rational[]): Stats {
  if (values.length === 0) return { reports: 0, min: null, median: null, max: null };
  const sorted = [...values].sort((a, b) => a.cmp(b));
  const mid = Math.floor(sorted.length / 2);
  // The mean of two terminating decimals terminates: the median stays an exact decimal.
  const median =
    sorted.length % 2 === 1 ? sorted[mid] : sorted[mid - 1].add(sorted[mid]).div(Rational.of(2));
  return {
    reports: sorted.length,
    min: dec(sorted[0]),
    median: dec(median),
    max: dec(sorted[sorted.length - 1]),
  };
}

function column(rows: EvidenceRow[], key: keyof EvidenceRow): Rational[] {
  return rows
    .map((r) => r[key])
    .filter((v): v is string => v !== null && v !== undefined)
    .map((v) => Rational.parse(String(v)));
}

/** A decimal of stored inputs, or null when absent (an estimate stored before validation existed). */
const stored = (v: unknown): Rational | null =>
  typeof v === 'string' && v !== '' ? Rational.parse(v) : null;

function sumOf(values: unknown[]): string | null {
  const parsed = values.map(stored);
  return parsed.every((v) => v !== null) ? dec(Rational.sum(parsed as Rational[])) : null;
}

const totalHours = (e: StoredInputs | null) =>
  e && Array.isArray(e.activities) ? sumOf(e.activities.map((a) => a?.hours)) : null;

const moneyPerCompliance = (e: StoredInputs | null) =>
  e ? sumOf([e.hiredServices, e.feesAndCharges, e.otherCosts]) : null;

const field = (e: StoredInputs | null, key: 'subjectsPerYear' | 'frequencyPerYear') => {
  const v = e ? stored(e[key]) : null;
  return v ? dec(v) : null;
};

export function summarizeEvidence(
  rows: EvidenceRow[],
  baseline: StoredInputs | null,
  proposed: StoredInputs | null,
): EvidenceSummary {
  const subjects = column(rows, 'subjects');
  return {
    subjects: {
      ...stats(subjects),
      sum: subjects.length ? dec(Rational.sum(subjects)) : null,
      baselineSubjectsPerYear: field(baseline, 'subjectsPerYear'),
    },
    frequencyPerYear: {
      ...stats(column(rows, 'frequencyPerYear')),
      baseline: field(baseline, 'frequencyPerYear'),
      proposed: field(proposed, 'frequencyPerYear'),
    },
    hours: {
      ...stats(column(rows, 'hours')),
      baseline: totalHours(baseline),
      proposed: totalHours(proposed),
    },
    amount: {
      ...stats(column(rows, 'amount')),
      baseline: moneyPerCompliance(baseline),
      proposed: moneyPerCompliance(proposed),
    },
  };
}
