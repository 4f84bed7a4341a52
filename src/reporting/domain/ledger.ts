/**
 * The targets ledger (domain.md §7) as pure functions: which workflow states count where, and the
 * report built from the summed aggregate rows. No database, no clock.
 *
 * Semantics (decided here, documented in the README):
 * - Baseline of a programme: every regulation whose legal document was in force on the baseline
 *   date and whose category the programme counts, in any state (withdrawn and retained stay in).
 *   Its cost is the sum of the baseline annual costs that are recurring business costs; costed
 *   coverage counts the regulations that have a baseline estimate at all.
 * - Pipeline (government_office_review, awaiting_decision), approved (implementing or
 *   implemented) and implemented count under the programme of the regulation's plan. Those in
 *   that programme's baseline count toward its targets; the others are shown apart.
 * - Savings toward the cost target = recurring business baseline cost − recurring business
 *   proposed cost (abolish ⇒ 0), from the exact annual costs, rounded once per regulation. Totals
 *   are sums of these per-regulation figures, so a drill-down adds up to its total exactly.
 * - Costed coverage gates the cost target: a share of the cost saved over a baseline whose
 *   regulations are mostly uncosted overstates progress (the uncosted ones are missing from the
 *   denominator). Below MIN_COSTED_COVERAGE_PCT the cost target never reads as reached: its
 *   status is `low_coverage`, and every cost share carries the coverage it was computed over.
 * - Months (the time series) are the calendar months, in Vietnam, of the decision's date
 *   (approvals) and of the amending document's effective date (implementations).
 */
import { percentOf, Rational, roundVnd } from '../../costing/domain';
import { vietnamDayNumber } from '../../common/vietnam-time';

export const STAGES = ['other', 'pipeline', 'approved', 'implemented', 'rejected'] as const;
export type Stage = (typeof STAGES)[number];

/**
 * The workflow states that count in the ledger, and where; every other state is 'other'. The one
 * source of the mapping: the SQL function progress_stage() (used by the view progress_line_fresh)
 * is generated from this table by a migration (reporting/persistence/ledger-sql.ts).
 */
export const LEDGER_STAGE_OF_STATE: Readonly<Record<string, Exclude<Stage, 'other'>>> = {
  government_office_review: 'pipeline',
  awaiting_decision: 'pipeline',
  implementing: 'approved',
  implemented: 'implemented',
  rejected: 'rejected',
};

/** Where a workflow state counts in the ledger. */
export function stageOf(stateName: string): Stage {
  return Object.prototype.hasOwnProperty.call(LEDGER_STAGE_OF_STATE, stateName)
    ? LEDGER_STAGE_OF_STATE[stateName]
    : 'other';
}

/** implementing.overdue, the state the durable deadline timer moves an implementation to. */
export function isOverdueState(stateName: string, state: unknown): boolean {
  return (
    stateName === 'implementing' &&
    typeof state === 'object' &&
    state !== null &&
    (state as Record<string, unknown>).implementing === 'overdue'
  );
}

/**
 * Whether a transition can change what a regulation contributes to the ledger. Transitions
 * between the other states (draft … responding, withdrawn, retained) change nothing: the ledger
 * skips them, which keeps the workflow's hot path free of report work.
 */
export function affectsLedger(
  before: { stateName: string; state: unknown },
  after: { stateName: string; state: unknown },
): boolean {
  return (
    stageOf(before.stateName) !== stageOf(after.stateName) ||
    isOverdueState(before.stateName, before.state) !== isOverdueState(after.stateName, after.state)
  );
}

/** The aggregate buckets (progress_delta.bucket). */
export const BUCKETS = ['baseline', 'pipeline', 'approved', 'implemented', 'overdue'] as const;
export type Bucket = (typeof BUCKETS)[number];

/** What `GET /reports/progress/items?bucket=` drills into. */
export const DRILL_DOWN_BUCKETS = [
  'baseline',
  'pipeline',
  'approved',
  'implemented',
  'outside',
  'overdue',
] as const;
export type DrillDownBucket = (typeof DRILL_DOWN_BUCKETS)[number];

/** One summed aggregate row (sums over agencies, or of one agency). */
export interface AggregateRow {
  bucket: string;
  inBaseline: boolean;
  /** yyyymm, or 0 for buckets without a month. */
  month: number;
  n: string | number;
  costed: string | number;
  amount: string | number;
}

