import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isUuid } from '../../common/ids';
import type { AgencyInfo, DrillDownBucket } from '../domain/ledger';

/** The drill-down conditions, on `progress_line l` with the programme id as $1. */
const BUCKET_FILTERS: Readonly<Record<DrillDownBucket, string>> = {
  baseline: `$1 = ANY (l.baseline_programme_ids)`,
  pipeline: `l.plan_programme_id = $1 AND l.stage = 'pipeline' AND $1 = ANY (l.baseline_programme_ids)`,
  approved: `l.plan_programme_id = $1 AND l.stage IN ('approved', 'implemented') AND $1 = ANY (l.baseline_programme_ids)`,
  implemented: `l.plan_programme_id = $1 AND l.stage = 'implemented' AND $1 = ANY (l.baseline_programme_ids)`,
  outside: `l.plan_programme_id = $1 AND l.stage IN ('pipeline', 'approved', 'implemented') AND NOT ($1 = ANY (l.baseline_programme_ids))`,
  overdue: `l.plan_programme_id = $1 AND l.stage = 'approved' AND l.overdue`,
};

/** Every regulation a programme's report is about: its baseline and the plans filed under it. */
export const PROGRAMME_LINES = `($1 = ANY (l.baseline_programme_ids) OR l.plan_programme_id = $1)`;

const ITEM_COLUMNS = `
  l.regulation_id, l.agency_id, l.stage, l.overdue, l.costed, l.baseline_cost::text AS baseline_cost,
  l.plan_action, l.savings::text AS savings,
  to_char(l.approved_on, 'YYYY-MM-DD') AS approved_on,
  to_char(l.implemented_on, 'YYYY-MM-DD') AS implemented_on, l.implementation_deadline,
  $1 = ANY (l.baseline_programme_ids) AS in_baseline,
  r.title, r.provision, r.category, r.state_name, d.id AS document_id, d.number AS document_number,
  a.code AS agency_code, a.name AS agency_name, g.code AS plan_programme`;

const ITEM_JOINS = `
  JOIN regulation r ON r.id = l.regulation_id
  JOIN legal_document d ON d.id = r.legal_document_id
  JOIN agency a ON a.id = l.agency_id
  LEFT JOIN programme g ON g.id = l.plan_programme_id`;

