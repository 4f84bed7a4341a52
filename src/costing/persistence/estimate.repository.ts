import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** `cost_estimate` (rows as stored, snake_case; `shared/rows` maps them). */
@Injectable()
export class EstimateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Both estimates of a regulation (baseline, proposed), whichever exist. */
  ofRegulation(m: EntityManager, regulationId: string): Promise<Array<Record<string, any>>> {
    return m.query(`SELECT * FROM cost_estimate WHERE regulation_id = $1`, [regulationId]);
  }

  /** Only the kind and inputs of a regulation's estimates (the consultation's evidence summary). */
  inputsOf(
    regulationId: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ kind: string; inputs: unknown }>> {
    return m.query(`SELECT kind, inputs FROM cost_estimate WHERE regulation_id = $1`, [
      regulationId,
    ]);
  }

  async find(
    m: EntityManager,
    regulationId: string,
    kind: string,
  ): Promise<Record<string, any> | null> {
    const rows = await m.query(
      `SELECT * FROM cost_estimate WHERE regulation_id = $1 AND kind = $2`,
      [regulationId, kind],
    );
    return rows[0] ?? null;
  }

  /** The regulations the given estimates belong to. */
  async owners(m: EntityManager, estimateIds: string[]): Promise<string[]> {
    const owners: Array<{ regulation_id: string }> = await m.query(
      `SELECT DISTINCT regulation_id FROM cost_estimate WHERE id = ANY($1::uuid[])`,
      [estimateIds],
    );
    return owners.map((o) => o.regulation_id);
  }

  /** Those of the given estimates that still use the parameter set, by id. */
  usingSet(
    m: EntityManager,
    estimateIds: string[],
    parameterSetId: string,
  ): Promise<Array<Record<string, any>>> {
    return m.query(
      `SELECT * FROM cost_estimate WHERE id = ANY($1::uuid[]) AND parameter_set_id = $2 ORDER BY id`,
      [estimateIds, parameterSetId],
    );
  }

  async countUsingSet(parameterSetId: string): Promise<number> {
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM cost_estimate WHERE parameter_set_id = $1`,
      [parameterSetId],
    );
    return total;
  }

  /** Keyset over (parameter_set_id, id): the ids after `after`, each batch as cheap as the first. */
  async idsUsingSet(
    parameterSetId: string,
    after: string | null,
    limit: number,
  ): Promise<string[]> {
    return (
      await this.dataSource.query(
        `SELECT id FROM cost_estimate WHERE parameter_set_id = $1 AND ($2::uuid IS NULL OR id > $2::uuid)
            ORDER BY id LIMIT $3`,
        [parameterSetId, after, limit],
      )
    ).map((r: { id: string }) => r.id);
  }

  /**
   * The workflow guards' facts in one read: whether each estimate exists, and the plan with its
   * programme (`programme` is the register's table, read here with the plan it belongs to).
   */
  async facts(m: EntityManager, regulationId: string): Promise<Record<string, any>> {
    const [r] = await m.query(
      `SELECT
         EXISTS (SELECT 1 FROM cost_estimate WHERE regulation_id = $1 AND kind = 'baseline') AS baseline,
         EXISTS (SELECT 1 FROM cost_estimate WHERE regulation_id = $1 AND kind = 'proposed') AS proposed,
         p.action, p.programme_id, g.code AS programme_code, g.min_consultation_days,
         to_char(g.end_date, 'YYYY-MM-DD') AS programme_end_date
       FROM (SELECT 1) one
       LEFT JOIN regulation_plan p ON p.regulation_id = $1
       LEFT JOIN programme g ON g.id = p.programme_id`,
      [regulationId],
    );
    return r;
  }

  /**
   * One round trip per batch: update the existing estimates (insert the new ones), version + 1,
   * and append one history row for each. Only the new versions come back; the rest is known to
   * the caller. `records`: the columns of cost_estimate plus `existing`, `source`, `feedback_id`.
   */
  upsertVersions(
    m: EntityManager,
    records: readonly object[],
    now: Date,
  ): Promise<Array<{ id: string; regulation_id: string; kind: string; version: number }>> {
    return m.query(
      `WITH x AS (
           SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(
             id uuid, existing boolean, regulation_id uuid, kind varchar, parameter_set_id uuid,
             subject_type varchar, cost_kind varchar, inputs jsonb, results jsonb, unit_cost numeric,
             annual_cost numeric, annual_cost_low numeric, annual_cost_high numeric,
             annual_cost_exact varchar, reason text, updated_by uuid, source varchar, feedback_id uuid)
         ), changed AS (
           UPDATE cost_estimate e SET parameter_set_id = x.parameter_set_id,
             subject_type = x.subject_type, cost_kind = x.cost_kind, inputs = x.inputs,
             results = x.results, unit_cost = x.unit_cost, annual_cost = x.annual_cost,
             annual_cost_low = x.annual_cost_low, annual_cost_high = x.annual_cost_high,
             annual_cost_exact = x.annual_cost_exact, version = e.version + 1, reason = x.reason,
             updated_by = x.updated_by, updated_at = $2
           FROM x WHERE x.existing AND e.id = x.id
           RETURNING e.id, e.regulation_id, e.kind, e.version, e.parameter_set_id, e.inputs,
             e.results, e.annual_cost
         ), created AS (
           -- New estimates; ON CONFLICT keeps this safe even for a caller that did not lock.
           INSERT INTO cost_estimate (id, regulation_id, kind, parameter_set_id, subject_type,
             cost_kind, inputs, results, unit_cost, annual_cost, annual_cost_low, annual_cost_high,
             annual_cost_exact, version, reason, updated_by, updated_at)
           SELECT id, regulation_id, kind, parameter_set_id, subject_type, cost_kind, inputs,
             results, unit_cost, annual_cost, annual_cost_low, annual_cost_high, annual_cost_exact,
             1, reason, updated_by, $2
           FROM x WHERE NOT x.existing
           ON CONFLICT (regulation_id, kind) DO UPDATE SET
             parameter_set_id = EXCLUDED.parameter_set_id, subject_type = EXCLUDED.subject_type,
             cost_kind = EXCLUDED.cost_kind, inputs = EXCLUDED.inputs, results = EXCLUDED.results,
             unit_cost = EXCLUDED.unit_cost, annual_cost = EXCLUDED.annual_cost,
             annual_cost_low = EXCLUDED.annual_cost_low,
             annual_cost_high = EXCLUDED.annual_cost_high,
             annual_cost_exact = EXCLUDED.annual_cost_exact, version = cost_estimate.version + 1,
             reason = EXCLUDED.reason, updated_by = EXCLUDED.updated_by,
             updated_at = EXCLUDED.updated_at
           RETURNING id, regulation_id, kind, version, parameter_set_id, inputs, results, annual_cost
         ), up AS (
           SELECT * FROM changed UNION ALL SELECT * FROM created
         ), history AS (
           INSERT INTO cost_estimate_history (estimate_id, regulation_id, kind, version,
             parameter_set_id, inputs, results, annual_cost, source, reason, feedback_id,
             changed_by, changed_at)
           SELECT up.id, up.regulation_id, up.kind, up.version, up.parameter_set_id, up.inputs,
             up.results, up.annual_cost, x.source, x.reason, x.feedback_id, x.updated_by, $2
           FROM up JOIN x ON x.regulation_id = up.regulation_id AND x.kind = up.kind
         )
         SELECT id, regulation_id, kind, version FROM up`,
      [JSON.stringify(records), now],
    );
  }
}