/**
 * The costed coverage (regulations with a baseline estimate / regulations in the baseline) below
 * which a cost share is not evidence that the cost target is reached (README, reporting section).
 */
export const MIN_COSTED_COVERAGE_PCT = 90;

/** reached: at or above the target with enough coverage; low_coverage: not verifiable. */
export type CostTargetStatus = 'reached' | 'not_reached' | 'low_coverage';

export interface ProgrammeInfo {
  id: string;
  code: string;
  name: string;
  startDate: string;
  endDate: string;
  baselineDate: string;
  targetCountPct: number;
  targetCostPct: number;
}

export interface AgencyInfo {
  id: string;
  code: string;
  name: string;
}

export interface Denominator {
  /** Regulations in the programme's baseline. */
  count: number;
  /** Their recurring business baseline cost (whole VND per year). */
  annualCost: string;
  /** How many of them have a baseline estimate (costed coverage). */
  costedCount: number;
}

export interface TargetFigure {
  count: number;
  savings: string;
  /** count / baseline count × 100, 2 decimals half up; null when the baseline is empty. */
  countPct: number | null;
  /** savings / baseline cost × 100, 2 decimals half up; null when the baseline cost is 0. */
  costPct: number | null;
  denominator: Denominator;
  /** The costed coverage of the denominator (costedCount / count × 100), which costPct rests on. */
  coveragePct: number | null;
  /** coveragePct is below MIN_COSTED_COVERAGE_PCT: costPct overstates the share of the cost cut. */
  lowCoverage: boolean;
  /** The regulations behind the figure. */
  items: string;
}

export interface TargetReached {
  count: boolean;
  /** True only when costPct reaches the target and the coverage is not low. */
  cost: boolean;
  costStatus: CostTargetStatus;
}

export interface PlainFigure {
  count: number;
  savings: string;
}

export interface SeriesPoint {
  /** YYYY-MM, in Asia/Ho_Chi_Minh. */
  month: string;
  approved: PlainFigure;
  implemented: PlainFigure;
  /** Totals up to the end of this month, with their shares of the targets. */
  cumulative: {
    approved: PlainFigure & { countPct: number | null; costPct: number | null };
    implemented: PlainFigure & { countPct: number | null; costPct: number | null };
  };
}

export interface ProgressReport {
  programme: ProgrammeInfo;
  agencyId: string | null;
  agency: AgencyInfo | null;
  asOf: string;
  baseline: Denominator & {
    coveragePct: number | null;
    lowCoverage: boolean;
    minCoveragePct: number;
    items: string;
  };
  pipeline: TargetFigure;
  approved: TargetFigure;
  implemented: TargetFigure;
  /** Plans under this programme for regulations outside its baseline: never in the targets. */
  outsideBaseline: {
    pipeline: PlainFigure;
    approved: PlainFigure;
    implemented: PlainFigure;
    items: string;
  };
  /** Implementations past their deadline (implementing.overdue), in or outside the baseline. */
  overdue: PlainFigure & { denominator: { implementingCount: number }; items: string };
  target: {
    countPct: number;
    costPct: number;
    /** The coverage below which the cost target cannot read as reached. */
    minCoveragePct: number;
    lowCoverage: boolean;
    approvedReached: TargetReached;
    implementedReached: TargetReached;
  };
  series: SeriesPoint[];
}

interface Sum {
  n: bigint;
  costed: bigint;
  amount: Rational;
}

const zero = (): Sum => ({ n: 0n, costed: 0n, amount: Rational.ZERO });

function add(s: Sum, r: AggregateRow): void {
  s.n += BigInt(r.n);
  s.costed += BigInt(r.costed);
  s.amount = s.amount.add(Rational.parse(String(r.amount)));
}

/** The sums a report needs, keyed by bucket and baseline membership, plus per month. */
export interface LedgerTotals {
  baseline: Sum;
  inBaseline: Record<Exclude<Bucket, 'baseline'>, Sum>;
  outside: Record<Exclude<Bucket, 'baseline'>, Sum>;
  months: Map<number, { approved: Sum; implemented: Sum }>;
}

