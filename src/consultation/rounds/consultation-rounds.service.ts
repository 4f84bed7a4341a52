import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { readsEverything, isMinistry } from '../../access/access-policy';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../../common/pagination';
import { isUuid } from '../../common/ids';
import { ValidationProblem } from '../../common/problem';
import { Principal } from '../../identity/domain/principal';
import { CostingReader } from '../../costing/shared/costing-reader';
import {
  RegulationRepository,
  RegulationSummary,
} from '../../register/persistence/regulation.repository';
import type { CloseReason, ConsultationRoundView, RoundKind, RoundStatus } from '../domain/rounds';
import {
  ConsultationRoundRepository,
  NewCycle,
} from '../persistence/consultation-round.repository';

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

/** A stored round as the API and the other modules see it. */
export const toRoundView = (r: any): ConsultationRoundView => ({
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
 * Vòng tham vấn: the two rounds of each consultation cycle. Rows are written only inside the
 * workflow's transitions, by the rounds' transition hook (so their status always follows the
 * statechart); feedback, attachments, the report and notifications read them.
 */
@Injectable()
export class ConsultationRoundsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regulations: RegulationRepository,
    private readonly costing: CostingReader,
    private readonly repository: ConsultationRoundRepository,
  ) {}

  /** Called for OPEN_CONSULTATION, in its transaction. */
  async open(manager: EntityManager, regulationId: string, c: NewCycle): Promise<void> {
    await this.repository.insertCycle(manager, regulationId, c);
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
    await this.repository.close(manager, regulationId, cycle, rounds, at, reason);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager) {
    const row = await this.repository.find(manager, id);
    return row ? toRoundView(row) : null;
  }

  /** Both rounds of a consultation cycle, the expert round first (the report's header). */
  async ofCycle(
    regulationId: string,
    cycle: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ConsultationRoundView[]> {
    return (await this.repository.ofCycle(manager, regulationId, cycle)).map(toRoundView);
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
      (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || !isUuid(after[1]))
    ) {
      throw new ValidationProblem([
        { field: 'cursor', message: 'cursor is not valid; use nextCursor from a previous page' },
      ]);
    }
    const rows = await this.repository.list(this.dataSource.manager, {
      visibility: readsEverything(principal)
        ? { kind: 'all' }
        : {
            kind: 'published',
            orAgencyId: isMinistry(principal) ? principal!.agencyId : undefined,
          },
      status: q.status,
      round: q.round,
      regulationId: q.regulationId,
      after: after ? [after[0] as string, after[1] as string] : null,
      take: limit + 1,
    });
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
          ...toRoundView(r),
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
