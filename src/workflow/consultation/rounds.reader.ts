import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConsultationRoundView, RoundKind } from './consultation-rounds.service';

const toView = (r: Record<string, any>): ConsultationRoundView => ({
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

/** Read port on the consultation rounds for other modules (notifications, tasks). */
@Injectable()
export class RoundsReader {
  constructor(private readonly dataSource: DataSource) {}

  /** The rounds of a regulation's latest consultation cycle. */
  async latestCycle(
    regulationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationRoundView[]> {
    const rows = await manager.query(
      `SELECT * FROM consultation_round WHERE regulation_id = $1
          AND cycle = (SELECT max(cycle) FROM consultation_round WHERE regulation_id = $1)
        ORDER BY round DESC`,
      [regulationId],
    );
    return rows.map(toView);
  }

  /** Open rounds, soonest deadline first; optionally of one kind, for one invited expert, closing before a time. */
  async open(
    q: {
      round?: RoundKind;
      invitedExpertId?: string;
      closesBefore?: Date;
      regulationIds?: readonly string[];
      limit?: number;
    },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationRoundView[]> {
    const rows = await manager.query(
      `SELECT * FROM consultation_round
        WHERE status = 'open'
          AND ($1::text IS NULL OR round = $1)
          AND ($2::uuid IS NULL OR $2::uuid = ANY (invited_expert_ids))
          AND ($3::timestamptz IS NULL OR closes_at <= $3)
          AND ($5::uuid[] IS NULL OR regulation_id = ANY ($5::uuid[]))
        ORDER BY closes_at, id LIMIT $4`,
      [
        q.round ?? null,
        q.invitedExpertId ?? null,
        q.closesBefore ?? null,
        q.limit ?? 500,
        q.regulationIds ? [...q.regulationIds] : null,
      ],
    );
    return rows.map(toView);
  }
}
