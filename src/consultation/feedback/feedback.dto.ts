import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  Allow,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsUUID,
  Min,
  ValidateNested,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { TARGET_ESTIMATES, TARGET_KINDS } from '../domain/feedback-input';
import { DISPOSITIONS } from '../domain/feedback-rules';

/*
 * Leaves are only declared here (@Allow): the consultation domain checks them all at once (plain
 * text, target consistency, numbers parsed strictly by the costing domain), so one 400 lists
 * every mistake. Unknown properties are still refused by the global pipe.
 */
const NUMBER_OR_STRING = { oneOf: [{ type: 'number' }, { type: 'string' }] };

const booleanQuery = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

export class FeedbackTargetDto {
  @ApiProperty({ enum: TARGET_KINDS })
  @Allow()
  kind: string;

  @ApiPropertyOptional({ enum: TARGET_ESTIMATES, description: 'for kind cost_field' })
  @Allow()
  estimate?: string;

  @ApiPropertyOptional({
    example: 'activities[0].hours',
    description:
      'for kind cost_field: hiredServices, feesAndCharges, otherCosts, frequencyPerYear, subjectsPerYear (and their Low/High when the estimate gives a range), activities[i].hours',
  })
  @Allow()
  field?: string;
}

export class FeedbackEvidenceDto {
  @ApiPropertyOptional({
    ...NUMBER_OR_STRING,
    example: 3200,
    description: 'subjects affected (whole number)',
  })
  @Allow()
  subjects?: number | string;

  @ApiPropertyOptional({
    ...NUMBER_OR_STRING,
    example: 2,
    description: 'compliances per subject per year',
  })
  @Allow()
  frequencyPerYear?: number | string;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, example: 8, description: 'hours per compliance' })
  @Allow()
  hours?: number | string;

  @ApiPropertyOptional({
    ...NUMBER_OR_STRING,
    example: '450000',
    description: 'VND per compliance',
  })
  @Allow()
  amount?: number | string;

  @ApiPropertyOptional({
    example: 'Khảo sát 120 doanh nghiệp hội viên, tháng 3/2026',
    maxLength: 2000,
  })
  @Allow()
  note?: string;
}

export class CreateFeedbackDto {
  @ApiProperty({
    example: 'Thời gian chuẩn bị hồ sơ thực tế là 8 giờ, không phải 3 giờ như dự thảo.',
    description: 'plain text, at most 10,000 characters',
  })
  @Allow()
  content: string;

  @ApiPropertyOptional({ type: FeedbackTargetDto, description: 'what the item disputes' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackTargetDto)
  target?: FeedbackTargetDto;

  @ApiPropertyOptional({ type: FeedbackEvidenceDto, description: 'what the commenter measured' })
  @IsOptional()
  @ValidateNested()
  @Type(() => FeedbackEvidenceDto)
  evidence?: FeedbackEvidenceDto;
}

export class ReEstimateDto {
  @ApiProperty({
    ...NUMBER_OR_STRING,
    example: 8,
    description: 'the new value of the disputed cost field (money as a string or an integer)',
  })
  @Allow()
  value: number | string;
}

export class RespondDto {
  @ApiProperty({
    enum: DISPOSITIONS,
    description: 'tiếp thu, tiếp thu một phần, không tiếp thu (giải trình)',
  })
  @Allow()
  disposition: string;

  @ApiProperty({
    example: 'Tiếp thu: điều chỉnh thời gian chuẩn bị hồ sơ theo khảo sát của Hiệp hội.',
  })
  @Allow()
  explanation: string;

  @ApiPropertyOptional({
    type: ReEstimateDto,
    description:
      'required when accepting an item that disputes a cost field; optional when partially accepting; never with a rejection',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReEstimateDto)
  reEstimate?: ReEstimateDto;
}

export class MyFeedbackQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'your own items (the only ones listed here)', default: true })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  mine?: boolean;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  regulationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'a round id' })
  @IsOptional()
  @IsUUID()
  consultationId?: string;
}

export class RegulationFeedbackQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'only items without an answer (those blocking SUBMIT_TO_GOVERNMENT_OFFICE); of the current cycle unless `cycle` is given',
  })
  @IsOptional()
  @Transform(booleanQuery)
  @IsBoolean()
  unanswered?: boolean;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'consultation cycle' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  cycle?: number;

  @ApiPropertyOptional({ enum: ['expert', 'association'] })
  @IsOptional()
  @IsIn(['expert', 'association'])
  round?: 'expert' | 'association';

  @ApiPropertyOptional({
    enum: ['expert', 'association', 'public'],
    description: 'public: only the comments of self-registered commenters (góp ý công khai)',
  })
  @IsOptional()
  @IsIn(['expert', 'association', 'public'])
  origin?: 'expert' | 'association' | 'public';
}

export class HideFeedbackDto {
  @ApiProperty({
    example: 'Nội dung quảng cáo, không liên quan đến quy định.',
    description: 'plain text, at most 2,000 characters; recorded in the audit log',
  })
  @Allow()
  reason: string;
}

export class ReportQuery {
  @ApiPropertyOptional({ enum: ['json', 'xlsx'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'xlsx'])
  format?: 'json' | 'xlsx';
}
