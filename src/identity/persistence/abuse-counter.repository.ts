import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** The `abuse_counter` rows: one per (bucket, fixed window); each hit is one atomic upsert. */
@Injectable()
export class AbuseCounterRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one hit in the window and returns the window's count so far (this hit included). */
  async hit(
    bucket: string,
    windowStart: Date,
    forgetBefore: Date,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<number> {
    // Old windows of this bucket are dropped as it is used, so the table stays small.
    await manager.query(`DELETE FROM abuse_counter WHERE bucket = $1 AND window_start < $2`, [
      bucket,
      forgetBefore,
    ]);
    const [row] = await manager.query(
      `INSERT INTO abuse_counter (bucket, window_start, hits) VALUES ($1, $2, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET hits = abuse_counter.hits + 1
       RETURNING hits`,
      [bucket, windowStart],
    );
    return Number(row.hits);
  }
}
