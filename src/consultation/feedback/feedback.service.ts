import type { StateValue } from 'xstate';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AccessPolicy, ownsRecord, readsEverything } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { Clock } from '../../common/clock';
import { isUuid } from '../../common/ids';
import { decodeCursor, DEFAULT_LIMIT, Page, toPage } from '../../common/pagination';
import { ProblemException, ValidationProblem } from '../../common/problem';
import { Tx } from '../../database/transaction-runner';
import { COSTING_CONFIG, CostingConfig } from '../../costing/costing.config';
import { EstimateWriter } from '../../costing/estimates/estimate-writer';
import { CostingReader } from '../../costing/shared/costing-reader';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { AdminAuditService } from '../../identity/audit/admin-audit.service';
import { addressBucket, AbuseLimiter, DAY_MS } from '../../identity/abuse/abuse-limiter';
import { Principal } from '../../identity/domain/principal';
import { RegulationEntity } from '../../register/persistence/regulation.entity';
import {
  accessFacts,
  RegulationRepository,
} from '../../register/persistence/regulation.repository';
import { ConsultationRoundsService } from '../rounds/consultation-rounds.service';
import { costFieldValue, FeedbackInput, parseFeedbackInput } from '../domain/feedback-input';
import {
  MAX_HIDE_REASON_LENGTH,
  mayGiveFeedback,
  mayHideFeedback,
  roundClosedReason,
} from '../domain/feedback-rules';
import { plainText } from '../domain/text';
import { CONSULTATION_TOPICS, ConsultationOutbox } from '../persistence/consultation-outbox';
import { FeedbackRepository, FeedbackRow, FeedbackView } from '../persistence/feedback.repository';
import { IdempotentWrite, WriteOutcome } from '../../idempotency/idempotent-write';
import { cycleOf, lockRegulationShared } from '../persistence/regulation-lock';
import {
  CreateFeedbackDto,
  HideFeedbackDto,
  MyFeedbackQuery,
  RegulationFeedbackQuery,
} from './feedback.dto';
import { msg } from '../../common/i18n/catalogue';

/** A (created_at, id) keyset cursor, checked before it reaches SQL. */
function cursorKey(cursor: string | undefined): [string, string] | null {
  const key = decodeCursor(cursor, 2);
  if (!key) return null;
  const [at, id] = key;
  if (typeof at !== 'string' || Number.isNaN(Date.parse(at)) || !isUuid(id)) {
    throw new ValidationProblem([
      { field: 'cursor', message: 'cursor is not valid; use nextCursor from a previous page' },
    ]);
  }
  return [at, id];
}

const pageKey = (r: FeedbackRow) => [new Date(r.created_at).toISOString(), r.id];

/**
 * Ý kiến tham vấn: giving feedback on an open round, and reading it with the visibility of
 * domain.md §2 (the author, the owning agency and the Government Office; everyone once the
 * answers are published).
 */
