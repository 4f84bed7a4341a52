import { Injectable } from '@nestjs/common';
import { AccessPolicy } from '../../access/access-policy';
import { requireAccess } from '../../access/require-access';
import { Clock } from '../../common/clock';
import { FieldError, ProblemException, ValidationProblem } from '../../common/problem';
import { Tx } from '../../database/transaction-runner';
import { parseNumeric, QUANTITY_DECIMAL_PLACES, Rational } from '../../costing/domain';
import { EstimateWriter } from '../../costing/estimates/estimate-writer';
import { CostingReader, CostingSnapshot } from '../../costing/shared/costing-reader';
import { Principal } from '../../identity/domain/principal';
import { RegulationEntity } from '../../register/persistence/regulation.entity';
import {
  accessFacts,
  RegulationRepository,
} from '../../register/persistence/regulation.repository';
import { combineEffects, EffectPoint, savingsExact, StoredCostEffect } from '../domain/cost-effect';
import { costFieldValue, TargetEstimate } from '../domain/feedback-input';
import { AnswerInput, parseAnswer } from '../domain/feedback-rules';
import { excerpt } from '../domain/text';
import { CONSULTATION_TOPICS, ConsultationOutbox } from '../persistence/consultation-outbox';
import {
  FeedbackRepository,
  FeedbackRow,
  FeedbackView,
  targetView,
} from '../persistence/feedback.repository';
import { IdempotentWrite, WriteOutcome } from '../../idempotency/idempotent-write';
import { cycleOf } from '../persistence/regulation-lock';
import { ResponseRepository } from '../persistence/response.repository';
import { RespondDto } from '../feedback/feedback.dto';
import { msg } from '../../common/i18n/catalogue';

/** The change one answer version makes to the disputed cost field. */
type FieldChange =
  | { kind: 'none' }
  /** Set the field to the answer's re-estimated value. */
  | { kind: 'set'; value: number | string }
  /** The answer no longer carries a value: put back what the field was before this item. */
  | { kind: 'restore'; value: string };

const DISPOSITION_VI: Record<string, string> = {
  accepted: 'tiếp thu',
  partially_accepted: 'tiếp thu một phần',
  rejected: 'không tiếp thu',
};

function sameNumber(a: unknown, b: string): boolean {
  const parsed = parseNumeric(a, { maxDecimalPlaces: QUANTITY_DECIMAL_PLACES });
  return parsed.ok && parsed.value.eq(Rational.parse(b));
}

/**
 * Tiếp thu, giải trình: the owning agency's answer to each item, while the regulation is in
 * `responding`. An accepted cost-field item's re-estimate becomes a new version of the estimate
 * through the EstimateWriter (source `feedback`, the item as the reason) in the same transaction.
 * Answers can be corrected (every version kept) until the cycle is submitted.
 */
@Injectable()
export class ResponsesService {
  constructor(
    private readonly writes: IdempotentWrite,
    private readonly clock: Clock,
    private readonly regulations: RegulationRepository,
    private readonly writer: EstimateWriter,
    private readonly costing: CostingReader,
    private readonly repository: FeedbackRepository,
    private readonly outbox: ConsultationOutbox,
    private readonly answers: ResponseRepository,
  ) {}

  /**
   * Order of answers: 400 (the body's shape), 404 (no such item, or not visible), 403 (not the
   * owning agency), 409 (not in `responding`, an earlier cycle, or already submitted), 400 (the
   * answer's rules and the re-estimated value).
   */
  respond(
    p: Principal,
    feedbackId: string,
    dto: RespondDto,
    idempotencyKey?: string,
  ): Promise<WriteOutcome<FeedbackView>> {
    return this.writes.run(
      p,
      idempotencyKey,
      { scope: 'POST /feedback/:id/response', resourceId: feedbackId, body: dto, status: 200 },
      (tx) => this.respondInTx(tx, p, feedbackId, dto),
    );
  }

