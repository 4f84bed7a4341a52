import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { LEGAL_DOCUMENT_TYPES } from '../domain';

/**
 * Typed `unknown` on purpose: the register domain checks each field and names it in a 400 (a
 * wrong JSON type included); the document says what the wire type is.
 * Field checks live in the register domain (number formats per type, dates); this is the shape. */
export class LegalDocumentDto {
  @ApiProperty({ type: String, example: '15/2018/NĐ-CP' }) @Allow() number: unknown;
  @ApiProperty({ enum: LEGAL_DOCUMENT_TYPES }) @Allow() type: unknown;
  @ApiProperty({ type: String, example: 'Chính phủ' }) @Allow() issuer: unknown;
  @ApiProperty({
    type: String,
    example: 'Nghị định quy định chi tiết thi hành một số điều của Luật An toàn thực phẩm',
  })
  @Allow()
  title: unknown;
  @ApiProperty({ type: String, format: 'date', example: '2018-02-02' }) @Allow() issuedOn: unknown;
  @ApiProperty({ type: String, format: 'date', example: '2018-02-02' })
  @Allow()
  effectiveOn: unknown;
  @ApiPropertyOptional({ type: String, format: 'date', example: null, nullable: true })
  @Allow()
  expiredOn?: unknown;
}

export class UpdateLegalDocumentDto {
  @ApiPropertyOptional({ type: String }) @Allow() number?: unknown;
  @ApiPropertyOptional({ enum: LEGAL_DOCUMENT_TYPES }) @Allow() type?: unknown;
  @ApiPropertyOptional({ type: String }) @Allow() issuer?: unknown;
  @ApiPropertyOptional({ type: String }) @Allow() title?: unknown;
  @ApiPropertyOptional({ type: String, format: 'date' }) @Allow() issuedOn?: unknown;
  @ApiPropertyOptional({ type: String, format: 'date' }) @Allow() effectiveOn?: unknown;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true })
  @Allow()
  expiredOn?: unknown;
}

export class LegalDocumentListQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'diacritic-insensitive words in number, title or issuer' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string;

  @ApiPropertyOptional({ enum: LEGAL_DOCUMENT_TYPES })
  @IsOptional()
  @IsIn(LEGAL_DOCUMENT_TYPES)
  type?: string;

  @ApiPropertyOptional({ description: 'in force on this date (YYYY-MM-DD)' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  inForceOn?: string;
}
