import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { readsEverything, isMinistry } from '../../access/access-policy';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../../common/pagination';
import { ValidationProblem } from '../../common/problem';
import { Principal } from '../../identity/domain/principal';
import { CostingReader } from '../../costing/shared/costing-reader';
import {
  RegulationRepository,
  RegulationSummary,
} from '../../register/persistence/regulation.repository';
import type { StateValue } from 'xstate';

export type RoundKind = 'expert' | 'association';
export type RoundStatus = 'open' | 'closed';
export type CloseReason = 'early' | 'deadline' | 'withdrawn';

export interface ConsultationRoundView {
  id: string;
  regulationId: string;
  cycle: number;
  round: RoundKind;
  opensAt: string;
  closesAt: string;
  status: RoundStatus;
  invitedExpertIds: string[];
  closedAt: string | null;
  closeReason: CloseReason | null;
}

/** A round as the public and associations choose what to answer: with its regulation and plan. */
export interface ConsultationListing extends ConsultationRoundView {
  regulation: RegulationSummary | null;
  /** The plan under consultation (public once its consultation opened). */
  plan: {
    action: string;
    description: string;
    targetDocument: string | null;
    programme: string;
  } | null;
  /** Both rounds of this consultation cycle: when each stops taking feedback. */
  closingDates: { expertRound: string | null; associationRound: string | null };
}

export interface RoundListQuery {
  status?: RoundStatus;
  round?: RoundKind;
  regulationId?: string;
  limit?: number;
  cursor?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The statechart region of each round inside the parallel `consultation` state. */
const REGION: Record<RoundKind, 'experts' | 'associations'> = {
  expert: 'experts',
  association: 'associations',
};

/** Whether a round's region is open in a state value ({consultation: {experts: 'open', …}}). */
export function roundOpenIn(value: StateValue, round: RoundKind): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const c = (value as Record<string, unknown>).consultation;
  return (
    typeof c === 'object' && c !== null && (c as Record<string, unknown>)[REGION[round]] === 'open'
  );
}

const toView = (r: any): ConsultationRoundView => ({
  id: r.id,
  regulationId: r.regulation_id,
  cycle: r.cycle,
  round: r.round,
  opensAt: new Date(r.opens_at).toISOString(),
  closesAt: new Date(r.closes_at).toISOString(),
  status: r.status,
  invitedExpertIds: r.invited_expert_ids ?? [],
  closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  closeReason: r.close_reason ?? null,
});

/**
 * Vòng tham vấn: the two rounds of each consultation cycle. Rows are written only by the
 * workflow's transitions (so their status always follows the statechart); the consultation
 * module reads them to accept feedback.
 */
@Injectable()
export class ConsultationRoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regulations: RegulationRepository,
    private readonly costing: CostingReader,
  ) {}

  /** Called by OPEN_CONSULTATION, in its transaction. */
  async open(
    manager: EntityManager,
    regulationId: string,
    c: {
      cycle: number;
      openedAt: string;
      expertDeadline: string;
      associationDeadline: string;
      expertIds: string[];
    },
  ): Promise<void> {
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

  /** Closes the rounds of a cycle whose regions a transition left. */
  async close(
    manager: EntityManager,
    regulationId: string,
    cycle: number,
    rounds: RoundKind[],
    at: Date,
    reason: CloseReason,
  ): Promise<void> {
    if (rounds.length === 0) return;
    await manager.query(
      `UPDATE consultation_round SET status = 'closed', closed_at = $4, close_reason = $5
        WHERE regulation_id = $1 AND cycle = $2 AND round = ANY($3::text[]) AND status = 'open'`,
      [regulationId, cycle, rounds, at, reason],
    );
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager) {
    const rows = await manager.query(`SELECT * FROM consultation_round WHERE id = $1`, [id]);
    return rows.length ? toView(rows[0]) : null;
  }

  /** Rounds of the regulations the caller may see (domain.md §2), soonest deadline first. */
  async list(
    principal: Principal | undefined,
    q: RoundListQuery,
  ): Promise<Page<ConsultationListing>> {
    const limit = q.limit ?? DEFAULT_LIMIT;
    const after = decodeCursor(q.cursor, 2);
    if (
      after &&
      (typeof after[0] !== 'string' ||
        Number.isNaN(Date.parse(after[0])) ||
        typeof after[1] !== 'string' ||
        !UUID.test(after[1]))
    ) {
      throw new ValidationProblem([
        { field: 'cursor', message: 'cursor is not valid; use nextCursor from a previous page' },
      ]);
    }
    const params: unknown[] = [];
    const where: string[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (!readsEverything(principal)) {
      where.push(
        isMinistry(principal)
          ? `(r.published OR r.agency_id = ${p(principal!.agencyId)})`
          : `r.published`,
      );
    }
    if (q.status) where.push(`c.status = ${p(q.status)}`);
    if (q.round) where.push(`c.round = ${p(q.round)}`);
    if (q.regulationId) where.push(`c.regulation_id = ${p(q.regulationId)}`);
    if (after) {
      where.push(`(c.closes_at, c.id) > (${p(after[0])}::timestamptz, ${p(after[1])}::uuid)`);
    }
    const rows = await this.dataSource.query(
      `SELECT c.*, r.plan_public,
              (SELECT s.closes_at FROM consultation_round s WHERE s.regulation_id = c.regulation_id
                  AND s.cycle = c.cycle AND s.round = 'expert') AS expert_closes_at,
              (SELECT s.closes_at FROM consultation_round s WHERE s.regulation_id = c.regulation_id
                  AND s.cycle = c.cycle AND s.round = 'association') AS association_closes_at
         FROM consultation_round c JOIN regulation r ON r.id = c.regulation_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY c.closes_at, c.id LIMIT ${p(limit + 1)}`,
      params,
    );
    const page = rows.slice(0, limit);
    const ids = page.map((r: any) => r.regulation_id as string);
    const [summaries, plans] = await Promise.all([
      this.regulations.summaries(ids),
      this.costing.plans(ids),
    ]);
    const iso = (v: unknown) => (v ? new Date(v as string).toISOString() : null);
    return toPage(
      rows,
      limit,
      (r: any): ConsultationListing => {
        const plan = plans.get(r.regulation_id);
        // The plan is public from the opening of its consultation; a reader who may see the
        // round but not the plan (none today) gets null rather than the draft.
        const showPlan = plan && (r.plan_public || readsEverything(principal));
        return {
          ...toView(r),
          regulation: summaries.get(r.regulation_id) ?? null,
          plan: showPlan
            ? {
                action: plan.action,
                description: plan.description,
                targetDocument: plan.targetDocument,
                programme: plan.programme,
              }
            : null,
          closingDates: {
            expertRound: iso(r.expert_closes_at),
            associationRound: iso(r.association_closes_at),
          },
        };
      },
      (r: any) => [new Date(r.closes_at).toISOString(), r.id],
    );
  }
}