  private async respondInTx(
    tx: Tx,
    p: Principal,
    feedbackId: string,
    dto: RespondDto,
  ): Promise<FeedbackView> {
    const m = tx.manager;
    const first = await this.repository.findRow(m, feedbackId);
    // The regulation row first (as every write touching it and other rows), then the item.
    const regulation = first && (await this.regulations.findForUpdate(m, first.regulation_id));
    if (!first || !regulation) throw new ProblemException(404, 'not-found', msg('feedback.noSuch'));
    const item = (await this.repository.findRow(m, feedbackId))!;
    const facts = accessFacts(regulation);
    requireAccess(
      AccessPolicy.readFeedback(p, facts, {
        authorId: item.author_id,
        published: item.published_at !== null,
      }),
      'feedback',
    );
    requireAccess(AccessPolicy.writeRegulation(p, facts), 'feedback');
    this.assertAnswerable(item, regulation);

    const target = targetView(item);
    const parsed = parseAnswer(
      dto,
      target?.kind === 'cost_field'
        ? { kind: 'cost_field', estimate: target.estimate, field: target.field }
        : target,
    );
    if (!parsed.ok) throw new ValidationProblem(parsed.errors);
    const answer = parsed.value;
    const now = this.clock.now();

    const change = await this.fieldChange(tx, item, answer);
    const write =
      change.kind === 'none' ? null : await this.writeEstimate(tx, item, answer, change, p);
    const version = (item.r_version ?? 0) + 1;
    const reValue =
      change.kind === 'set'
        ? write!.after.value
        : change.kind === 'none' && answer.reEstimate !== null
          ? item.re_estimate_value
          : null;
    const effect =
      reValue === null ? null : write ? combineEffects(item.cost_effect, write) : item.cost_effect;
    await this.save(tx, p, item, answer, version, reValue, effect, write, now);

    await this.outbox.write(m, {
      topic: CONSULTATION_TOPICS.answerGiven,
      regulationId: regulation.id,
      roundId: item.round_id,
      feedbackId: item.id,
      at: now,
      payload: {
        feedbackId: item.id,
        consultationId: item.round_id,
        regulationId: regulation.id,
        agencyId: regulation.agencyId,
        authorId: item.author_id,
        disposition: answer.disposition,
        version,
        corrected: version > 1,
        estimateChanged: write !== null,
      },
    });
    return (await this.repository.view(m, item.id))!;
  }

  /** 409 unless the item is of the current cycle, the regulation is responding, and not submitted. */
  private assertAnswerable(item: FeedbackRow, regulation: RegulationEntity): void {
    if (item.published_at !== null) {
      throw new ProblemException(
        409,
        'answers-frozen',
        msg('answer.submitted', { at: new Date(item.published_at).toISOString() }),
        { stateName: regulation.stateName },
      );
    }
    if (item.cycle !== cycleOf(regulation)) {
      throw new ProblemException(
        409,
        'earlier-cycle',
        msg('answer.oldCycle', { cycle: item.cycle, current: cycleOf(regulation) }),
        { stateName: regulation.stateName },
      );
    }
    if (regulation.stateName !== 'responding') {
      throw new ProblemException(
        409,
        'invalid-state',
        msg('answer.onlyResponding', { state: regulation.stateName }),
        { stateName: regulation.stateName, allowedStates: ['responding'] },
      );
    }
  }

  /** What this answer version does to the disputed field, given what the previous one did. */
  private async fieldChange(tx: Tx, item: FeedbackRow, answer: AnswerInput): Promise<FieldChange> {
    if (item.target_kind !== 'cost_field') return { kind: 'none' };
    const previous = item.re_estimate_value;
    if (answer.reEstimate !== null) {
      if (previous !== null && sameNumber(answer.reEstimate.value, previous))
        return { kind: 'none' };
      return { kind: 'set', value: answer.reEstimate.value };
    }
    if (previous === null || !item.cost_effect) return { kind: 'none' };
    // The corrected answer withdraws its re-estimate: restore the value the field had before this
    // item, unless another answer has changed the field since (its answer must be corrected first).
    const current = await this.fieldValue(tx, item.target_estimate!, item);
    if (current === null || !Rational.parse(current).eq(Rational.parse(previous))) {
      throw new ProblemException(
        409,
        'estimate-changed',
        `${item.target_estimate} ${item.target_field} is now ${current ?? 'absent'}, not the ${previous} this answer set; correct the answer that changed it last first.`,
      );
    }
    return { kind: 'restore', value: item.cost_effect.before.value };
  }

