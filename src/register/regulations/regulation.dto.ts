import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { REGULATION_CATEGORIES, REGULATION_STATE_NAMES, SUBJECT_TYPES } from '../domain';

/** The shape of a regulation; field rules (lengths, codes, sector list) live in the register domain. */
export class CreateRegulationDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() legalDocumentId: string;
  @ApiProperty({ type: String, example: 'Điều 4 khoản 1' }) @Allow() provision: unknown;
  @ApiProperty({ type: String, example: 'Thủ tục tự công bố sản phẩm' }) @Allow() title: unknown;
  @ApiPropertyOptional({ type: String }) @Allow() description?: unknown;
  @ApiProperty({ enum: REGULATION_CATEGORIES }) @Allow() category: unknown;
  @ApiProperty({
    type: String,
    example: 'food_safety',
    description: 'a sector code (GET /sectors)',
  })
  @Allow()
  sector: unknown;
  @ApiProperty({ format: 'uuid', description: "the caller's own agency" })
  @IsUUID()
  agencyId: string;
  @ApiPropertyOptional({ type: String, example: '1.003348', description: 'mã TTHC' })
  @Allow()
  procedureCode?: unknown;
  @ApiPropertyOptional({ enum: SUBJECT_TYPES, isArray: true }) @Allow() subjectTypes?: unknown;
}

export class UpdateRegulationDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() legalDocumentId?: string;
  @ApiPropertyOptional({ type: String }) @Allow() provision?: unknown;
  @ApiPropertyOptional({ type: String }) @Allow() title?: unknown;
  @ApiPropertyOptional({ type: String }) @Allow() description?: unknown;
  @ApiPropertyOptional({ enum: REGULATION_CATEGORIES }) @Allow() category?: unknown;
  @ApiPropertyOptional({ type: String }) @Allow() sector?: unknown;
  @ApiPropertyOptional({ type: String }) @Allow() procedureCode?: unknown;
  @ApiPropertyOptional({ enum: SUBJECT_TYPES, isArray: true }) @Allow() subjectTypes?: unknown;
}

export const STATE_NAMES = REGULATION_STATE_NAMES;

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
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() legalDocumentId?: string;
  @ApiPropertyOptional({
    description: 'a programme code: regulations in its baseline',
    example: 'NQ68',
  })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  programme?: string;
}
