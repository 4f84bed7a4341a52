import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** Read port on feedback for other modules (the "my tasks" list). */
@Injectable()
export class FeedbackTasksReader {
  constructor(private readonly dataSource: DataSource) {}

  /** Per regulation: items of its latest cycle that have no answer yet. */
  async unansweredCounts(regulationIds: readonly string[]): Promise<Map<string, number>> {
    if (regulationIds.length === 0) return new Map();
    const rows: Array<{ regulation_id: string; n: number }> = await this.dataSource.query(
      `SELECT f.regulation_id, count(*)::int AS n FROM consultation_feedback f
        WHERE f.regulation_id = ANY ($1::uuid[])
          AND f.cycle = (SELECT max(cycle) FROM consultation_round c
                          WHERE c.regulation_id = f.regulation_id)
          AND NOT EXISTS (SELECT 1 FROM feedback_response r WHERE r.feedback_id = f.id)
        GROUP BY f.regulation_id`,
      [[...new Set(regulationIds)]],
    );
    return new Map(rows.map((r) => [r.regulation_id, Number(r.n)]));
  }

  /** Which of `roundIds` the author has given feedback in. */
  async roundsWithFeedbackBy(
    authorId: string,
    roundIds: readonly string[],
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Set<string>> {
    if (roundIds.length === 0) return new Set();
    const rows: Array<{ round_id: string }> = await manager.query(
      `SELECT DISTINCT round_id FROM consultation_feedback
        WHERE author_id = $1 AND round_id = ANY ($2::uuid[])`,
      [authorId, [...new Set(roundIds)]],
    );
    return new Set(rows.map((r) => r.round_id));
  }
}
