import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { NumericInput } from '../domain';

const NUMBER_OR_STRING = { oneOf: [{ type: 'number' }, { type: 'string' }] };

/** Where a set's figure comes from: the same field on create and update. */
const SourceField = () =>
  applyDecorators(
    ApiPropertyOptional({
      type: String,
      nullable: true,
      maxLength: 1000,
      example:
        'Tổng cục Thống kê: GDP bình quân đầu người năm 2023 theo giá hiện hành, 101,9 triệu đồng/người (29/12/2023)',
      description: 'where the figure comes from (publication, year); null or empty clears it',
    }),
    IsOptional(),
    IsString(),
    MaxLength(1000),
  );

/*
 * The rate fields are parsed by the costing domain (exact decimals, positive, sane caps), which
 * names every bad field; the DTO only declares them.
 */
export class CreateParameterSetDto {
  @ApiProperty({ example: 2020, minimum: 1990, maximum: 2100 })
  @IsInt()
  @Min(1990)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({
    ...NUMBER_OR_STRING,
    example: '64500000',
    description:
      'VND per person per year; the hourly rate is derived from it (excludes hourlyRate)',
  })
  @Allow()
  annualIncomePerCapita?: NumericInput | null;

  @ApiPropertyOptional({
    ...NUMBER_OR_STRING,
    example: '30000',
    description: 'explicit VND per hour (excludes annualIncomePerCapita)',
  })
  @Allow()
  hourlyRate?: NumericInput | null;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, default: 12 })
  @Allow()
  monthsPerYear?: NumericInput | null;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, default: 22 })
  @Allow()
  workingDaysPerMonth?: NumericInput | null;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, default: 8 })
  @Allow()
  hoursPerDay?: NumericInput | null;

  @SourceField()
  source?: string | null;
}

/** Only the fields given change; giving one kind of rate switches the set to it. */
export class UpdateParameterSetDto {
  @ApiPropertyOptional({ example: 2021, minimum: 1990, maximum: 2100 })
  @IsOptional()
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional(NUMBER_OR_STRING)
  @Allow()
  annualIncomePerCapita?: NumericInput | null;

  @ApiPropertyOptional(NUMBER_OR_STRING)
  @Allow()
  hourlyRate?: NumericInput | null;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, description: 'null resets to 12' })
  @Allow()
  monthsPerYear?: NumericInput | null;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, description: 'null resets to 22' })
  @Allow()
  workingDaysPerMonth?: NumericInput | null;

  @ApiPropertyOptional({ ...NUMBER_OR_STRING, description: 'null resets to 8' })
  @Allow()
  hoursPerDay?: NumericInput | null;

  @SourceField()
  source?: string | null;
}

export class ParameterSetListQuery extends PageQuery {}
