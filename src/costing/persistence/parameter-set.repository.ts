import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** cost_parameter_set and its history (rows as stored, snake_case). */
@Injectable()
export class ParameterSetRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest year first, the years before `beforeYear` when given. */
  page(beforeYear: number | null, limit: number): Promise<Array<Record<string, any>>> {
    return this.dataSource.query(
      `SELECT * FROM cost_parameter_set WHERE ($1::int IS NULL OR year < $1::int)
        ORDER BY year DESC LIMIT $2`,
      [beforeYear, limit],
    );
  }

  async find(
    m: EntityManager,
    id: string,
    lock: '' | 'FOR UPDATE' | 'FOR SHARE' = '',
  ): Promise<Record<string, any> | undefined> {
    const rows = await m.query(`SELECT * FROM cost_parameter_set WHERE id = $1 ${lock}`, [id]);
    return rows[0];
  }

  /** The set's year and version, or undefined (outside any transaction). */
  async yearAndVersion(id: string): Promise<{ year: number; version: number } | undefined> {
    const [set] = await this.dataSource.query(
      `SELECT year, version FROM cost_parameter_set WHERE id = $1`,
      [id],
    );
    return set;
  }

  async yearTaken(m: EntityManager, year: number): Promise<boolean> {
    const rows = await m.query(`SELECT 1 FROM cost_parameter_set WHERE year = $1`, [year]);
    return rows.length > 0;
  }

  /** `columns`: year, hourly rate, income, months, days, hours, exact rate (in that order). */
  async insert(
    m: EntityManager,
    id: string,
    columns: unknown[],
    at: Date,
    source: string | null,
  ): Promise<void> {
    await m.query(
      `INSERT INTO cost_parameter_set (id, year, hourly_rate, annual_income_per_capita, months_per_year,
         working_days_per_month, hours_per_day, hourly_rate_exact, version, created_at, updated_at,
         source)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, $9, $9, $10)`,
      [id, ...columns, at, source],
    );
  }

  async update(
    m: EntityManager,
    id: string,
    columns: unknown[],
    version: number,
    at: Date,
    source: string | null,
  ): Promise<void> {
    await m.query(
      `UPDATE cost_parameter_set SET year = $2, hourly_rate = $3, annual_income_per_capita = $4,
         months_per_year = $5, working_days_per_month = $6, hours_per_day = $7,
         hourly_rate_exact = $8, version = $9, updated_at = $10, source = $11
       WHERE id = $1`,
      [id, ...columns, version, at, source],
    );
  }

  /** Only the note on where the figures come from (a new version, the figures unchanged). */
  async setSource(
    m: EntityManager,
    id: string,
    source: string | null,
    version: number,
    at: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE cost_parameter_set SET source = $2, version = $3, updated_at = $4 WHERE id = $1`,
      [id, source, version, at],
    );
  }

  /** How many estimates, and stored estimate versions, use the set. */
  async usage(m: EntityManager, id: string): Promise<{ estimates: number; versions: number }> {
    const [use] = await m.query(
      `SELECT (SELECT count(*) FROM cost_estimate WHERE parameter_set_id = $1)::int AS estimates,
              (SELECT count(*) FROM cost_estimate_history WHERE parameter_set_id = $1)::int AS versions`,
      [id],
    );
    return use;
  }

  /** The set and its history. */
  async delete(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM cost_parameter_set_history WHERE parameter_set_id = $1`, [id]);
    await m.query(`DELETE FROM cost_parameter_set WHERE id = $1`, [id]);
  }

  async insertHistory(
    m: EntityManager,
    h: { id: string; version: number; values: unknown; changedBy: string | null; at: Date },
  ): Promise<void> {
    await m.query(
      `INSERT INTO cost_parameter_set_history (parameter_set_id, version, values, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5)`,
      [h.id, h.version, JSON.stringify(h.values), h.changedBy, h.at],
    );
  }

  history(id: string): Promise<Array<Record<string, any>>> {
    return this.dataSource.query(
      `SELECT version, values, changed_by, changed_at FROM cost_parameter_set_history
        WHERE parameter_set_id = $1 ORDER BY version`,
      [id],
    );
  }
}
