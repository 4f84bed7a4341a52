import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { AMENDING_DOCUMENT_TYPES } from '../../register/domain/amending-document';
import { REGULATION_EVENT_TYPES, TOP_LEVEL_STATES } from '../domain';

/** Swagger schema of `POST /regulations/:id/events` (validated by the workflow domain itself). */
export const EVENT_BODY_SCHEMA = {
  type: 'object',
  required: ['type'],
  additionalProperties: true,
  properties: {
    type: { type: 'string', enum: [...REGULATION_EVENT_TYPES] },
    necessary: { type: 'boolean', description: 'COMPLETE_REVIEW' },
    legal: { type: 'boolean', description: 'COMPLETE_REVIEW' },
    reasonable: { type: 'boolean', description: 'COMPLETE_REVIEW' },
    notes: { type: 'string', description: 'COMPLETE_REVIEW' },
    expertDeadline: {
      type: 'string',
      description: 'OPEN_CONSULTATION: date-time with offset, or a date (23:59:59 in Vietnam)',
      example: '2026-12-31',
    },
    associationDeadline: {
      type: 'string',
      description: 'OPEN_CONSULTATION',
      example: '2026-12-31',
    },
    expertIds: {
      type: 'array',
      items: { type: 'string', format: 'uuid' },
      description: 'OPEN_CONSULTATION: users with the role expert',
    },
    reasons: { type: 'array', items: { type: 'string' }, description: 'RETURN_FOR_REVISION' },
    reason: { type: 'string', description: 'WITHDRAW (required), REVISE_PLAN' },
    note: { type: 'string', description: 'FORWARD_FOR_DECISION' },
    outcome: { type: 'string', enum: ['approved', 'rejected'], description: 'RECORD_DECISION' },
    decisionNumber: { type: 'string', example: '1661/QĐ-TTg', description: 'RECORD_DECISION' },
    decisionDate: { type: 'string', format: 'date', description: 'RECORD_DECISION' },
    implementationDeadline: { type: 'string', description: 'RECORD_DECISION when approved' },
    amendingDocumentNumber: {
      type: 'string',
      example: '05/2026/TT-BYT',
      description:
        'RECORD_IMPLEMENTATION: checked with the legal-document catalogue’s rule (a normative document carries its year)',
    },
    effectiveDate: {
      type: 'string',
      format: 'date',
      description:
        'RECORD_IMPLEMENTATION: implemented from this day (00:00 in Vietnam); a later day is kept pending by a durable timer',
    },
    amendingDocumentType: {
      type: 'string',
      enum: [...AMENDING_DOCUMENT_TYPES],
      description: 'RECORD_IMPLEMENTATION (optional): check the number against this type',
    },
    amendingDocumentId: {
      type: 'string',
      format: 'uuid',
      description: 'RECORD_IMPLEMENTATION (optional): the catalogue entry of the amending document',
    },
    amendingDocument: {
      type: 'object',
      properties: {
        issuer: { type: 'string', example: 'Bộ Y tế' },
        title: { type: 'string' },
        issuedOn: { type: 'string', format: 'date' },
      },
      description:
        'RECORD_IMPLEMENTATION (optional): find or add the amending document in the catalogue (effectiveOn = effectiveDate)',
    },
  },
} as const;

export class WorkflowWarningDto {
  @ApiProperty({ enum: ['implementation_deadline_past', 'consultation_ends_after_programme'] })
  code: string;
  @ApiProperty({ example: 'implementationDeadline' }) field: string;
  @ApiProperty() message: string;
}

export class EventResponseDto {
  @ApiProperty({
    description: 'XState value: a string, or an object inside parallel/nested states',
    oneOf: [{ type: 'string' }, { type: 'object' }],
  })
  state: unknown;
  @ApiProperty({ enum: TOP_LEVEL_STATES }) stateName: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: REGULATION_EVENT_TYPES, isArray: true }) availableEvents: string[];
  @ApiPropertyOptional({
    type: [WorkflowWarningDto],
    description:
      'the event was accepted as given, but the caller should know this (a client shows it); also recorded in the history entry',
  })
  warnings?: WorkflowWarningDto[];
}

export class HistoryEntryDto {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ nullable: true, description: 'user id, API key id, or null for the system' })
  actorId: string | null;
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) actorKind: string;
  @ApiProperty({ description: 'the role, or "system" for timers' }) actorRole: string;
  @ApiProperty({ enum: REGULATION_EVENT_TYPES }) event: string;
  @ApiProperty() fromState: unknown;
  @ApiProperty() toState: unknown;
  @ApiProperty() fromStateName: string;
  @ApiProperty() toStateName: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ description: 'sha256 chaining this entry to the previous one' }) hash: string;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEntryDto] }) items: HistoryEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class HistoryVerificationDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ description: 'entries checked' }) entries: number;
  @ApiProperty({ nullable: true, type: Number, description: 'seq of the first broken entry' })
  brokenAt: number | null;
}

export class WorkflowQuery {
  @ApiPropertyOptional({ enum: ['json', 'mermaid'], description: 'mermaid: the diagram as text' })
  @IsOptional()
  @IsIn(['json', 'mermaid'])
  format?: 'json' | 'mermaid';
}

export class ConsultationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ enum: ['expert', 'association'] })
  @IsOptional()
  @IsIn(['expert', 'association'])
  round?: 'expert' | 'association';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regulationId?: string;
}

export class ConsultationRoundDto {
  @ApiProperty() id: string;
  @ApiProperty() regulationId: string;
  @ApiProperty({ description: 'consultation cycle (1 for the first, +1 after each revision)' })
  cycle: number;
  @ApiProperty({ enum: ['expert', 'association'] }) round: string;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ enum: ['open', 'closed'] }) status: string;
  @ApiProperty({ type: [String] }) invitedExpertIds: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ nullable: true, enum: ['early', 'deadline', 'withdrawn'] })
  closeReason: string | null;
}

export class AgencyRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BYT' }) code: string;
  @ApiProperty({ example: 'Bộ Y tế' }) name: string;
}

export class DocumentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '15/2018/NĐ-CP' }) number: string;
}

export class ConsultationRegulationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Thủ tục tự công bố sản phẩm' }) title: string;
  @ApiProperty({ example: 'Điều 4' }) provision: string;
  @ApiProperty({ type: AgencyRefDto }) agency: AgencyRefDto;
  @ApiProperty({ type: DocumentRefDto }) legalDocument: DocumentRefDto;
}

export class ConsultationPlanSummaryDto {
  @ApiProperty({ enum: ['abolish', 'simplify', 'amend'] }) action: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) targetDocument: string | null;
  @ApiProperty({ example: 'NQ66', description: 'the programme the plan is filed under' })
  programme: string;
}

export class ConsultationClosingDatesDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) expertRound: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  associationRound: string | null;
}

export class ConsultationListingDto extends ConsultationRoundDto {
  @ApiProperty({ type: ConsultationRegulationDto, nullable: true })
  regulation: ConsultationRegulationDto | null;
  @ApiProperty({ type: ConsultationPlanSummaryDto, nullable: true })
  plan: ConsultationPlanSummaryDto | null;
  @ApiProperty({
    type: ConsultationClosingDatesDto,
    description: 'when each round of this consultation stops taking feedback',
  })
  closingDates: ConsultationClosingDatesDto;
}

export class ConsultationPageDto {
  @ApiProperty({ type: [ConsultationListingDto] }) items: ConsultationListingDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