export function totalsOf(rows: readonly AggregateRow[]): LedgerTotals {
  const t: LedgerTotals = {
    baseline: zero(),
    inBaseline: { pipeline: zero(), approved: zero(), implemented: zero(), overdue: zero() },
    outside: { pipeline: zero(), approved: zero(), implemented: zero(), overdue: zero() },
    months: new Map(),
  };
  for (const r of rows) {
    if (r.bucket === 'baseline') {
      add(t.baseline, r);
      continue;
    }
    if (!(BUCKETS as readonly string[]).includes(r.bucket)) continue;
    const bucket = r.bucket as Exclude<Bucket, 'baseline'>;
    add((r.inBaseline ? t.inBaseline : t.outside)[bucket], r);
    if (r.inBaseline && r.month > 0 && (bucket === 'approved' || bucket === 'implemented')) {
      let m = t.months.get(r.month);
      if (!m) t.months.set(r.month, (m = { approved: zero(), implemented: zero() }));
      add(m[bucket], r);
    }
  }
  return t;
}

const count = (n: bigint) => Number(n);
const money = (r: Rational) => roundVnd(r);

/** yyyymm → "YYYY-MM". */
export function monthLabel(month: number): string {
  return `${Math.floor(month / 100)}-${String(month % 100).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" or "YYYY-MM" → yyyymm. */
export function monthOf(date: string): number {
  return Number(date.slice(0, 4)) * 100 + Number(date.slice(5, 7));
}

function nextMonth(m: number): number {
  return m % 100 === 12 ? (Math.floor(m / 100) + 1) * 100 + 1 : m + 1;
}

/** Every month from `from` to `to`, both included. */
export function monthsBetween(from: number, to: number): number[] {
  const out: number[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

function shares(part: Sum, denominator: Sum) {
  return {
    countPct: percentOf(Rational.of(part.n), Rational.of(denominator.n)),
    costPct: percentOf(part.amount, denominator.amount),
  };
}

export interface BuildOptions {
  programme: ProgrammeInfo;
  agency: AgencyInfo | null;
  asOf: Date;
  /** The drill-down URL of a bucket. */
  itemsUrl: (bucket: DrillDownBucket) => string;
  /** Leave out the monthly series (e.g. per-agency rows of a workbook). */
  withoutSeries?: boolean;
}

/** The report of one programme for one agency or the nation, from its summed aggregate rows. */
export function buildProgress(rows: readonly AggregateRow[], o: BuildOptions): ProgressReport {
  const t = totalsOf(rows);
  const denominator: Denominator = {
    count: count(t.baseline.n),
    annualCost: money(t.baseline.amount),
    costedCount: count(t.baseline.costed),
  };
  const coveragePct = percentOf(Rational.of(t.baseline.costed), Rational.of(t.baseline.n));
  // An empty baseline has nothing to cover; otherwise below the minimum is low.
  const lowCoverage = coveragePct !== null && coveragePct < MIN_COSTED_COVERAGE_PCT;
  const figure = (bucket: 'pipeline' | 'approved' | 'implemented'): TargetFigure => ({
    count: count(t.inBaseline[bucket].n),
    savings: money(t.inBaseline[bucket].amount),
    ...shares(t.inBaseline[bucket], t.baseline),
    denominator,
    coveragePct,
    lowCoverage,
    items: o.itemsUrl(bucket),
  });
  const plain = (s: Sum): PlainFigure => ({ count: count(s.n), savings: money(s.amount) });
  const approved = figure('approved');
  const implemented = figure('implemented');
  const reached = (f: TargetFigure): TargetReached => {
    const costStatus = costTargetStatus(f.costPct, o.programme.targetCostPct, lowCoverage);
    return {
      count: f.countPct !== null && f.countPct >= o.programme.targetCountPct,
      cost: costStatus === 'reached',
      costStatus,
    };
  };
  const implementingCount =
    count(t.inBaseline.approved.n + t.outside.approved.n) -
    count(t.inBaseline.implemented.n + t.outside.implemented.n);
  const overdue: Sum = zero();
  for (const s of [t.inBaseline.overdue, t.outside.overdue]) {
    overdue.n += s.n;
    overdue.amount = overdue.amount.add(s.amount);
  }
  return {
    programme: o.programme,
    agencyId: o.agency?.id ?? null,
    agency: o.agency,
    asOf: o.asOf.toISOString(),
    baseline: {
      ...denominator,
      coveragePct,
      lowCoverage,
      minCoveragePct: MIN_COSTED_COVERAGE_PCT,
      items: o.itemsUrl('baseline'),
    },
    pipeline: figure('pipeline'),
    approved,
    implemented,
    outsideBaseline: {
      pipeline: plain(t.outside.pipeline),
      approved: plain(t.outside.approved),
      implemented: plain(t.outside.implemented),
      items: o.itemsUrl('outside'),
    },
    overdue: {
      ...plain(overdue),
      denominator: { implementingCount },
      items: o.itemsUrl('overdue'),
    },
    target: {
      countPct: o.programme.targetCountPct,
      costPct: o.programme.targetCostPct,
      minCoveragePct: MIN_COSTED_COVERAGE_PCT,
      lowCoverage,
      approvedReached: reached(approved),
      implementedReached: reached(implemented),
    },
    series: o.withoutSeries ? [] : series(t, o.programme),
  };
}

/**
 * Whether a cost share reaches the target. Low coverage wins over the share: a share over a
 * mostly uncosted baseline is not verifiable, whatever its value (domain.md §1).
 */
export function costTargetStatus(
  costPct: number | null,
  targetCostPct: number,
  lowCoverage: boolean,
): CostTargetStatus {
  if (lowCoverage) return 'low_coverage';
  return costPct !== null && costPct >= targetCostPct ? 'reached' : 'not_reached';
}

/**
 * One point per month from the programme's start to its end (widened to any month with data),
 * with the month's approvals and implementations and the running totals toward the targets.
 */
export function series(t: LedgerTotals, programme: ProgrammeInfo): SeriesPoint[] {
  const withData = [...t.months.keys()];
  const from = Math.min(monthOf(programme.startDate), ...withData);
  const to = Math.max(monthOf(programme.endDate), ...withData);
  const running = { approved: zero(), implemented: zero() };
  return monthsBetween(from, to).map((m) => {
    const at = t.months.get(m) ?? { approved: zero(), implemented: zero() };
    for (const k of ['approved', 'implemented'] as const) {
      running[k].n += at[k].n;
      running[k].amount = running[k].amount.add(at[k].amount);
    }
    return {
      month: monthLabel(m),
      approved: { count: count(at.approved.n), savings: money(at.approved.amount) },
      implemented: { count: count(at.implemented.n), savings: money(at.implemented.amount) },
      cumulative: {
        approved: {
          count: count(running.approved.n),
          savings: money(running.approved.amount),
          ...shares(running.approved, t.baseline),
        },
        implemented: {
          count: count(running.implemented.n),
          savings: money(running.implemented.amount),
          ...shares(running.implemented, t.baseline),
        },
      },
    };
  });
}

/** Whole calendar days (Asia/Ho_Chi_Minh) from the deadline's day to today's; never negative. */
export function daysOverdue(deadline: Date, now: Date): number {
  return Math.max(0, vietnamDayNumber(now) - vietnamDayNumber(deadline));
}

/** The fields of a stored estimate the ledger reads. */
export interface EstimateFacts {
  subjectType: string;
  costKind: string;
  /** The exact annual cost, "n/d" or an integer. */
  annualCostExact: string;
}

/** Only recurring costs borne by businesses count toward the cost target (domain.md §4). */
export function businessRecurringCost(e: EstimateFacts | null): Rational {
  return e && e.subjectType === 'business' && e.costKind === 'recurring'
    ? Rational.parse(e.annualCostExact)
    : Rational.ZERO;
}

/**
 * Savings toward the cost target of one regulation (the same rule as progress_savings in SQL):
 * recurring business baseline − recurring business proposed, abolish ⇒ 0, rounded once. Null
 * without a plan, without a baseline, or without a proposed estimate for a plan that keeps it.
 */
export function targetSavings(
  baseline: EstimateFacts | null,
  proposed: EstimateFacts | null,
  planAction: string | null,
): string | null {
  if (!planAction || !baseline) return null;
  const abolish = planAction === 'abolish';
  if (!abolish && !proposed) return null;
  const saved = businessRecurringCost(baseline).sub(
    abolish ? Rational.ZERO : businessRecurringCost(proposed),
  );
  return roundVnd(saved);
}
