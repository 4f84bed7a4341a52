import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AttachmentViewDto } from '../attachments/attachment-view.dto';
import { TARGET_ESTIMATES, TARGET_KINDS } from '../domain/feedback-input';
import type { TargetEstimate, TargetKind } from '../domain/feedback-input';
import { DISPOSITIONS, FEEDBACK_ORIGINS, ROUND_KINDS } from '../domain/feedback-rules';
import type { Disposition, FeedbackOrigin, RoundKind } from '../domain/feedback-rules';

/*
 * The answers of the feedback routes (FeedbackView in consultation/persistence): numbers given by
 * commenters and cost figures are exact decimal strings, money whole VND, as elsewhere.
 */

/** What an item disputes: the regulation, its plan, or one field of a cost estimate. */
export class FeedbackTargetViewDto {
  @ApiProperty({ enum: TARGET_KINDS }) kind: TargetKind;

  @ApiPropertyOptional({ enum: TARGET_ESTIMATES, description: 'for kind cost_field' })
  estimate?: TargetEstimate;

  @ApiPropertyOptional({ example: 'activities[0].hours', description: 'for kind cost_field' })
  field?: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '3',
    description: "for kind cost_field: the field's value in the estimate when the item was given",
  })
  valueAtFeedback?: string | null;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'for kind cost_field' })
  estimateVersionAtFeedback?: number | null;
}

/** Bằng chứng: what the commenter measured, as exact decimal strings. */
export class FeedbackEvidenceViewDto {
  @ApiProperty({ type: String, nullable: true, example: '3200', description: 'subjects affected' })
  subjects: string | null;

  @ApiProperty({ type: String, nullable: true, example: '2', description: 'per subject per year' })
  frequencyPerYear: string | null;

  @ApiProperty({ type: String, nullable: true, example: '8', description: 'hours per compliance' })
  hours: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '450000',
    description: 'VND per compliance',
  })
  amount: string | null;

  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

/** A public commenter's own account of who they are (góp ý công khai). */
export class PublicAuthorViewDto {
  @ApiProperty({ type: String, nullable: true }) organisation: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0101245486',
    description:
      'mã số thuế as given: its form and check digit are valid, its registration is not checked',
  })
  taxCode: string | null;

  @ApiProperty({ description: 'always false: the registration is not checked' })
  taxCodeVerified: boolean;
}

export class FeedbackAuthorViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'association' }) role: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty() agencyName: string;

  @ApiPropertyOptional({ type: PublicAuthorViewDto, description: 'for origin public only' })
  public?: PublicAuthorViewDto;
}

/** How an answer's re-estimate changed the estimate and the savings (money as whole-VND strings). */
export class CostEffectViewDto {
  @ApiProperty({ enum: TARGET_ESTIMATES }) estimate: TargetEstimate;
  @ApiProperty({ example: 'activities[0].hours' }) field: string;
  @ApiProperty({ example: '3' }) valueBefore: string;
  @ApiProperty({ example: '8' }) valueAfter: string;
  @ApiProperty({ type: 'integer' }) estimateVersionBefore: number;
  @ApiProperty({ type: 'integer' }) estimateVersionAfter: number;
  @ApiProperty({ example: '23231250000' }) annualCostBefore: string;
  @ApiProperty({ example: '30975000000' }) annualCostAfter: string;
  @ApiProperty({ type: String, nullable: true }) savingsBefore: string | null;
  @ApiProperty({ type: String, nullable: true }) savingsAfter: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'savingsAfter − savingsBefore, rounded once from the exact difference',
  })
  savingsChange: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 49.93 }) reductionPctBefore: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 62.4 }) reductionPctAfter: number | null;
}

export class ReEstimateViewDto {
  @ApiProperty({ example: '8', description: 'the value the answer gave the disputed field' })
  value: string;
}

export class AnsweredByDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['user', 'api_key'] }) kind: 'user' | 'api_key';
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

/** Tiếp thu, giải trình: the owning agency's current answer to an item. */
export class AnswerViewDto {
  @ApiProperty({ enum: DISPOSITIONS }) disposition: Disposition;
  @ApiProperty() explanation: string;

  @ApiProperty({ type: ReEstimateViewDto, nullable: true })
  reEstimate: ReEstimateViewDto | null;

  @ApiProperty({
    type: CostEffectViewDto,
    nullable: true,
    description: 'null when the answer changed no estimate',
  })
  costEffect: CostEffectViewDto | null;

  @ApiProperty({ type: 'integer', description: '1 for the first answer, +1 per correction' })
  version: number;

  @ApiProperty({ format: 'date-time' }) answeredAt: string;
  @ApiProperty({ format: 'date-time' }) firstAnsweredAt: string;
  @ApiProperty({ type: AnsweredByDto }) answeredBy: AnsweredByDto;
}

/** Moderation of a public comment: seen only by its author, the owning agency and the Government Office. */
export class ModerationViewDto {
  @ApiProperty({ format: 'date-time' }) hiddenAt: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) hiddenById: string | null;
}

/** Ý kiến tham vấn: one feedback item with its attachments, answer and moderation. */
export class FeedbackViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;

  @ApiProperty({ format: 'uuid', description: 'the round (GET /consultations) it was given in' })
  consultationId: string;

  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty({ type: 'integer' }) cycle: number;
  @ApiProperty({ enum: ROUND_KINDS }) round: RoundKind;

  @ApiProperty({
    enum: FEEDBACK_ORIGINS,
    description:
      'public for a comment of a self-registered commenter (góp ý công khai), else the round',
  })
  origin: FeedbackOrigin;

  @ApiProperty({ type: FeedbackAuthorViewDto }) author: FeedbackAuthorViewDto;
  @ApiProperty() content: string;

  @ApiProperty({ type: FeedbackTargetViewDto, nullable: true })
  target: FeedbackTargetViewDto | null;

  @ApiProperty({ type: FeedbackEvidenceViewDto, nullable: true })
  evidence: FeedbackEvidenceViewDto | null;

  @ApiProperty({ type: [AttachmentViewDto] }) attachments: AttachmentViewDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'set once the cycle was submitted to the Government Office: the answer is public',
  })
  publishedAt: string | null;

  @ApiProperty({ type: AnswerViewDto, nullable: true }) answer: AnswerViewDto | null;

  @ApiProperty({
    type: ModerationViewDto,
    nullable: true,
    description: 'set when moderation hid the comment (it is then left out of public views)',
  })
  hidden: ModerationViewDto | null;
}
