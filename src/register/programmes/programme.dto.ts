import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import {
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { REGULATION_CATEGORIES } from '../domain';

export class CreateProgrammeDto {
  @ApiProperty({ example: 'NQ66' })
  @IsString()
  @Matches(/^[A-Za-z0-9_-]{2,30}$/, { message: 'code must be 2–30 letters, digits, _ or -' })
  code: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(300) name: string;
  @ApiProperty({ example: '2025-03-26' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'startDate must be a date YYYY-MM-DD' })
  startDate: string;
  @ApiProperty({ example: '2026-12-31' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'endDate must be a date YYYY-MM-DD' })
  endDate: string;
  @ApiProperty({ example: '2024-12-31' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'baselineDate must be a date YYYY-MM-DD' })
  baselineDate: string;
  @ApiProperty({ example: 30 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  targetCountPct: number;
  @ApiProperty({ example: 30 })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  targetCostPct: number;
  @ApiPropertyOptional({ default: 30 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(365)
  minConsultationDays?: number;
  @ApiProperty({ enum: REGULATION_CATEGORIES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayUnique()
  @IsIn(REGULATION_CATEGORIES, { each: true })
  categories: string[];
}

export class UpdateProgrammeDto extends PartialType(CreateProgrammeDto) {}
