import { ApiProperty } from '@nestjs/swagger';
import { CostFiguresDto } from '../../costing/estimates/estimate-view.dto';
import { TOP_LEVEL_STATES } from '../../workflow/domain';
import { ROUND_KINDS } from '../domain/feedback-rules';
import type { RoundKind } from '../domain/feedback-rules';
import { FeedbackViewDto } from '../feedback/feedback-view.dto';

/*
 * GET /consultations/:id/report as JSON (ConsultationReport in report.service.ts). Money is whole
 * VND as decimal strings, as elsewhere.
 */

export class ReportRegulationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Thủ tục tự công bố sản phẩm' }) title: string;
  @ApiProperty({ example: 'Điều 4' }) provision: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ example: 'Bộ Y tế' }) agencyName: string;
  @ApiProperty({ enum: TOP_LEVEL_STATES }) stateName: string;
}

/** One round of the report's consultation, with how many items it received. */
export class ReportRoundDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) regulationId: string;
  @ApiProperty({ type: 'integer' }) cycle: number;
  @ApiProperty({ enum: ROUND_KINDS }) round: RoundKind;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: 'open' | 'closed';
  @ApiProperty({ type: String, format: 'uuid', isArray: true }) invitedExpertIds: string[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;

  @ApiProperty({ enum: ['early', 'deadline', 'withdrawn'], nullable: true })
  closeReason: 'early' | 'deadline' | 'withdrawn' | null;

  @ApiProperty({ type: 'integer', description: 'feedback items given in this round' })
  items: number;
}

export class ReportSummaryDto {
  @ApiProperty({ type: 'integer' }) items: number;

  @ApiProperty({ type: 'integer', description: 'of which comments of self-registered commenters' })
  publicComments: number;

  @ApiProperty({
    type: 'integer',
    description: 'public comments hidden by moderation (they need no answer)',
  })
  hidden: number;

  @ApiProperty({ type: 'integer' }) answered: number;

  @ApiProperty({
    type: 'integer',
    description: 'items still to answer before the submission (hidden ones excluded)',
  })
  unanswered: number;

  @ApiProperty({ type: 'integer' }) accepted: number;
  @ApiProperty({ type: 'integer' }) partiallyAccepted: number;
  @ApiProperty({ type: 'integer' }) rejected: number;
  @ApiProperty({ type: 'integer' }) withEvidence: number;
  @ApiProperty({ type: 'integer' }) withAttachments: number;

  @ApiProperty({ type: 'integer', description: 'answers that re-estimated a cost field' })
  reEstimates: number;
}

/** The re-estimates' combined effect on the savings, from before the first to after the last. */
export class ReportCostEffectDto {
  @ApiProperty({ type: String, nullable: true }) savingsBefore: string | null;
  @ApiProperty({ type: String, nullable: true }) savingsAfter: string | null;
  @ApiProperty({ type: String, nullable: true }) savingsChange: string | null;
}

/** The regulation's cost figures now (CostSummary). */
export class ReportCurrentCostsDto extends CostFiguresDto {}

/** The estimates' activity names by index, so `activities[0].hours` reads as the activity's name. */
export class ReportActivityNamesDto {
  @ApiProperty({ type: [String] }) baseline: string[];
  @ApiProperty({ type: [String] }) proposed: string[];
}

/** Báo cáo tổng hợp ý kiến tham vấn: every item of one consultation cycle, its answer and cost effect. */
export class ConsultationReportDto {
  @ApiProperty({
    format: 'uuid',
    description: 'the round asked for; the report covers both rounds of its cycle',
  })
  consultationId: string;

  @ApiProperty({ type: ReportRegulationDto }) regulation: ReportRegulationDto;
  @ApiProperty({ type: 'integer' }) cycle: number;
  @ApiProperty({ type: [ReportRoundDto] }) rounds: ReportRoundDto[];

  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'when the cycle was submitted to the Government Office (answers published)',
  })
  publishedAt: string | null;

  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: ReportSummaryDto }) summary: ReportSummaryDto;
  @ApiProperty({ type: ReportCostEffectDto }) costEffect: ReportCostEffectDto;
  @ApiProperty({ type: ReportCurrentCostsDto }) currentCosts: ReportCurrentCostsDto;
  @ApiProperty({ type: ReportActivityNamesDto }) activityNames: ReportActivityNamesDto;
  @ApiProperty({ type: [FeedbackViewDto] }) items: FeedbackViewDto[];
}
