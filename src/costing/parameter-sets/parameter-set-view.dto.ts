import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** A cost-parameter set (ParameterSetView); figures are decimal strings. */
export class ParameterSetViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 2025 }) year: number;
  @ApiProperty({ example: '30539.77', description: 'VND per hour, 2 decimals' }) hourlyRate: string;
  @ApiProperty({ description: 'the exact rate "n/d" every estimate is computed with' })
  hourlyRateExact: string;
  @ApiProperty({ enum: ['derived', 'explicit'] }) rateSource: 'derived' | 'explicit';
  @ApiProperty({ type: String, nullable: true }) annualIncomePerCapita: string | null;
  @ApiProperty() monthsPerYear: string;
  @ApiProperty() workingDaysPerMonth: string;
  @ApiProperty() hoursPerDay: string;
  @ApiProperty({ type: String, nullable: true }) source: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** PATCH answer: the set and the job recomputing its estimates (null when nothing to recompute). */
export class ParameterSetUpdatedDto extends ParameterSetViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) recalculationJobId: string | null;
}

/** The figures of one version: the set's view without id, version and timestamps. */
export class ParameterSetValuesDto {
  @ApiProperty() year: number;
  @ApiProperty({ example: '30539.77' }) hourlyRate: string;
  @ApiProperty() hourlyRateExact: string;
  @ApiPropertyOptional({ enum: ['derived', 'explicit'] }) rateSource?: 'derived' | 'explicit';
  @ApiProperty({ type: String, nullable: true }) annualIncomePerCapita: string | null;
  @ApiProperty() monthsPerYear: string;
  @ApiProperty() workingDaysPerMonth: string;
  @ApiProperty() hoursPerDay: string;
  @ApiPropertyOptional({ type: String, nullable: true }) source?: string | null;
}

export class ParameterSetVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ type: ParameterSetValuesDto }) values: ParameterSetValuesDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) changedBy: string | null;
  @ApiProperty({ format: 'date-time' }) changedAt: string;
}

export class ParameterSetHistoryDto {
  @ApiProperty({ type: [ParameterSetVersionDto], description: 'oldest first' })
  items: ParameterSetVersionDto[];
}
