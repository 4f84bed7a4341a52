import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** `cost_estimate_history`: every stored version of a regulation's estimates. */
@Injectable()
export class EstimateHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** By id after `afterId`, with the name of who changed it (rows as stored). */
  page(q: {
    regulationId: string;
    kind?: string;
    afterId?: string;
    limit: number;
  }): Promise<Array<Record<string, any>>> {
    const params: unknown[] = [q.regulationId, q.limit];
    let where = 'h.regulation_id = $1';
    if (q.kind) {
      params.push(q.kind);
      where += ` AND h.kind = $${params.length}`;
    }
    if (q.afterId !== undefined) {
      params.push(q.afterId);
      where += ` AND h.id > $${params.length}::bigint`;
    }
    return this.dataSource.query(
      `SELECT h.*, u.full_name AS changed_by_name
         FROM cost_estimate_history h LEFT JOIN app_user u ON u.id = h.changed_by
        WHERE ${where} ORDER BY h.id LIMIT $2`,
      params,
    );
  }
}
