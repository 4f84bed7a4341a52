import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { DRILL_DOWN_BUCKETS, DrillDownBucket } from '../domain/ledger';

export class ProgressQuery {
  @ApiProperty({ example: 'NQ68', description: 'a programme code (or id)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  programme: string;

  @ApiPropertyOptional({
    description:
      'one agency; without it, the nation (Government Office and admins only). Ministries must name their own agency.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;
}

export class ProgressItemsQuery extends PageQuery {
  @ApiProperty({ example: 'NQ68', description: 'a programme code (or id)' })
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  programme: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;

  @ApiProperty({
    enum: DRILL_DOWN_BUCKETS,
    description:
      'baseline: in the programme’s baseline; pipeline / approved / implemented: counted toward its targets; outside: plans under it for regulations outside its baseline; overdue: implementations past their deadline',
  })
  @IsIn(DRILL_DOWN_BUCKETS)
  bucket: DrillDownBucket;

  @ApiPropertyOptional({
    example: '2021-10',
    description: 'approved / implemented only: the month of the series point (YYYY-MM)',
  })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'month must be YYYY-MM' })
  month?: string;
}

export class OverdueQuery extends PageQuery {
  @ApiPropertyOptional({
    description:
      'one agency (a ministry: its own, the default); the Government Office: any, or all',
  })
  @IsOptional()
  @IsUUID('all', { message: 'agencyId must be a UUID' })
  agencyId?: string;

  @ApiPropertyOptional({
    example: 'NQ66',
    description: 'only plans filed under this programme (code or id)',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  programme?: string;
}

export class CheckQuery {
  @ApiPropertyOptional({ example: 'NQ68', description: 'one programme (code or id); default all' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  programme?: string;
}

export class MoneyFigureDto {
  @ApiProperty() count: number;
  @ApiProperty({ example: '23231250000', description: 'whole VND per year' }) savings: string;
}

export class DenominatorDto {
  @ApiProperty({ description: 'regulations in the baseline' }) count: number;
  @ApiProperty({ example: '46462500000' }) annualCost: string;
  @ApiProperty() costedCount: number;
}

export class TargetFigureDto extends MoneyFigureDto {
  @ApiProperty({ type: Number, nullable: true, example: 40 }) countPct: number | null;
  @ApiProperty({ type: Number, nullable: true, example: 49.93 }) costPct: number | null;
  @ApiProperty({ type: DenominatorDto }) denominator: DenominatorDto;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 80,
    description: 'the costed coverage of the denominator, which costPct rests on',
  })
  coveragePct: number | null;
  @ApiProperty({
    description: 'coverage below the minimum: costPct overstates the share of the cost cut',
  })
  lowCoverage: boolean;
  @ApiProperty({ description: 'the drill-down URL' }) items: string;
}

export class BaselineDto extends DenominatorDto {
  @ApiProperty({ type: Number, nullable: true, description: 'costedCount / count × 100' })
  coveragePct: number | null;
  @ApiProperty({ description: 'coveragePct is below minCoveragePct' }) lowCoverage: boolean;
  @ApiProperty({ example: 90 }) minCoveragePct: number;
  @ApiProperty() items: string;
}

export class TargetReachedDto {
  @ApiProperty() count: boolean;
  @ApiProperty({ description: 'true only when costStatus is reached' }) cost: boolean;
  @ApiProperty({
    enum: ['reached', 'not_reached', 'low_coverage'],
    description:
      'low_coverage: fewer than minCoveragePct % of the baseline regulations are costed, so the cost share cannot show the target reached',
  })
  costStatus: string;
}

export class TargetDto {
  @ApiProperty({ example: 30 }) countPct: number;
  @ApiProperty({ example: 30 }) costPct: number;
  @ApiProperty({ example: 90 }) minCoveragePct: number;
  @ApiProperty() lowCoverage: boolean;
  @ApiProperty({ type: TargetReachedDto }) approvedReached: TargetReachedDto;
  @ApiProperty({ type: TargetReachedDto }) implementedReached: TargetReachedDto;
}

export class ProgressReportDto {
  @ApiProperty() programme: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) agencyId: string | null;
  @ApiProperty({ nullable: true }) agency: Record<string, unknown> | null;
  @ApiProperty() asOf: string;
  @ApiProperty({ type: BaselineDto }) baseline: BaselineDto;
  @ApiProperty({ type: TargetFigureDto }) pipeline: TargetFigureDto;
  @ApiProperty({ type: TargetFigureDto }) approved: TargetFigureDto;
  @ApiProperty({ type: TargetFigureDto }) implemented: TargetFigureDto;
  @ApiProperty({ description: '{pipeline, approved, implemented: {count, savings}, items}' })
  outsideBaseline: Record<string, unknown>;
  @ApiProperty({ description: '{count, savings, denominator: {implementingCount}, items}' })
  overdue: Record<string, unknown>;
  @ApiProperty({ type: TargetDto }) target: TargetDto;
  @ApiProperty({
    description:
      'per month (YYYY-MM): approvals and implementations counted toward the targets, and running totals',
    isArray: true,
  })
  series: Record<string, unknown>[];
}

export class NationalProgressQuery {
  @ApiPropertyOptional({
    example: 'NQ68',
    description: 'one programme (code or id); without it, every programme',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  programme?: string;
}

export class NationalProgrammeDto {
  @ApiProperty({ example: 'NQ68' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '2025-06-01' }) startDate: string;
  @ApiProperty({ example: '2026-12-31' }) endDate: string;
  @ApiProperty({ example: '2024-12-31' }) baselineDate: string;
}

export class NationalBaselineDto extends DenominatorDto {
  @ApiProperty({ nullable: true, type: Number }) coveragePct: number | null;
  @ApiProperty({ description: 'coveragePct is below minCoveragePct' }) lowCoverage: boolean;
  @ApiProperty({ example: 90 }) minCoveragePct: number;
}

export class NationalFigureDto extends MoneyFigureDto {
  @ApiProperty({ nullable: true, type: Number, example: 40 }) countPct: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 49.93 }) costPct: number | null;
  @ApiProperty({ nullable: true, type: Number, example: 80 }) coveragePct: number | null;
  @ApiProperty({ description: 'costPct overstates the share of the cost cut' })
  lowCoverage: boolean;
}

export class NationalOverdueDto {
  @ApiProperty({ description: 'implementations past their deadline' }) count: number;
}

export class NationalProgressDto {
  @ApiProperty({ type: NationalProgrammeDto }) programme: NationalProgrammeDto;
  @ApiProperty({ format: 'date-time' }) asOf: string;
  @ApiProperty({ type: NationalBaselineDto }) baseline: NationalBaselineDto;
  @ApiProperty({ type: NationalFigureDto }) pipeline: NationalFigureDto;
  @ApiProperty({ type: NationalFigureDto }) approved: NationalFigureDto;
  @ApiProperty({ type: NationalFigureDto }) implemented: NationalFigureDto;
  @ApiProperty({ type: NationalOverdueDto }) overdue: NationalOverdueDto;
  @ApiProperty({ type: TargetDto }) target: TargetDto;
}

export class NationalProgressListDto {
  @ApiProperty({ type: [NationalProgressDto] }) items: NationalProgressDto[];
}
