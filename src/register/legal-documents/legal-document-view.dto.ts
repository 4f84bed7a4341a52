import { ApiProperty } from '@nestjs/swagger';
import { LEGAL_DOCUMENT_TYPES } from '../domain';

/** A legal document of the catalogue as the API answers it (LegalDocumentView). */
export class LegalDocumentViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '15/2018/NĐ-CP' }) number: string;
  @ApiProperty({ enum: LEGAL_DOCUMENT_TYPES }) type: string;
  @ApiProperty({ example: 'Nghị định' }) typeLabel: string;
  @ApiProperty({ example: 'Chính phủ' }) issuer: string;
  @ApiProperty() title: string;
  @ApiProperty({ format: 'date' }) issuedOn: string;
  @ApiProperty({ format: 'date' }) effectiveOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) expiredOn: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdByAgencyId: string | null;
}
