import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { TOP_LEVEL_STATES } from '../../workflow/domain';
import { REGULATION_CATEGORIES, SUBJECT_TYPES } from '../domain';

/** The shape of a regulation; field rules (lengths, codes, sector list) live in the register domain. */
export class CreateRegulationDto {
  @ApiProperty() @IsUUID() legalDocumentId: string;
  @ApiProperty({ example: 'Điều 4 khoản 1' }) @Allow() provision: unknown;
  @ApiProperty({ example: 'Thủ tục tự công bố sản phẩm' }) @Allow() title: unknown;
  @ApiPropertyOptional() @Allow() description?: unknown;
  @ApiProperty({ enum: REGULATION_CATEGORIES }) @Allow() category: unknown;
  @ApiProperty({ example: 'food_safety', description: 'a sector code (GET /sectors)' })
  @Allow()
  sector: unknown;
  @ApiProperty({ description: "the caller's own agency" }) @IsUUID() agencyId: string;
  @ApiPropertyOptional({ example: '1.003348', description: 'mã TTHC' })
  @Allow()
  procedureCode?: unknown;
  @ApiPropertyOptional({ enum: SUBJECT_TYPES, isArray: true }) @Allow() subjectTypes?: unknown;
}

export class UpdateRegulationDto {
  @ApiPropertyOptional() @IsOptional() @IsUUID() legalDocumentId?: string;
  @ApiPropertyOptional() @Allow() provision?: unknown;
  @ApiPropertyOptional() @Allow() title?: unknown;
  @ApiPropertyOptional() @Allow() description?: unknown;
  @ApiPropertyOptional({ enum: REGULATION_CATEGORIES }) @Allow() category?: unknown;
  @ApiPropertyOptional() @Allow() sector?: unknown;
  @ApiPropertyOptional() @Allow() procedureCode?: unknown;
  @ApiPropertyOptional({ enum: SUBJECT_TYPES, isArray: true }) @Allow() subjectTypes?: unknown;
}

export const STATE_NAMES = TOP_LEVEL_STATES;

export class RegulationListQuery extends PageQuery {
  @ApiPropertyOptional({
    description: 'every word must match, diacritics and case ignored: "thu tuc cong bo"',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: REGULATION_CATEGORIES })
  @IsOptional()
  @IsIn(REGULATION_CATEGORIES)
  category?: string;
  @ApiPropertyOptional({ description: 'sector code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  sector?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() agencyId?: string;
  @ApiPropertyOptional({ enum: STATE_NAMES, description: 'a stateName' })
  @IsOptional()
  @IsIn(STATE_NAMES)
  state?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() legalDocumentId?: string;
  @ApiPropertyOptional({
    description: 'a programme code: regulations in its baseline',
    example: 'NQ68',
  })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  programme?: string;
}