/** The ledger's reads (progress_delta, progress_line), rows as stored (snake_case). */
@Injectable()
export class ProgressRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A programme by id or (case-insensitive) code. */
  async programme(key: string): Promise<Record<string, any> | null> {
    const rows = await this.dataSource.query(
      `SELECT id, code, name, to_char(start_date, 'YYYY-MM-DD') AS start_date,
              to_char(end_date, 'YYYY-MM-DD') AS end_date,
              to_char(baseline_date, 'YYYY-MM-DD') AS baseline_date,
              target_count_pct::float8 AS target_count_pct, target_cost_pct::float8 AS target_cost_pct
         FROM programme WHERE ${isUuid(key) ? 'id = $1::uuid' : 'upper(code) = upper($1)'}`,
      [key],
    );
    return rows[0] ?? null;
  }

  async agency(id: string): Promise<AgencyInfo | null> {
    const rows = await this.dataSource.query(`SELECT id, code, name FROM agency WHERE id = $1`, [
      id,
    ]);
    return rows[0] ?? null;
  }

  agencies(ids: string[]): Promise<AgencyInfo[]> {
    return this.dataSource.query(
      `SELECT id, code, name FROM agency WHERE id = ANY ($1::uuid[]) ORDER BY code, id`,
      [ids],
    );
  }

  /** The summed deltas of one programme, for one agency or all of them. */
  aggregateRows(programmeId: string, agencyId: string | null): Promise<Array<Record<string, any>>> {
    return this.dataSource.query(
      `SELECT bucket, in_baseline, month, sum(n)::text AS n, sum(costed)::text AS costed,
              sum(amount)::text AS amount
         FROM progress_delta
        WHERE programme_id = $1 ${agencyId ? 'AND agency_id = $2' : ''}
        GROUP BY bucket, in_baseline, month`,
      agencyId ? [programmeId, agencyId] : [programmeId],
    );
  }

  /** The summed deltas per agency, month-less. */
  aggregateRowsByAgency(
    programmeId: string,
    agencyId: string | null,
  ): Promise<Array<Record<string, any>>> {
    return this.dataSource.query(
      `SELECT agency_id, bucket, in_baseline, sum(n)::text AS n, sum(costed)::text AS costed,
              sum(amount)::text AS amount
         FROM progress_delta
        WHERE programme_id = $1 ${agencyId ? 'AND agency_id = $2' : ''}
        GROUP BY agency_id, bucket, in_baseline
       HAVING sum(n) <> 0 OR sum(amount) <> 0`,
      agencyId ? [programmeId, agencyId] : [programmeId],
    );
  }

  /**
   * The lines behind one figure, by regulation id after `afterId`. `month` (progress_month's
   * number) applies to the approved and implemented buckets.
   */
  items(q: {
    programmeId: string;
    bucket: DrillDownBucket;
    agencyId: string | null;
    month?: number;
    afterId?: string;
    limit: number;
  }): Promise<Array<Record<string, any>>> {
    const params: unknown[] = [q.programmeId];
    const where = [BUCKET_FILTERS[q.bucket]];
    if (q.agencyId) {
      params.push(q.agencyId);
      where.push(`l.agency_id = $${params.length}`);
    }
    if (q.month !== undefined) {
      params.push(q.month);
      const column = q.bucket === 'approved' ? 'l.approved_on' : 'l.implemented_on';
      where.push(`progress_month(${column}) = $${params.length}`);
    }
    if (q.afterId !== undefined) {
      params.push(q.afterId);
      where.push(`l.regulation_id > $${params.length}::uuid`);
    }
    params.push(q.limit);
    return this.dataSource.query(
      `SELECT ${ITEM_COLUMNS} FROM progress_line l ${ITEM_JOINS}
        WHERE ${where.join(' AND ')}
        ORDER BY l.regulation_id LIMIT $${params.length}`,
      params,
    );
  }

  /** One batch of a programme's lines, keyset on (agency id, regulation id). */
  programmeLines(
    programmeId: string,
    agencyId: string | null,
    after: [string, string] | null,
    batch: number,
  ): Promise<Array<Record<string, any>>> {
    const params: unknown[] = [programmeId, batch];
    const where = [PROGRAMME_LINES];
    if (agencyId) {
      params.push(agencyId);
      where.push(`l.agency_id = $${params.length}`);
    }
    if (after) {
      params.push(after[0], after[1]);
      where.push(
        `(l.agency_id, l.regulation_id) > ($${params.length - 1}::uuid, $${params.length}::uuid)`,
      );
    }
    return this.dataSource.query(
      `SELECT ${ITEM_COLUMNS} FROM progress_line l ${ITEM_JOINS}
        WHERE ${where.join(' AND ')}
        ORDER BY l.agency_id, l.regulation_id LIMIT $2`,
      params,
    );
  }

  /** Overdue implementations by deadline, then regulation id, after (deadline, id). */
  overdue(q: {
    agencyId: string | null;
    programmeId: string | null;
    after?: [string, string];
    limit: number;
  }): Promise<Array<Record<string, any>>> {
    const params: unknown[] = [];
    const where = ['l.overdue'];
    if (q.agencyId) {
      params.push(q.agencyId);
      where.push(`l.agency_id = $${params.length}`);
    }
    if (q.programmeId) {
      params.push(q.programmeId);
      where.push(`l.plan_programme_id = $${params.length}`);
    }
    if (q.after) {
      params.push(q.after[0], q.after[1]);
      where.push(
        `(l.implementation_deadline, l.regulation_id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`,
      );
    }
    params.push(q.limit);
    return this.dataSource.query(
      `SELECT l.regulation_id, l.agency_id, l.implementation_deadline, l.savings::text AS savings,
              r.title, r.provision, a.code AS agency_code, a.name AS agency_name,
              g.code AS plan_programme,
              r.workflow_snapshot #>> '{snapshot,context,decision,decisionNumber}' AS decision_number,
              r.workflow_snapshot #>> '{snapshot,context,decision,decisionDate}' AS decision_date,
              r.workflow_snapshot #>> '{snapshot,context,overdueSince}' AS overdue_since
         FROM progress_line l
         JOIN regulation r ON r.id = l.regulation_id
         JOIN agency a ON a.id = l.agency_id
         LEFT JOIN programme g ON g.id = l.plan_programme_id
        WHERE ${where.join(' AND ')}
        ORDER BY l.implementation_deadline, l.regulation_id
        LIMIT $${params.length}`,
      params,
    );
  }
}