@Injectable()
export class FeedbackService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly writes: IdempotentWrite,
    private readonly clock: Clock,
    private readonly rounds: ConsultationRoundsService,
    private readonly regulations: RegulationRepository,
    private readonly estimates: EstimateWriter,
    private readonly costing: CostingReader,
    private readonly repository: FeedbackRepository,
    private readonly outbox: ConsultationOutbox,
    @Inject(COSTING_CONFIG) private readonly costingConfig: CostingConfig,
    private readonly limiter: AbuseLimiter,
    private readonly audit: AdminAuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * POST /consultations/:id/feedback. Order of answers: 400 (the body), 404 (no such round, or
   * not visible), 403 (not an association in an association round, not an invited expert in an
   * expert round), 409 (the round is closed), 400 (a target the regulation does not have).
   */
  give(
    p: Principal,
    roundId: string,
    dto: CreateFeedbackDto,
    idempotencyKey?: string,
    address = '-',
  ): Promise<WriteOutcome<FeedbackView>> {
    const parsed = parseFeedbackInput(dto, this.costingConfig.limits);
    if (!parsed.ok) throw new ValidationProblem(parsed.errors);
    return this.writes.run(
      p,
      idempotencyKey,
      { scope: 'POST /consultations/:id/feedback', resourceId: roundId, body: dto, status: 201 },
      (tx) => this.giveInTx(tx, p, roundId, parsed.value, address),
    );
  }

  private async giveInTx(
    tx: Tx,
    p: Principal,
    roundId: string,
    input: FeedbackInput,
    address: string,
  ): Promise<FeedbackView> {
    const m = tx.manager;
    const found = await this.rounds.find(roundId, m);
    if (!found) throw new ProblemException(404, 'not-found', msg('consultation.noSuchRound'));
    const regulation = await lockRegulationShared(m, found.regulationId);
    if (!regulation) throw new ProblemException(404, 'not-found', msg('consultation.noSuchRound'));
    requireAccess(AccessPolicy.readRegulation(p, accessFacts(regulation)), 'consultation round');
    requireAccess(mayGiveFeedback(p, found), 'consultation round');

    // Read again under the lock: a transition that closed the round has committed by now.
    const round = (await this.rounds.find(roundId, m))!;
    const now = this.clock.now();
    const closed = roundClosedReason(
      round,
      { state: regulation.state as StateValue, cycle: cycleOf(regulation) },
      now,
    );
    if (closed) {
      throw new ProblemException(409, 'round-closed', msg('feedback.closed', { closed }), {
        consultationId: round.id,
        roundStatus: round.status,
        closesAt: round.closesAt,
      });
    }
    const { value, version } = await this.checkTarget(m, regulation, input);
    if (p.role === 'public') await this.countPublicComment(m, p, address);

    const id = randomUUID();
    await this.repository.insert(m, {
      id,
      roundId: round.id,
      regulationId: regulation.id,
      cycle: round.cycle,
      round: round.round,
      authorId: p.userId!,
      authorRole: p.role,
      authorAgencyId: p.agencyId,
      input,
      targetValue: value,
      targetEstimateVersion: version,
      createdAt: now,
    });
    await this.outbox.write(m, {
      topic: CONSULTATION_TOPICS.feedbackReceived,
      regulationId: regulation.id,
      roundId: round.id,
      feedbackId: id,
      at: now,
      payload: {
        feedbackId: id,
        consultationId: round.id,
        regulationId: regulation.id,
        agencyId: regulation.agencyId,
        cycle: round.cycle,
        round: round.round,
        authorId: p.userId,
        authorAgencyId: p.agencyId,
        target: input.target,
        hasEvidence: input.evidence !== null,
      },
    });
    return (await this.repository.view(m, id))!;
  }

  /**
   * Góp ý công khai: comments per account and per address per day (429 with Retry-After). Counted
   * in the comment's transaction, so a refused or failed comment uses up no allowance.
   */
  private async countPublicComment(m: EntityManager, p: Principal, address: string) {
    const limits = this.config.publicComments;
    await this.limiter.hit(
      [
        {
          bucket: `comment-account:${p.userId}`,
          limit: limits.commentsPerAccountPerDay,
          windowMs: DAY_MS,
          message: 'abuse.commentsPerAccount',
        },
        {
          bucket: addressBucket('comment-address', address),
          limit: limits.commentsPerAddressPerDay,
          windowMs: DAY_MS,
          message: 'abuse.commentsPerAddress',
        },
      ],
      m,
    );
  }

  /**
   * POST /feedback/:id/hide: moderation of a public comment with a recorded reason (audit log).
   * 404 for an item the caller may not see, 403 for one they may not moderate, 409 when it is
   * already hidden. A hidden comment needs no answer before the submission.
   */
  async hide(p: Principal, id: string, dto: HideFeedbackDto): Promise<FeedbackView> {
    const errors: { field: string; message: string }[] = [];
    const reason = plainText(
      dto.reason,
      'reason',
      { max: MAX_HIDE_REASON_LENGTH, required: true },
      errors,
    );
    if (errors.length) throw new ValidationProblem(errors);
    return this.dataSource.transaction(async (m) => {
      const row = await this.repository.findRow(m, id);
      const regulation = row && (await this.regulations.find(row.regulation_id));
      if (!row || !regulation) throw new ProblemException(404, 'not-found', msg('feedback.noSuch'));
      requireAccess(
        AccessPolicy.readFeedback(p, accessFacts(regulation), {
          authorId: row.author_id,
          published: row.published_at !== null,
          hidden: row.hidden_at !== null,
        }),
        'feedback',
      );
      requireAccess(mayHideFeedback(p, regulation, { authorRole: row.author_role }), 'feedback');
      const at = this.clock.now();
      if (!(await this.repository.hide(m, id, { reason: reason!, byUserId: p.userId!, at }))) {
        throw new ProblemException(409, 'already-hidden', msg('feedback.alreadyHidden'), {
          hiddenAt: row.hidden_at ? new Date(row.hidden_at).toISOString() : null,
        });
      }
      await this.audit.record(m, p, {
        action: 'feedback.hide',
        entityType: 'feedback',
        entityId: id,
        changes: { reason, regulationId: row.regulation_id, authorId: row.author_id },
      });
      return (await this.repository.view(m, id))!;
    });
  }

  /** A target must exist: the plan, or a real field of an existing estimate (400 otherwise). */
  private async checkTarget(
    m: EntityManager,
    regulation: RegulationEntity,
    input: FeedbackInput,
  ): Promise<{ value: string | null; version: number | null }> {
    const target = input.target;
    if (target?.kind === 'plan' && !(await this.costing.plan(regulation.id, m))) {
      throw new ValidationProblem([
        { field: 'target.kind', message: 'this regulation has no plan' },
      ]);
    }
    if (target?.kind !== 'cost_field') return { value: null, version: null };
    const estimate = await this.estimates.current(m, regulation.id, target.estimate);
    if (!estimate) {
      throw new ValidationProblem([
        {
          field: 'target.estimate',
          message: `this regulation has no ${target.estimate} estimate${target.estimate === 'proposed' ? ' (its plan may abolish it)' : ''}`,
        },
      ]);
    }
    const field = costFieldValue(estimate.inputs, target.field);
    if (!field.ok) throw new ValidationProblem([{ field: 'target.field', message: field.message }]);
    return { value: field.value, version: estimate.version };
  }

  /** GET /feedback/:id: 404 for an item the caller may not see. */
  async get(p: Principal | undefined, id: string): Promise<FeedbackView> {
    const row = await this.repository.findRow(this.dataSource.manager, id);
    const regulation = row && (await this.regulations.find(row.regulation_id));
    if (!row || !regulation) throw new ProblemException(404, 'not-found', msg('feedback.noSuch'));
    requireAccess(
      AccessPolicy.readFeedback(p, accessFacts(regulation), {
        authorId: row.author_id,
        published: row.published_at !== null,
        hidden: row.hidden_at !== null,
      }),
      'feedback',
    );
    return (await this.repository.views(this.dataSource.manager, [row]))[0];
  }

  /** GET /feedback?mine=true: the caller's own items with their answers, newest first. */
  async mine(p: Principal, q: MyFeedbackQuery): Promise<Page<FeedbackView>> {
    if (q.mine === false) {
      throw new ValidationProblem([
        {
          field: 'mine',
          message:
            'only your own items are listed here; the items of a regulation are at GET /regulations/:id/feedback',
        },
      ]);
    }
    const limit = q.limit ?? DEFAULT_LIMIT;
    const rows = await this.repository.listByAuthor(this.dataSource.manager, {
      authorId: p.userId,
      regulationId: q.regulationId,
      roundId: q.consultationId,
      before: cursorKey(q.cursor),
      take: limit + 1,
    });
    return this.page(rows, limit);
  }

  /**
   * GET /regulations/:id/feedback: the items and answers, oldest first. The owning agency and the
   * Government Office see every item; others the published ones (and their own).
   */
  async forRegulation(
    p: Principal | undefined,
    regulationId: string,
    q: RegulationFeedbackQuery,
  ): Promise<Page<FeedbackView>> {
    const regulation = await this.regulations.find(regulationId);
    if (!regulation) throw new ProblemException(404, 'not-found', msg('regulation.noSuch'));
    requireAccess(AccessPolicy.readRegulation(p, accessFacts(regulation)), 'regulation');
    const limit = q.limit ?? DEFAULT_LIMIT;
    const cycle = q.cycle ?? (q.unanswered ? cycleOf(regulation) : undefined);
    const rows = await this.repository.listForRegulation(this.dataSource.manager, {
      regulationId,
      // Hidden (moderated) comments leave the public view; their authors still see them.
      visibility:
        readsEverything(p) || ownsRecord(p, regulation)
          ? { kind: 'all' }
          : {
              kind: 'published',
              orAuthorId: p?.kind === 'user' && p.userId ? p.userId : undefined,
            },
      cycle,
      round: q.round,
      unanswered: q.unanswered,
      origin: q.origin,
      after: cursorKey(q.cursor),
      take: limit + 1,
    });
    return this.page(rows, limit);
  }

  private async page(rows: FeedbackRow[], limit: number): Promise<Page<FeedbackView>> {
    const page = toPage(rows, limit, (r) => r, pageKey);
    return {
      items: await this.repository.views(this.dataSource.manager, page.items),
      nextCursor: page.nextCursor,
    };
  }
}
