import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** OpenAPI descriptions of the regulation responses (the web app's typed client reads them). */
export class LegalDocumentRefDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '15/2018/NĐ-CP' }) number: string;
  @ApiProperty({ example: 'decree' }) type: string;
  @ApiProperty() title: string;
}

export class RegulationResponseDto {
  @ApiProperty() id: string;
  @ApiProperty() legalDocumentId: string;
  @ApiProperty({ type: LegalDocumentRefDto, nullable: true })
  legalDocument: LegalDocumentRefDto | null;
  @ApiProperty({ example: 'Điều 4 khoản 1' }) provision: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty({ example: 'administrative_procedure' }) category: string;
  @ApiProperty({ example: 'health' }) sector: string;
  @ApiProperty() agencyId: string;
  @ApiProperty({ type: String, nullable: true, example: '1.013872' }) procedureCode: string | null;
  @ApiProperty({ type: [String], example: ['business'] }) subjectTypes: string[];
  @ApiProperty({
    description: 'the XState value: a string, or an object inside parallel or nested states',
    oneOf: [{ type: 'string' }, { type: 'object' }],
  })
  state: unknown;
  @ApiProperty({ example: 'draft' }) stateName: string;
  @ApiProperty({ example: 1 }) version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RegulationPageDto {
  @ApiProperty({ type: [RegulationResponseDto] }) items: RegulationResponseDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class PlanSummaryDto {
  @ApiProperty({ enum: ['abolish', 'simplify', 'amend'] }) action: string;
  @ApiProperty() description: string;
  @ApiPropertyOptional({ type: String, nullable: true }) targetDocument?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) programme?: string | null;
}

/** GET /regulations/:id: the record with what the workflow and costing modules add. */
export class RegulationDetailDto extends RegulationResponseDto {
  @ApiProperty({
    type: [String],
    description: 'events the caller may send now',
    example: ['SUBMIT_FOR_REVIEW'],
  })
  availableEvents: string[];
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'whole VND per year',
    example: '23231250000',
  })
  baselineCost: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3865909091' }) proposedCost: string | null;
  @ApiProperty({ type: String, nullable: true, example: '19365340909' }) savings: string | null;
  @ApiProperty({ type: Number, nullable: true, example: 83.36 }) reductionPct: number | null;
  @ApiProperty({ type: PlanSummaryDto, nullable: true }) plan: PlanSummaryDto | null;
}

/** An agency as other views name it (a consultation's regulation, a progress item). */
export class AgencyRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BYT' }) code: string;
  @ApiProperty({ example: 'Bộ Y tế' }) name: string;
}

/** A legal document by its number, as other views cite it. */
export class DocumentRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '15/2018/NĐ-CP' }) number: string;
}