  private async fieldValue(
    tx: Tx,
    kind: TargetEstimate,
    item: FeedbackRow,
  ): Promise<string | null> {
    const estimate = await this.writer.current(tx.manager, item.regulation_id, kind);
    if (!estimate) return null;
    const v = costFieldValue(estimate.inputs, item.target_field!);
    return v.ok ? v.value : null;
  }

  /**
   * One new version of the disputed estimate via the single write path, with the item as reason,
   * and its effect on the annual cost and the savings (read before and after in this transaction).
   */
  private async writeEstimate(
    tx: Tx,
    item: FeedbackRow,
    answer: AnswerInput,
    change: Exclude<FieldChange, { kind: 'none' }>,
    p: Principal,
  ): Promise<StoredCostEffect> {
    const kind = item.target_estimate!;
    const field = item.target_field!;
    const before = await this.costing.snapshot(item.regulation_id, tx.manager);
    const reason =
      change.kind === 'restore'
        ? `Ý kiến tham vấn ${item.id} (${item.author_agency_name}): câu trả lời được sửa thành ${DISPOSITION_VI[answer.disposition]}, khôi phục giá trị trước ý kiến. ${excerpt(answer.explanation, 300)}`
        : `Ý kiến tham vấn ${item.id} (${item.author_agency_name}, ${DISPOSITION_VI[answer.disposition]}): "${excerpt(item.content, 300)}" — ${excerpt(answer.explanation, 300)}`;
    try {
      await this.writer.reviseField(tx, {
        regulationId: item.regulation_id,
        kind,
        field,
        value: change.value,
        source: 'feedback',
        reason,
        feedbackId: item.id,
        changedBy: p.userId,
      });
    } catch (err) {
      throw this.asReEstimateError(err, field);
    }
    const after = await this.costing.snapshot(item.regulation_id, tx.manager);
    return {
      estimate: kind,
      field,
      before: this.point(before, kind, field),
      after: this.point(after, kind, field),
    };
  }

  private point(s: CostingSnapshot, kind: TargetEstimate, field: string): EffectPoint {
    const estimate = s[kind]!;
    const value = costFieldValue(estimate.inputs, field);
    return {
      value: value.ok ? value.value : '',
      estimateVersion: estimate.version,
      annualCostExact: estimate.annualCostExact,
      baselineExact: s.baseline?.annualCostExact ?? null,
      savingsExact: savingsExact(
        s.baseline?.annualCostExact ?? null,
        s.proposed?.annualCostExact ?? null,
        s.plan?.action ?? null,
      ),
    };
  }

  /** The writer names the estimate's field; the client sent `reEstimate.value`. */
  private asReEstimateError(err: unknown, field: string): unknown {
    if (!(err instanceof ValidationProblem)) return err;
    const body = err.getResponse() as { errors?: FieldError[] };
    const errors = (body.errors ?? []).map((e) =>
      e.field === field ? { field: 'reEstimate.value', message: `${field} ${e.message}` } : e,
    );
    return new ValidationProblem(errors);
  }

  private async save(
    tx: Tx,
    p: Principal,
    item: FeedbackRow,
    answer: AnswerInput,
    version: number,
    reValue: string | null,
    effect: StoredCostEffect | null,
    write: StoredCostEffect | null,
    now: Date,
  ): Promise<void> {
    await this.answers.save(tx.manager, {
      feedbackId: item.id,
      regulationId: item.regulation_id,
      version,
      disposition: answer.disposition,
      explanation: answer.explanation,
      reEstimateValue: reValue,
      costEffect: effect,
      estimateWrite: write,
      answeredById: p.id,
      answeredByKind: p.kind,
      answeredByUserId: p.kind === 'user' ? p.userId : null,
      answeredAt: now,
    });
  }
}
