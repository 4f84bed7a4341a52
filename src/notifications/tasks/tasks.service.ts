import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { FeedbackTasksReader } from '../../consultation/feedback/feedback-tasks.reader';
import { Principal } from '../../identity/domain/principal';
import { RegulationEntity } from '../../register/persistence/regulation.entity';
import { RoundsReader } from '../../consultation/rounds/rounds.reader';
import { WorkflowService } from '../../workflow/workflow.service';
import { linkFor } from '../domain/links';
import { TaskDto } from '../http/notification.dto';
import { NotificationRepository } from '../persistence/notification.repository';
import { implementationDeadlineOf } from '../triggers/feed-triggers';

/** States in which the owning agency has something to do (as the web app's "việc cần làm"). */
const ACTIVE_STATES = [
  'draft',
  'review',
  'costing',
  'drafting_plan',
  'consultation',
  'responding',
  'implementing',
];
const MAX_REGULATIONS = 1000;

const overdue = (r: RegulationEntity) => JSON.stringify(r.state).includes('overdue');

/**
 * GET /me/tasks — what awaits the caller (việc cần làm), from the same sources as the web app's
 * to-do page: the workflow's allowed events, unanswered feedback, open rounds, implementations.
 */
@Injectable()
export class TasksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly workflow: WorkflowService,
    private readonly rounds: RoundsReader,
    private readonly feedback: FeedbackTasksReader,
    private readonly notifications: NotificationRepository,
    private readonly clock: Clock,
  ) {}

  async tasks(p: Principal): Promise<TaskDto[]> {
    let tasks: TaskDto[] = [];
    if (p.role === 'ministry_officer' || p.role === 'ministry_lead') tasks = await this.ministry(p);
    else if (p.role === 'expert') tasks = await this.expert(p);
    else if (p.role === 'association') tasks = await this.association(p);
    else if (p.role === 'gov_office') tasks = await this.govOffice(p);
    // Soonest due first, then the undated ones (stable within each).
    return tasks
      .map((t, i) => ({ t, i }))
      .sort(
        (a, b) =>
          (a.t.dueAt ? Date.parse(a.t.dueAt) : Infinity) -
            (b.t.dueAt ? Date.parse(b.t.dueAt) : Infinity) || a.i - b.i,
      )
      .map(({ t }) => t);
  }

  private regulationsWhere(where: Record<string, unknown>) {
    return this.dataSource.manager.find(RegulationEntity, {
      where,
      order: { updatedAt: 'DESC' },
      take: MAX_REGULATIONS,
    });
  }

  private async ministry(p: Principal): Promise<TaskDto[]> {
    const regs = await this.regulationsWhere({
      agencyId: p.agencyId,
      stateName: In(ACTIVE_STATES),
    });
    const ids = regs.map((r) => r.id);
    const unanswered = await this.feedback.unansweredCounts(
      regs.filter((r) => ['consultation', 'responding'].includes(r.stateName)).map((r) => r.id),
    );
    const openRounds = ids.length ? await this.rounds.open({ regulationIds: ids }) : [];
    const out: TaskDto[] = [];
    for (const r of regs) {
      const events = this.workflow.availableEventsFor(p, r);
      const deadline = r.stateName === 'implementing' ? implementationDeadlineOf(r) : undefined;
      const nextClose = openRounds.find((c) => c.regulationId === r.id)?.closesAt;
      if (events.length > 0) {
        out.push({
          kind: 'send_event',
          regulationId: r.id,
          title: r.title,
          dueAt: deadline ?? nextClose ?? null,
          link: linkFor(p.role, { kind: 'regulation', regulationId: r.id }),
          events,
        });
      }
      const n = unanswered.get(r.id) ?? 0;
      if (n > 0) {
        out.push({
          kind: 'answer_feedback',
          regulationId: r.id,
          title: r.title,
          dueAt: null,
          link: linkFor(p.role, { kind: 'regulation', regulationId: r.id, tab: 'consultation' }),
          count: n,
        });
      }
      if (r.stateName === 'implementing') {
        out.push({
          kind: 'implementation_due',
          regulationId: r.id,
          title: r.title,
          dueAt: deadline ?? null,
          link: linkFor(p.role, { kind: 'regulation', regulationId: r.id }),
        });
      }
    }
    const titles = new Map(regs.map((r) => [r.id, r.title]));
    for (const c of openRounds) {
      out.push({
        kind: 'round_open',
        regulationId: c.regulationId,
        title: titles.get(c.regulationId) ?? '',
        dueAt: c.closesAt,
        link: linkFor(p.role, {
          kind: 'round',
          regulationId: c.regulationId,
          roundId: c.id,
        }),
        roundId: c.id,
      });
    }
    return out;
  }

  private async expert(p: Principal): Promise<TaskDto[]> {
    const userId = p.userId ?? p.id;
    const invited = await this.rounds.open({ round: 'expert', invitedExpertId: userId });
    const given = await this.feedback.roundsWithFeedbackBy(
      userId,
      invited.map((r) => r.id),
    );
    return this.roundTasks(
      p,
      invited.filter((r) => !given.has(r.id)),
      () => true,
    );
  }

  private async association(p: Principal): Promise<TaskDto[]> {
    const sectors = new Set(await this.notifications.sectors(p.userId ?? p.id));
    const open = await this.rounds.open({ round: 'association' });
    // No followed sector: every open association round is for them.
    return this.roundTasks(p, open, (r) => sectors.size === 0 || sectors.has(r.sectorCode));
  }

  private async roundTasks(
    p: Principal,
    rounds: Awaited<ReturnType<RoundsReader['open']>>,
    keep: (r: RegulationEntity) => boolean,
  ): Promise<TaskDto[]> {
    if (rounds.length === 0) return [];
    const regs = await this.dataSource.manager.find(RegulationEntity, {
      where: { id: In([...new Set(rounds.map((r) => r.regulationId))]) },
    });
    const byId = new Map(regs.map((r) => [r.id, r]));
    const now = this.clock.now().getTime();
    return rounds
      .filter((c) => {
        const r = byId.get(c.regulationId);
        return r && keep(r) && Date.parse(c.closesAt) > now;
      })
      .map((c) => ({
        kind: 'give_feedback',
        regulationId: c.regulationId,
        title: byId.get(c.regulationId)!.title,
        dueAt: c.closesAt,
        link: linkFor(p.role, { kind: 'round', regulationId: c.regulationId, roundId: c.id }),
        roundId: c.id,
      }));
  }

  private async govOffice(p: Principal): Promise<TaskDto[]> {
    const regs = await this.regulationsWhere({
      stateName: In(['government_office_review', 'awaiting_decision', 'implementing']),
    });
    const out: TaskDto[] = [];
    for (const r of regs) {
      const link = linkFor(p.role, { kind: 'regulation', regulationId: r.id });
      if (r.stateName === 'implementing') {
        if (overdue(r)) {
          out.push({
            kind: 'implementation_overdue',
            regulationId: r.id,
            title: r.title,
            dueAt: implementationDeadlineOf(r) ?? null,
            link,
          });
        }
        continue;
      }
      out.push({
        kind: 'review_plan',
        regulationId: r.id,
        title: r.title,
        dueAt: null,
        link,
        events: this.workflow.availableEventsFor(p, r),
      });
    }
    return out;
  }
}
