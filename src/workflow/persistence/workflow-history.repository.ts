import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** What read access to a regulation depends on (access-policy's RegulationAccessFacts). */
export interface RegulationAccessRow {
  agencyId: string;
  published: boolean;
  planPublic: boolean;
}

/** A regulation's workflow as the definition route shows it. */
export interface RegulationWorkflowRow extends RegulationAccessRow {
  machineVersion: number;
  workflowSnapshot: unknown;
  version: number;
}

/** The reads of the workflow's query side: the history chain and the regulation's workflow. */
@Injectable()
export class WorkflowHistoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async access(regulationId: string): Promise<RegulationAccessRow | null> {
    const rows = await this.dataSource.query(
      `SELECT agency_id, published, plan_public FROM regulation WHERE id = $1`,
      [regulationId],
    );
    if (rows.length === 0) return null;
    return {
      agencyId: rows[0].agency_id,
      published: rows[0].published,
      planPublic: rows[0].plan_public,
    };
  }

  async workflowOf(regulationId: string): Promise<RegulationWorkflowRow | null> {
    const rows = await this.dataSource.query(
      `SELECT agency_id, published, plan_public, machine_version, workflow_snapshot, version
         FROM regulation WHERE id = $1`,
      [regulationId],
    );
    if (rows.length === 0) return null;
    const r = rows[0];
    return {
      agencyId: r.agency_id,
      published: r.published,
      planPublic: r.plan_public,
      machineVersion: r.machine_version,
      workflowSnapshot: r.workflow_snapshot,
      version: r.version,
    };
  }

  /** History rows (snake_case, as stored) after `afterSeq`, in order. */
  entries(regulationId: string, afterSeq: number, limit: number): Promise<any[]> {
    return this.dataSource.query(
      `SELECT * FROM workflow_history WHERE regulation_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [regulationId, afterSeq, limit],
    );
  }
}
