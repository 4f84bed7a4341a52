import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConsultationRoundRepository } from '../persistence/consultation-round.repository';
import type { ConsultationRoundView, RoundKind } from '../domain/rounds';
import { toRoundView } from './consultation-rounds.service';

/** Read port on the consultation rounds for other modules (notifications, tasks). */
@Injectable()
export class RoundsReader {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rounds: ConsultationRoundRepository,
  ) {}

  /** The rounds of a regulation's latest consultation cycle. */
  async latestCycle(
    regulationId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationRoundView[]> {
    return (await this.rounds.latestCycle(manager, regulationId)).map(toRoundView);
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
    const rows = await this.rounds.open(manager, {
      round: q.round ?? null,
      invitedExpertId: q.invitedExpertId ?? null,
      closesBefore: q.closesBefore ?? null,
      regulationIds: q.regulationIds ? [...q.regulationIds] : null,
      limit: q.limit ?? 500,
    });
    return rows.map(toRoundView);
  }
}
