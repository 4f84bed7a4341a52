import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { StoredCostEffect } from '../domain/cost-effect';
import type { Disposition } from '../domain/feedback-rules';

/** One answer to save: the current row (upserted) and its history entry. */
export interface SavedAnswer {
  feedbackId: string;
  regulationId: string;
  version: number;
  disposition: Disposition;
  explanation: string;
  reEstimateValue: string | null;
  /** The effect on the savings shown with the answer. */
  costEffect: StoredCostEffect | null;
  /** The estimate write this version made (history only). */
  estimateWrite: StoredCostEffect | null;
  answeredById: string;
  answeredByKind: string;
  answeredByUserId: string | null;
  answeredAt: Date;
}

/** Answers to feedback (phản hồi/giải trình) and their history, raw SQL on the caller's manager. */
@Injectable()
export class ResponseRepository {
  async save(manager: EntityManager, a: SavedAnswer): Promise<void> {
    const by = [a.answeredById, a.answeredByKind, a.answeredByUserId];
    await manager.query(
      `INSERT INTO feedback_response (feedback_id, regulation_id, version, disposition, explanation,
         re_estimate_value, cost_effect, answered_by_id, answered_by_kind, answered_by_user_id,
         answered_at, first_answered_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10, $11, $11)
       ON CONFLICT (feedback_id) DO UPDATE SET version = EXCLUDED.version,
         disposition = EXCLUDED.disposition, explanation = EXCLUDED.explanation,
         re_estimate_value = EXCLUDED.re_estimate_value, cost_effect = EXCLUDED.cost_effect,
         answered_by_id = EXCLUDED.answered_by_id, answered_by_kind = EXCLUDED.answered_by_kind,
         answered_by_user_id = EXCLUDED.answered_by_user_id, answered_at = EXCLUDED.answered_at`,
      [
        a.feedbackId,
        a.regulationId,
        a.version,
        a.disposition,
        a.explanation,
        a.reEstimateValue,
        a.costEffect ? JSON.stringify(a.costEffect) : null,
        ...by,
        a.answeredAt,
      ],
    );
    await manager.query(
      `INSERT INTO feedback_response_history (feedback_id, version, disposition, explanation,
         re_estimate_value, estimate_write, answered_by_id, answered_by_kind, answered_by_user_id,
         answered_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9, $10)`,
      [
        a.feedbackId,
        a.version,
        a.disposition,
        a.explanation,
        a.reEstimateValue,
        a.estimateWrite ? JSON.stringify(a.estimateWrite) : null,
        ...by,
        a.answeredAt,
      ],
    );
  }

  /** The estimate writes of a cycle's answers, in the order they were made (for the report). */
  async estimateWritesOfCycle(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
  ): Promise<StoredCostEffect[]> {
    const writes: Array<{ estimate_write: StoredCostEffect }> = await manager.query(
      `SELECT h.estimate_write FROM feedback_response_history h
         JOIN consultation_feedback f ON f.id = h.feedback_id
        WHERE f.regulation_id = $1 AND f.cycle = $2 AND h.estimate_write IS NOT NULL
        ORDER BY h.seq`,
      [regulationId, cycle],
    );
    return writes.map((w) => w.estimate_write);
  }

  /** The owning agency's name for the report header (no agency port takes a manager yet). */
  async agencyName(manager: EntityManager, agencyId: string): Promise<string | null> {
    const [agency] = await manager.query(`SELECT name FROM agency WHERE id = $1`, [agencyId]);
    return agency?.name ?? null;
  }
}
