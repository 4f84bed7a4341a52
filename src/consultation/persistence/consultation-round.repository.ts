import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { RoundKind } from '../domain/rounds';

/** A consultation_round row as stored (snake_case; the service maps it to its view). */
export type RoundRecord = Record<string, any>;

/** A listing row: the round with its regulation's plan visibility and both rounds' deadlines. */
export type RoundListingRecord = RoundRecord & {
  plan_public: boolean;
  expert_closes_at: Date | null;
  association_closes_at: Date | null;
};

/** A round with its regulation's agency (`regulation` is the register's table). */
export interface RoundWithAgency {
  id: string;
  regulation_id: string;
  cycle: number;
  round: RoundKind;
  closes_at: Date;
  status: 'open' | 'closed';
  closed_at: Date | null;
  close_reason: string | null;
  invited_expert_ids: string[];
  agency_id: string;
}

/** The rounds a new consultation cycle opens with (OPEN_CONSULTATION). */
export interface NewCycle {
  cycle: number;
  openedAt: string;
  expertDeadline: string;
  associationDeadline: string;
  expertIds: string[];
}

/** Who may see which rounds (decided by the service from the principal). */
export type RoundVisibility = { kind: 'all' } | { kind: 'published'; orAgencyId?: string };

export interface RoundListFilter {
  visibility: RoundVisibility;
  status?: string;
  round?: string;
  regulationId?: string;
  /** Keyset: rounds after this (closes_at, id). */
  after?: [string, string] | null;
  /** Rows to fetch (the page size plus one, to know whether a next page exists). */
  take: number;
}

/** Reads and writes of consultation_round (vòng tham vấn), raw SQL on the caller's manager. */
@Injectable()
export class ConsultationRoundRepository {
  /** The two rounds of a cycle, opened together by OPEN_CONSULTATION. */
  async insertCycle(manager: EntityManager, regulationId: string, c: NewCycle): Promise<void> {
    await manager.query(
      `INSERT INTO consultation_round (id, regulation_id, cycle, round, opens_at, closes_at, status, invited_expert_ids)
       VALUES ($1, $3, $4, 'expert', $5, $6, 'open', $7::uuid[]),
              ($2, $3, $4, 'association', $5, $8, 'open', '{}')`,
      [
        randomUUID(),
        randomUUID(),
        regulationId,
        c.cycle,
        c.openedAt,
        c.expertDeadline,
        c.expertIds,
        c.associationDeadline,
      ],
    );
  }

  /** Closes the still-open rounds of a cycle among `rounds`. */
  async close(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
    rounds: string[],
    at: Date,
    reason: string,
  ): Promise<void> {
    await manager.query(
      `UPDATE consultation_round SET status = 'closed', closed_at = $4, close_reason = $5
        WHERE regulation_id = $1 AND cycle = $2 AND round = ANY($3::text[]) AND status = 'open'`,
      [regulationId, cycle, rounds, at, reason],
    );
  }

  async find(manager: EntityManager, id: string): Promise<RoundRecord | null> {
    const rows = await manager.query(`SELECT * FROM consultation_round WHERE id = $1`, [id]);
    return rows[0] ?? null;
  }

  /** The rounds of one consultation cycle, the expert round first. */
  async ofCycle(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
  ): Promise<RoundRecord[]> {
    return manager.query(
      `SELECT * FROM consultation_round WHERE regulation_id = $1 AND cycle = $2 ORDER BY round DESC`,
      [regulationId, cycle],
    );
  }

  /** The rounds of a regulation's latest consultation cycle, the expert round first. */
  async latestCycle(manager: EntityManager, regulationId: string): Promise<RoundRecord[]> {
    return manager.query(
      `SELECT * FROM consultation_round WHERE regulation_id = $1
          AND cycle = (SELECT max(cycle) FROM consultation_round WHERE regulation_id = $1)
        ORDER BY round DESC`,
      [regulationId],
    );
  }

  /** One round with its agency; `id` as given (a timer's payload, maybe not a UUID). */
  async findWithAgency(manager: EntityManager, id: string): Promise<RoundWithAgency | null> {
    const rows: RoundWithAgency[] = await manager.query(
      `SELECT c.*, r.agency_id FROM consultation_round c JOIN regulation r ON r.id = c.regulation_id
        WHERE c.id::text = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Open rounds, soonest deadline first, narrowed by kind, invited expert, deadline and regulations. */
  async open(
    manager: EntityManager,
    q: {
      round: string | null;
      invitedExpertId: string | null;
      closesBefore: Date | null;
      regulationIds: string[] | null;
      limit: number;
    },
  ): Promise<RoundRecord[]> {
    return manager.query(
      `SELECT * FROM consultation_round
        WHERE status = 'open'
          AND ($1::text IS NULL OR round = $1)
          AND ($2::uuid IS NULL OR $2::uuid = ANY (invited_expert_ids))
          AND ($3::timestamptz IS NULL OR closes_at <= $3)
          AND ($5::uuid[] IS NULL OR regulation_id = ANY ($5::uuid[]))
        ORDER BY closes_at, id LIMIT $4`,
      [q.round, q.invitedExpertId, q.closesBefore, q.limit, q.regulationIds],
    );
  }

  /** The rounds matching a filter, soonest deadline first. */
  async list(manager: EntityManager, q: RoundListFilter): Promise<RoundListingRecord[]> {
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (q.visibility.kind === 'published') {
      where.push(
        q.visibility.orAgencyId !== undefined
          ? `(r.published OR r.agency_id = ${p(q.visibility.orAgencyId)})`
          : `r.published`,
      );
    }
    if (q.status) where.push(`c.status = ${p(q.status)}`);
    if (q.round) where.push(`c.round = ${p(q.round)}`);
    if (q.regulationId) where.push(`c.regulation_id = ${p(q.regulationId)}`);
    if (q.after) {
      where.push(`(c.closes_at, c.id) > (${p(q.after[0])}::timestamptz, ${p(q.after[1])}::uuid)`);
    }
    return manager.query(
      `SELECT c.*, r.plan_public,
              (SELECT s.closes_at FROM consultation_round s WHERE s.regulation_id = c.regulation_id
                  AND s.cycle = c.cycle AND s.round = 'expert') AS expert_closes_at,
              (SELECT s.closes_at FROM consultation_round s WHERE s.regulation_id = c.regulation_id
                  AND s.cycle = c.cycle AND s.round = 'association') AS association_closes_at
         FROM consultation_round c JOIN regulation r ON r.id = c.regulation_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.closes_at, c.id LIMIT ${p(q.take)}`,
      params,
    );
  }
}
