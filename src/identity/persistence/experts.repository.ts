import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** One expert as the directory stores it (app_user, its agency, and its expert_profile). */
export interface ExpertRow {
  id: string;
  fullName: string;
  email: string;
  shareEmail: boolean;
  field: string | null;
  agency: { id: string; code: string; name: string };
}

export interface ExpertSearch {
  search?: string;
  limit: number;
  /** Keyset: (full name, id) of the last row of the previous page. */
  after?: [string, string];
}

const toRow = (r: Record<string, any>): ExpertRow => ({
  id: r.id,
  fullName: r.full_name,
  email: r.email,
  shareEmail: r.share_email === true,
  field: r.field ?? null,
  agency: { id: r.agency_id, code: r.agency_code, name: r.agency_name },
});

/** The expert directory's queries: active users with the role `expert`. */
@Injectable()
export class ExpertsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By name, then id; `search` matches name, field or organisation, ignoring diacritics. */
  async list(q: ExpertSearch): Promise<ExpertRow[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = [`u.role = 'expert'`, `u.active`];
    if (q.search) {
      where.push(
        `search_normalize(u.full_name || ' ' || coalesce(e.field, '') || ' ' || a.name || ' ' || a.code)
           LIKE '%' || search_normalize(${p(q.search)}) || '%'`,
      );
    }
    if (q.after) where.push(`(u.full_name, u.id) > (${p(q.after[0])}, ${p(q.after[1])}::uuid)`);
    const rows = await this.dataSource.query(
      `SELECT u.id, u.full_name, u.email, e.field, coalesce(e.share_email, false) AS share_email,
              a.id AS agency_id, a.code AS agency_code, a.name AS agency_name
         FROM app_user u
         JOIN agency a ON a.id = u.agency_id
         LEFT JOIN expert_profile e ON e.user_id = u.id
        WHERE ${where.join(' AND ')}
        ORDER BY u.full_name, u.id
        LIMIT ${p(q.limit + 1)}`,
      params,
    );
    return rows.map(toRow);
  }

  async find(userId: string, manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.query(
      `SELECT u.id, u.full_name, u.email, e.field, coalesce(e.share_email, false) AS share_email,
              a.id AS agency_id, a.code AS agency_code, a.name AS agency_name
         FROM app_user u
         JOIN agency a ON a.id = u.agency_id
         LEFT JOIN expert_profile e ON e.user_id = u.id
        WHERE u.id = $1 AND u.role = 'expert'`,
      [userId],
    );
    return rows.length ? toRow(rows[0]) : null;
  }

  /** Which of these ids are active users with the role `expert`. */
  async activeAmong(ids: string[], manager: EntityManager = this.dataSource.manager) {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM app_user WHERE id = ANY($1::uuid[]) AND role = 'expert' AND active`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  /** Writes the fields given (undefined keeps the stored value), in one statement. */
  async saveProfile(
    userId: string,
    profile: { field?: string | null; shareEmail?: boolean },
    at: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO expert_profile (user_id, field, share_email, updated_at)
       VALUES ($1, $2, coalesce($3, false), $4)
       ON CONFLICT (user_id) DO UPDATE SET
         field = CASE WHEN $5 THEN EXCLUDED.field ELSE expert_profile.field END,
         share_email = coalesce($3, expert_profile.share_email),
         updated_at = EXCLUDED.updated_at`,
      [userId, profile.field ?? null, profile.shareEmail ?? null, at, profile.field !== undefined],
    );
  }
}
