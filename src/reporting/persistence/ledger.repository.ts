import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The ledger's SQL functions and checks (migration 1764190600000-Reporting): refresh, compact and
 * rebuild the deltas, and compare them with a from-scratch recomputation.
 */
@Injectable()
export class LedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** max id − min id + 1 of the deltas: two index probes, no count. */
  async deltaSpan(): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT coalesce(max(id) - min(id) + 1, 0) AS span FROM progress_delta`,
    );
    return Number(row.span);
  }

  /** Recomputes these regulations' lines and writes the deltas; how many delta rows. */
  async refresh(m: EntityManager, regulationIds: string[]): Promise<number> {
    const [row] = await m.query(`SELECT progress_refresh($1::uuid[]) AS written`, [regulationIds]);
    return Number(row.written);
  }

  async tryTransactionLock(m: EntityManager, key: number): Promise<boolean> {
    const [lock] = await m.query(`SELECT pg_try_advisory_xact_lock($1) AS got`, [key]);
    return lock.got === true;
  }

  /** Folds the deltas into one row per key; how many rows are kept. */
  async compact(m: EntityManager): Promise<number> {
    const [row] = await m.query(`SELECT progress_compact() AS kept`);
    return Number(row.kept);
  }

  /** Recomputes every line and aggregate; how many lines. */
  async rebuild(m: EntityManager): Promise<number> {
    const [row] = await m.query(`SELECT progress_rebuild() AS lines`);
    return Number(row.lines);
  }

  async freshLineCount(m: EntityManager): Promise<number> {
    const [{ regulations }] = await m.query(
      `SELECT count(*)::int AS regulations FROM progress_line_fresh`,
    );
    return Number(regulations);
  }

  /** Up to 20 stored lines that differ from a recomputation, each with the total count. */
  staleLines(m: EntityManager): Promise<Array<{ regulation_id: string; total: number }>> {
    return m.query(`
        SELECT coalesce(f.regulation_id, l.regulation_id) AS regulation_id,
               count(*) OVER ()::int AS total
          FROM progress_line_fresh f
          FULL JOIN progress_line l ON l.regulation_id = f.regulation_id
         WHERE (f.agency_id, f.stage, f.overdue, f.baseline_programme_ids, f.costed, f.baseline_cost,
                f.plan_programme_id, f.plan_action, f.savings, f.approved_on, f.implemented_on,
                f.implementation_deadline)
               IS DISTINCT FROM
               (l.agency_id, l.stage, l.overdue, l.baseline_programme_ids, l.costed, l.baseline_cost,
                l.plan_programme_id, l.plan_action, l.savings, l.approved_on, l.implemented_on,
                l.implementation_deadline)
         ORDER BY 1
         LIMIT 20`);
  }

  /** Aggregate keys whose summed deltas differ from a recomputation (rows as stored). */
  aggregateDifferences(
    m: EntityManager,
    programmeId: string | null,
  ): Promise<Array<Record<string, any>>> {
    return m.query(
      `WITH expected AS (
         SELECT c_programme_id AS programme_id, c_agency_id AS agency_id, c_bucket AS bucket,
                c_in_baseline AS in_baseline, c_month AS month,
                sum(c_n) AS n, sum(c_costed) AS costed, sum(c_amount) AS amount
           FROM progress_line_fresh f, LATERAL progress_contributions(
             f.agency_id, f.stage, f.overdue, f.baseline_programme_ids, f.costed, f.baseline_cost,
             f.plan_programme_id, f.savings, f.approved_on, f.implemented_on) c
          WHERE $1::uuid IS NULL OR c_programme_id = $1
          GROUP BY 1, 2, 3, 4, 5
       ), actual AS (
         SELECT programme_id, agency_id, bucket::text AS bucket, in_baseline, month,
                sum(n) AS n, sum(costed) AS costed, sum(amount) AS amount
           FROM progress_delta
          WHERE $1::uuid IS NULL OR programme_id = $1
          GROUP BY 1, 2, 3, 4, 5
       )
       SELECT programme_id, g.code AS programme_code, agency_id, bucket, in_baseline, month,
              coalesce(e.n, 0)::text AS expected_n, coalesce(e.costed, 0)::text AS expected_costed,
              coalesce(e.amount, 0)::text AS expected_amount,
              coalesce(a.n, 0)::text AS actual_n, coalesce(a.costed, 0)::text AS actual_costed,
              coalesce(a.amount, 0)::text AS actual_amount
         FROM expected e
         FULL JOIN actual a USING (programme_id, agency_id, bucket, in_baseline, month)
         LEFT JOIN programme g ON g.id = programme_id
        WHERE coalesce(e.n, 0) <> coalesce(a.n, 0)
           OR coalesce(e.costed, 0) <> coalesce(a.costed, 0)
           OR coalesce(e.amount, 0) <> coalesce(a.amount, 0)
        ORDER BY 2, 3, 4, 5, 6
        LIMIT 200`,
      [programmeId],
    );
  }
}
