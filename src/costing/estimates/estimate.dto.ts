import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Allow, IsIn, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { COST_KINDS, NumericInput, SUBJECT_TYPES } from '../domain';
import { ESTIMATE_KINDS, EstimateKind } from '../shared/costing-rules';

/*
 * Numbers are only declared here (@Allow): the costing domain parses them strictly and reports
 * every bad field at once (negative, not a plain decimal, low > central, above the caps), so a
 * client gets one 400 listing all its mistakes. Unknown properties are still refused by the pipe.
 */
const NUMBER_OR_STRING = { oneOf: [{ type: 'number' }, { type: 'string' }] };

export class ActivityDto {
  @ApiProperty({ example: 'Chuẩn bị hồ sơ (prepare the dossier)' })
  @Allow()
  name: string;

  @ApiProperty({ ...NUMBER_OR_STRING, example: 8, description: 'hours per compliance' })
  @Allow()
  hours: NumericInput;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, example: 6 })
  @Allow()
  hoursLow?: NumericInput | null;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, example: 10 })
  @Allow()
  hoursHigh?: NumericInput | null;
}

export class PutEstimateDto {
  @ApiProperty({ format: 'uuid', description: 'the cost-parameter set giving the hourly rate' })
  @Allow()
  parameterSetId: string;

  @ApiProperty({ enum: SUBJECT_TYPES })
  @Allow()
  subjectType: string;

  @ApiProperty({ enum: COST_KINDS })
  @Allow()
  costKind: string;

  @ApiProperty({ type: [ActivityDto], description: 'administrative activities (may be empty)' })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => ActivityDto)
  activities: ActivityDto[];

  @ApiProperty({ ...NUMBER_OR_STRING, example: '1000000', description: 'VND per compliance' })
  @Allow()
  hiredServices: NumericInput;

  @ApiProperty({ ...NUMBER_OR_STRING, example: '500000', description: 'VND per compliance' })
  @Allow()
  feesAndCharges: NumericInput;

  @ApiProperty({ ...NUMBER_OR_STRING, example: '100000', description: 'VND per compliance' })
  @Allow()
  otherCosts: NumericInput;

  @ApiProperty({ ...NUMBER_OR_STRING, example: 1, description: 'per subject per year; may be 0.2' })
  @Allow()
  frequencyPerYear: NumericInput;

  @ApiPropertyOptional(NUMBER_OR_STRING)
  @Allow()
  frequencyLow?: NumericInput | null;

  @ApiPropertyOptional(NUMBER_OR_STRING)
  @Allow()
  frequencyHigh?: NumericInput | null;

  @ApiProperty({ ...NUMBER_OR_STRING, example: 12000 })
  @Allow()
  subjectsPerYear: NumericInput;

  @ApiPropertyOptional(NUMBER_OR_STRING)
  @Allow()
  subjectsLow?: NumericInput | null;

  @ApiPropertyOptional(NUMBER_OR_STRING)
  @Allow()
  subjectsHigh?: NumericInput | null;

  @ApiPropertyOptional({ description: 'why this version (shown in the history)', maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class EstimateHistoryQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ESTIMATE_KINDS, description: 'only the baseline or the proposed' })
  @IsOptional()
  @IsIn(ESTIMATE_KINDS)
  kind?: EstimateKind;
}
