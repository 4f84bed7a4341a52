import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DueTimer } from '../timers/timer-handler';

/** The `scheduled_timer` table: durable timers, pending until fired, cancelled or failed. */
@Injectable()
export class TimerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    t: { id: string; kind: string; subjectKey: string; payload: unknown; dueAt: Date },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO scheduled_timer (id, kind, subject_key, payload, due_at) VALUES ($1, $2, $3, $4, $5)`,
      [t.id, t.kind, t.subjectKey, JSON.stringify(t.payload), t.dueAt],
    );
  }

  /** Cancels the pending timers of a subject (of one kind, or all); how many. */
  async cancelPending(
    manager: EntityManager,
    subjectKey: string,
    kind: string | null,
  ): Promise<number> {
    const [, affected] = await manager.query(
      `UPDATE scheduled_timer SET status = 'cancelled'
        WHERE subject_key = $1 AND status = 'pending' AND ($2::text IS NULL OR kind = $2)`,
      [subjectKey, kind],
    );
    return Number(affected ?? 0);
  }

  /** Locks a pending timer due by `now`; null when it is not due, not pending or locked elsewhere. */
  async lockDue(manager: EntityManager, id: string, now: Date): Promise<DueTimer | null> {
    const rows: Array<Record<string, any>> = await manager.query(
      `SELECT id, kind, subject_key, payload, due_at FROM scheduled_timer
        WHERE id = $1 AND status = 'pending' AND due_at <= $2
        FOR UPDATE SKIP LOCKED`,
      [id, now],
    );
    if (rows.length === 0) return null;
    const row = rows[0];
    return {
      id: row.id,
      kind: row.kind,
      subjectKey: row.subject_key,
      payload: row.payload ?? {},
      dueAt: new Date(row.due_at),
    };
  }

  async markFired(manager: EntityManager, id: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE scheduled_timer SET status = 'fired', fired_at = $2, attempts = attempts + 1 WHERE id = $1`,
      [id, at],
    );
  }

  /** Counts a failed attempt; the timer is `failed` once it reaches `maxAttempts`. */
  async recordFailure(id: string, error: string, maxAttempts: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE scheduled_timer
          SET attempts = attempts + 1, last_error = $2,
              status = CASE WHEN attempts + 1 >= $3 THEN 'failed' ELSE status END
        WHERE id = $1 AND status = 'pending'`,
      [id, error, maxAttempts],
    );
  }

  async due(now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM scheduled_timer WHERE status = 'pending' AND due_at <= $1
        ORDER BY due_at LIMIT $2`,
      [now, limit],
    );
    return rows.map((r) => r.id);
  }
}
