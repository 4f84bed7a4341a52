import { Injectable } from '@nestjs/common';
import { Clock } from '../../common/clock';
import { decodeCursor, Page, toPage } from '../../common/pagination';
import { ValidationProblem } from '../../common/problem';
import { Principal } from '../../identity/domain/principal';
import {
  AgencyInfo,
  AggregateRow,
  buildProgress,
  daysOverdue,
  DrillDownBucket,
  monthOf,
  ProgrammeInfo,
  ProgressReport,
} from '../domain/ledger';
import { ProgrammesService } from '../../register/programmes/programmes.service';
import { NationalProgress, nationalProgress } from '../domain/national-progress';
import { overdueScope, progressScope, requireScope } from '../domain/report-access';
import { OverdueQuery, ProgressItemsQuery, ProgressQuery } from './progress.dto';
import { isUuid } from '../../common/ids';
import { ProgressRepository } from '../persistence/progress.repository';

/** One regulation behind a figure (`GET /reports/progress/items`, the workbook's list). */
export interface ProgressItem {
  regulationId: string;
  title: string;
  provision: string;
  category: string;
  stateName: string;
  agency: AgencyInfo;
  legalDocument: { id: string; number: string };
  /** In the programme's baseline (counts toward its targets). */
  inBaseline: boolean;
  /** Has a baseline estimate. */
  costed: boolean;
  /** Recurring business baseline annual cost (whole VND; 0 when not a recurring business cost). */
  baselineCost: string;
  planAction: string | null;
  /** The programme the plan is filed under (code). */
  planProgramme: string | null;
  /** Savings toward the cost target (whole VND), null without a plan. */
  savings: string | null;
  approvedOn: string | null;
  implementedOn: string | null;
  implementationDeadline: string | null;
  overdue: boolean;
}

export interface OverdueItem {
  regulationId: string;
  title: string;
  provision: string;
  agency: AgencyInfo;
  decision: { number: string | null; date: string | null };
  implementationDeadline: string;
  /** Overdue since the deadline passed (the deadline itself, not when the timer fired). */
  overdueSince: string;
  /** When the durable timer recorded the overdue state. */
  overdueRecordedAt: string | null;
  /** Whole calendar days (Asia/Ho_Chi_Minh) since the deadline's day. */
  daysOverdue: number;
  planProgramme: string | null;
  savings: string | null;
}

export function toProgressItem(r: Record<string, any>): ProgressItem {
  return {
    regulationId: r.regulation_id,
    title: r.title,
    provision: r.provision,
    category: r.category,
    stateName: r.state_name,
    agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
    legalDocument: { id: r.document_id, number: r.document_number },
    inBaseline: r.in_baseline,
    costed: r.costed,
    baselineCost: r.baseline_cost,
    planAction: r.plan_action,
    planProgramme: r.plan_programme,
    savings: r.savings,
    approvedOn: r.approved_on,
    implementedOn: r.implemented_on,
    implementationDeadline: r.implementation_deadline
      ? new Date(r.implementation_deadline).toISOString()
      : null,
    overdue: r.overdue,
  };
}

/** Reads of the targets ledger: the report, its drill-downs and the overdue implementations. */
@Injectable()
export class ProgressService {
  constructor(
    private readonly ledger: ProgressRepository,
    private readonly clock: Clock,
    private readonly programmes: ProgrammesService,
  ) {}

  /**
   * The published national figures (public): one programme, or every programme in the order
   * they started. Never an agency's figures: those stay behind progressScope.
   */
  async national(ref?: string): Promise<NationalProgress[]> {
    const programmes: ProgrammeInfo[] = ref
      ? [await this.programme(ref)]
      : await this.programmes.list();
    const asOf = this.clock.now();
    return Promise.all(
      programmes.map(async (programme) =>
        nationalProgress(
          buildProgress(await this.aggregateRows(programme.id, null), {
            programme,
            agency: null,
            asOf,
            withoutSeries: true,
            itemsUrl: () => '',
          }),
        ),
      ),
    );
  }

