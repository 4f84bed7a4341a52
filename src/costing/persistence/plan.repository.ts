import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A regulation's simplification plan (phương án đơn giản hóa) as written. */
export interface PlanWrite {
  regulationId: string;
  action: string;
  description: string;
  targetDocument: string | null;
  programmeId: string;
  updatedBy: string | null;
  updatedAt: Date;
}

/** A plan with its programme's code and minimum consultation period (`programme` is the register's). */
const PLAN_SELECT = `
  SELECT p.*, g.code AS programme_code, g.min_consultation_days
    FROM regulation_plan p JOIN programme g ON g.id = p.programme_id`;

/** `regulation_plan` (rows as stored; `plan/plan.view` maps them). */
@Injectable()
export class PlanRepository {
  /** The plans of many regulations at once. */
  ofRegulations(
    m: EntityManager,
    regulationIds: readonly string[],
  ): Promise<Array<Record<string, any>>> {
    return m.query(`${PLAN_SELECT} WHERE p.regulation_id = ANY ($1::uuid[])`, [
      [...new Set(regulationIds)],
    ]);
  }

  async find(m: EntityManager, regulationId: string): Promise<Record<string, any> | null> {
    const rows = await m.query(`${PLAN_SELECT} WHERE p.regulation_id = $1`, [regulationId]);
    return rows[0] ?? null;
  }

  /** Creates the plan at version 1, or replaces it and moves its version on. */
  async upsert(m: EntityManager, p: PlanWrite): Promise<void> {
    await m.query(
      `INSERT INTO regulation_plan (regulation_id, action, description, target_document, programme_id, version, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, 1, $6, $7)
       ON CONFLICT (regulation_id) DO UPDATE SET action = EXCLUDED.action,
         description = EXCLUDED.description, target_document = EXCLUDED.target_document,
         programme_id = EXCLUDED.programme_id, version = regulation_plan.version + 1,
         updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [
        p.regulationId,
        p.action,
        p.description,
        p.targetDocument,
        p.programmeId,
        p.updatedBy,
        p.updatedAt,
      ],
    );
  }
}
