import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { WorkflowWarningDto } from '../workflow/http/workflow.dto';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../common/pagination';
import { DecisionRegulationDto } from './decision-regulation.dto';

export { DecisionRegulationDto };
import { DECISION_OUTCOMES, DecisionOutcome } from './domain/decision-input';

/** At most this many regulations in one request (a decision covers one ministry's plan). */
export const MAX_DECISION_REGULATIONS = 500;

export class RecordDecisionDto {
  @ApiProperty({
    example: '1661/QĐ-TTg',
    description: "a Prime Minister's decision number, checked like a legal document's",
  })
  @IsString()
  @MaxLength(100)
  decisionNumber: string;

  @ApiProperty({ example: '2021-10-04', description: 'YYYY-MM-DD, not after today' })
  @IsString()
  @MaxLength(40)
  decisionDate: string;

  @ApiProperty({ enum: DECISION_OUTCOMES })
  @IsIn(DECISION_OUTCOMES)
  outcome: DecisionOutcome;

  @ApiPropertyOptional({
    example: '2022-12-31',
    description:
      'required when approved: a date (23:59:59 that day in Asia/Ho_Chi_Minh) or a date-time with an offset',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  implementationDeadline?: string;

  @ApiProperty({
    type: [String],
    description: `1–${MAX_DECISION_REGULATIONS} regulations of one agency, each in awaiting_decision`,
  })
  @IsArray()
  @ArrayMaxSize(MAX_DECISION_REGULATIONS)
  @IsUUID('all', { each: true, message: 'each of regulationIds must be a UUID' })
  regulationIds: string[];
}

export class DecisionListQuery extends PageQuery {
  @ApiPropertyOptional({ description: "only this agency's decisions" })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;

  @ApiPropertyOptional({ enum: DECISION_OUTCOMES })
  @IsOptional()
  @IsIn(DECISION_OUTCOMES)
  outcome?: DecisionOutcome;
}

/** The deciding agency, as a decision names it. */
export class DecisionAgencyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BYT' }) code: string;
  @ApiProperty() name: string;
}

export class DecisionDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '1661/QĐ-TTg' }) decisionNumber: string;
  @ApiProperty({ example: '2021-10-04' }) decisionDate: string;
  @ApiProperty({ enum: DECISION_OUTCOMES }) outcome: DecisionOutcome;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  implementationDeadline: string | null;
  @ApiProperty() agencyId: string;
  @ApiProperty({ type: DecisionAgencyDto }) agency: DecisionAgencyDto;
  @ApiProperty({ enum: ['batch', 'event'] }) source: string;
  @ApiProperty() recordedAt: string;
  @ApiProperty() regulationCount: number;
  @ApiProperty({ type: [DecisionRegulationDto] }) regulations: DecisionRegulationDto[];
  @ApiPropertyOptional({
    type: [WorkflowWarningDto],
    description:
      'when recorded: e.g. implementation_deadline_past (kept as given; the implementations are overdue at once)',
  })
  warnings?: WorkflowWarningDto[];
}
