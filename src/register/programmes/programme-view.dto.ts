import { ApiProperty } from '@nestjs/swagger';

/** A programme as the API answers it (ProgrammeView). */
export class ProgrammeViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'NQ68' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ format: 'date' }) baselineDate: string;
  @ApiProperty({ example: 30 }) targetCountPct: number;
  @ApiProperty({ example: 30 }) targetCostPct: number;
  @ApiProperty({ type: 'integer', example: 30 }) minConsultationDays: number;
  @ApiProperty({ type: [String] }) categories: string[];
}
