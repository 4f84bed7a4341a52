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

/** `regulation_plan` writes (reads are CostingReader's, with the estimates). */
@Injectable()
export class PlanRepository {
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