  /** A programme by code (case-insensitive) or id; 400 naming `programme` when unknown. */
  async programme(ref: string, field = 'programme'): Promise<ProgrammeInfo> {
    const key = ref.trim();
    const p = await this.ledger.programme(key);
    if (!p) {
      throw new ValidationProblem([{ field, message: `no programme has the code or id "${key}"` }]);
    }
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      startDate: p.start_date,
      endDate: p.end_date,
      baselineDate: p.baseline_date,
      targetCountPct: Number(p.target_count_pct),
      targetCostPct: Number(p.target_cost_pct),
    };
  }

  async agency(id: string): Promise<AgencyInfo> {
    const agency = await this.ledger.agency(id);
    if (!agency) {
      throw new ValidationProblem([{ field: 'agencyId', message: 'no agency has this id' }]);
    }
    return agency;
  }

  /** Who may see what, then the programme and the agency (400 for unknown ones). */
  async resolve(
    p: Principal,
    q: { programme: string; agencyId?: string },
  ): Promise<{ programme: ProgrammeInfo; agency: AgencyInfo | null }> {
    const agencyId = requireScope(progressScope(p, q.agencyId));
    const programme = await this.programme(q.programme);
    const agency = agencyId ? await this.agency(agencyId) : null;
    return { programme, agency };
  }

  async report(p: Principal, q: ProgressQuery): Promise<ProgressReport> {
    const { programme, agency } = await this.resolve(p, q);
    const rows = await this.aggregateRows(programme.id, agency?.id ?? null);
    return buildProgress(rows, {
      programme,
      agency,
      asOf: this.clock.now(),
      itemsUrl: (bucket) => itemsUrl(programme.code, agency?.id ?? null, bucket),
    });
  }

  /** The summed deltas of one programme, for one agency or all of them. */
  async aggregateRows(programmeId: string, agencyId: string | null): Promise<AggregateRow[]> {
    const rows = await this.ledger.aggregateRows(programmeId, agencyId);
    return rows.map(toAggregateRow);
  }

  /** The summed deltas per agency (month-less: for the workbook's summary rows). */
  async aggregateRowsByAgency(
    programmeId: string,
    agencyId: string | null,
  ): Promise<Map<string, AggregateRow[]>> {
    const rows = await this.ledger.aggregateRowsByAgency(programmeId, agencyId);
    const out = new Map<string, AggregateRow[]>();
    for (const r of rows) {
      const list = out.get(r.agency_id) ?? [];
      list.push(toAggregateRow({ ...r, month: 0 }));
      out.set(r.agency_id, list);
    }
    return out;
  }

  async agencies(ids: string[]): Promise<AgencyInfo[]> {
    if (ids.length === 0) return [];
    return this.ledger.agencies(ids);
  }

  /** The regulations behind one figure, in regulation id order (keyset paging). */
  async items(p: Principal, q: ProgressItemsQuery): Promise<Page<ProgressItem>> {
    const { programme, agency } = await this.resolve(p, q);
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 1);
    if (q.month !== undefined) {
      if (q.bucket !== 'approved' && q.bucket !== 'implemented') {
        throw new ValidationProblem([
          { field: 'month', message: 'applies only to the approved and implemented buckets' },
        ]);
      }
    }
    if (after) {
      if (typeof after[0] !== 'string' || !isUuid(after[0])) throw badCursor();
    }
    const rows = await this.ledger.items({
      programmeId: programme.id,
      bucket: q.bucket,
      agencyId: agency?.id ?? null,
      month: q.month !== undefined ? monthOf(q.month) : undefined,
      afterId: after ? (after[0] as string) : undefined,
      limit: limit + 1,
    });
    return toPage(rows, limit, toProgressItem, (r) => [r.regulation_id]);
  }

  /**
   * Every regulation of a programme's report (its baseline and the plans filed under it), a batch
   * at a time, for the workbook: memory stays flat at national scale.
   */
  async *programmeLines(
    programmeId: string,
    agencyId: string | null,
    batch = 2000,
  ): AsyncGenerator<ProgressItem[]> {
    // Grouped by agency: keyset on (agency id, regulation id), which progress_line_agency indexes.
    let after: [string, string] | null = null;
    for (;;) {
      const rows = await this.ledger.programmeLines(programmeId, agencyId, after, batch);
      if (rows.length === 0) return;
      yield rows.map(toProgressItem);
      const last = rows[rows.length - 1];
      after = [last.agency_id, last.regulation_id];
      if (rows.length < batch) return;
    }
  }

  /** Implementations in implementing.overdue, most overdue first. */
  async overdue(p: Principal, q: OverdueQuery): Promise<Page<OverdueItem>> {
    const agencyId = requireScope(overdueScope(p, q.agencyId));
    if (agencyId) await this.agency(agencyId);
    const programme = q.programme ? await this.programme(q.programme) : null;
    const limit = q.limit ?? 50;
    const after = decodeCursor(q.cursor, 2);
    if (after) {
      if (
        typeof after[0] !== 'string' ||
        Number.isNaN(Date.parse(after[0])) ||
        typeof after[1] !== 'string' ||
        !isUuid(after[1])
      ) {
        throw badCursor();
      }
    }
    const rows = await this.ledger.overdue({
      agencyId: agencyId ?? null,
      programmeId: programme?.id ?? null,
      after: after ? [after[0] as string, after[1] as string] : undefined,
      limit: limit + 1,
    });
    const now = this.clock.now();
    return toPage(
      rows,
      limit,
      (r): OverdueItem => {
        const deadline = new Date(r.implementation_deadline);
        return {
          regulationId: r.regulation_id,
          title: r.title,
          provision: r.provision,
          agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
          decision: { number: r.decision_number, date: r.decision_date },
          implementationDeadline: deadline.toISOString(),
          overdueSince: deadline.toISOString(),
          overdueRecordedAt: r.overdue_since,
          daysOverdue: daysOverdue(deadline, now),
          planProgramme: r.plan_programme,
          savings: r.savings,
        };
      },
      (r) => [new Date(r.implementation_deadline).toISOString(), r.regulation_id],
    );
  }
}

export function itemsUrl(
  programmeCode: string,
  agencyId: string | null,
  bucket: DrillDownBucket,
): string {
  const q = new URLSearchParams({ programme: programmeCode });
  if (agencyId) q.set('agencyId', agencyId);
  q.set('bucket', bucket);
  return `/reports/progress/items?${q.toString()}`;
}

function toAggregateRow(r: Record<string, any>): AggregateRow {
  return {
    bucket: r.bucket,
    inBaseline: r.in_baseline,
    month: Number(r.month),
    n: r.n,
    costed: r.costed,
    amount: r.amount,
  };
}

function badCursor() {
  return new ValidationProblem([
    { field: 'cursor', message: 'cursor is not valid; use nextCursor from a previous page' },
  ]);
}
