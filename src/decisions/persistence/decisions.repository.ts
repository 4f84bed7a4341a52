import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

/** A decision row to insert (`decision`). */
export interface NewDecision {
  id: string;
  number: string;
  decisionDate: string;
  agencyId: string;
  outcome: string;
  implementationDeadline: string | null;
  source: 'batch' | 'event';
  recordedBy: string | null;
  recordedByKind: string;
  recordedAt: Date;
}

/** The decisions (`decision`) and the regulations each covers (`decision_regulation`). */
@Injectable()
export class DecisionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the regulations' rows in id order (as every multi-row writer locks them), so two
   * decisions over overlapping regulations serialise instead of deadlocking.
   */
  lockRegulations(
    m: EntityManager,
    ids: string[],
  ): Promise<Array<{ id: string; agency_id: string; state_name: string }>> {
    return m.query(
      `SELECT id, agency_id, state_name FROM regulation WHERE id IN (SELECT unnest($1::uuid[])) ORDER BY id FOR UPDATE`,
      [ids],
    );
  }

  /**
   * Inserts a decision; with `ifAbsent`, one with the same number, date and agency is kept as it
   * is (no error). Without it the unique index `decision_identity` refuses a second one.
   */
  async insert(m: EntityManager, d: NewDecision, ifAbsent = false): Promise<void> {
    await m.query(
      `INSERT INTO decision (id, number, decision_date, agency_id, outcome, implementation_deadline,
         source, recorded_by, recorded_by_kind, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ${ifAbsent ? 'ON CONFLICT (upper(number), decision_date, agency_id) DO NOTHING' : ''}`,
      [
        d.id,
        d.number,
        d.decisionDate,
        d.agencyId,
        d.outcome,
        d.implementationDeadline,
        d.source,
        d.recordedBy,
        d.recordedByKind,
        d.recordedAt,
      ],
    );
  }

  async linkRegulation(
    m: EntityManager,
    link: {
      decisionId: string;
      regulationId: string;
      outcome: string;
      implementationDeadline: string | null;
      historySeq: number;
      recordedAt: Date;
    },
  ): Promise<void> {
    await m.query(
      `INSERT INTO decision_regulation (decision_id, regulation_id, outcome, implementation_deadline,
         history_seq, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        link.decisionId,
        link.regulationId,
        link.outcome,
        link.implementationDeadline,
        link.historySeq,
        link.recordedAt,
      ],
    );
  }

  /** The decision with this number (case-insensitive), date and agency. */
  async findByIdentity(
    m: EntityManager,
    number: string,
    date: string,
    agencyId: string,
  ): Promise<{ id: string; outcome: string } | null> {
    const rows = await m.query(
      `SELECT id, outcome FROM decision
        WHERE upper(number) = upper($1) AND decision_date = $2 AND agency_id = $3`,
      [number, date, agencyId],
    );
    return rows[0] ?? null;
  }

  /** Ids, newest decision date first, keyset-paged after (date, id). */
  async listIds(q: {
    agencyId?: string;
    outcome?: string;
    after?: [string, string];
    limit: number;
  }): Promise<string[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    if (q.agencyId) {
      params.push(q.agencyId);
      where.push(`d.agency_id = $${params.length}`);
    }
    if (q.outcome) {
      params.push(q.outcome);
      where.push(`d.outcome = $${params.length}`);
    }
    if (q.after) {
      params.push(q.after[0], q.after[1]);
      where.push(
        `(d.decision_date, d.id) < ($${params.length - 1}::date, $${params.length}::uuid)`,
      );
    }
    params.push(q.limit);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `SELECT d.id FROM decision d
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY d.decision_date DESC, d.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => r.id);
  }

  /** Decisions with their agency (rows as stored). */
  decisions(
    ids: string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Array<Record<string, any>>> {
    return m.query(
      `SELECT d.id, d.number, to_char(d.decision_date, 'YYYY-MM-DD') AS decision_date, d.outcome,
              d.implementation_deadline, d.agency_id, d.source, d.recorded_at,
              a.code AS agency_code, a.name AS agency_name
         FROM decision d JOIN agency a ON a.id = d.agency_id
        WHERE d.id = ANY ($1::uuid[])`,
      [ids],
    );
  }

  /** The regulations these decisions cover, with their savings in the ledger (rows as stored). */
  covered(
    ids: string[],
    m: EntityManager = this.dataSource.manager,
  ): Promise<Array<Record<string, any>>> {
    return m.query(
      `SELECT dr.decision_id, r.id, r.title, r.provision, r.state_name, r.state,
              dr.implementation_deadline, l.savings::text AS savings
         FROM decision_regulation dr
         JOIN regulation r ON r.id = dr.regulation_id
         LEFT JOIN progress_line l ON l.regulation_id = r.id
        WHERE dr.decision_id = ANY ($1::uuid[])
        ORDER BY dr.decision_id, dr.recorded_at, r.id`,
      [ids],
    );
  }
}
