import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The `job_run` table: one row per user-visible background job (rows as stored, snake_case). */
@Injectable()
export class JobRunRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    manager: EntityManager,
    row: {
      id: string;
      kind: string;
      payload: Record<string, unknown>;
      createdBy: string | null;
      agencyId: string | null;
      createdAt: Date;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO job_run (id, kind, payload, created_by, agency_id, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [row.id, row.kind, JSON.stringify(row.payload), row.createdBy, row.agencyId, row.createdAt],
    );
  }

  async find(id: string): Promise<Record<string, any> | null> {
    const rows = await this.dataSource.query(`SELECT * FROM job_run WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /**
   * Marks the job running if it is queued, or running with a heartbeat older than `staleBefore`
   * and fewer than `maxAttempts` attempts (its process died). The claimed row, or null.
   */
  async claim(
    id: string,
    now: Date,
    staleBefore: Date,
    maxAttempts: number,
  ): Promise<Record<string, any> | null> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [claimed]: [Array<Record<string, any>>, number] = await this.dataSource.query(
      `UPDATE job_run SET status = 'running', started_at = coalesce(started_at, $2),
              heartbeat_at = $2, attempts = attempts + 1
        WHERE id = $1 AND (status = 'queued' OR (status = 'running' AND heartbeat_at < $3 AND attempts < $4))
        RETURNING *`,
      [id, now, staleBefore, maxAttempts],
    );
    return claimed[0] ?? null;
  }

  async heartbeat(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_run SET heartbeat_at = $2 WHERE id = $1 AND status = 'running'`,
      [id, at],
    );
  }

  async succeed(id: string, result: unknown, at: Date): Promise<void> {
    await this.dataSource.query(
      // A finished job has done all it counted, whatever progress it last had time to write.
      `UPDATE job_run SET status = 'succeeded', result = $2, finished_at = $3,
          progress_done = coalesce(progress_total, progress_done) WHERE id = $1`,
      [id, JSON.stringify(result ?? {}), at],
    );
  }

  /** `result` null keeps what the job stored. */
  async fail(id: string, error: string, at: Date, result: unknown | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_run SET status = 'failed', error = $2, finished_at = $3, result = coalesce($4, result)
        WHERE id = $1`,
      [id, error, at, result === null ? null : JSON.stringify(result)],
    );
  }

  /** Fails a running job whose heartbeat died after `maxAttempts` attempts; what was failed. */
  async failCrashed(
    id: string,
    error: string,
    now: Date,
    staleBefore: Date,
    maxAttempts: number,
  ): Promise<{ kind: string; attempts: number } | null> {
    const [failed]: [Array<{ kind: string; attempts: number }>, number] =
      await this.dataSource.query(
        `UPDATE job_run SET status = 'failed', error = $2, finished_at = $3
        WHERE id = $1 AND status = 'running' AND heartbeat_at < $4 AND attempts >= $5
        RETURNING kind, attempts`,
        [id, error, now, staleBefore, maxAttempts],
      );
    return failed[0] ?? null;
  }

  async progress(id: string, done: number, total: number | null, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE job_run SET progress_done = $2, progress_total = coalesce($3, progress_total), heartbeat_at = $4
        WHERE id = $1`,
      [id, done, total, at],
    );
  }

  /** Jobs queued before `queuedBefore`, or running with a heartbeat older than `staleBefore`. */
  async lost(queuedBefore: Date, staleBefore: Date): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM job_run
        WHERE (status = 'queued' AND created_at < $1) OR (status = 'running' AND heartbeat_at < $2)
        ORDER BY created_at LIMIT 500`,
      [queuedBefore, staleBefore],
    );
    return rows.map((r) => r.id);
  }
}
