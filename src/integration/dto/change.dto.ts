import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EVENT_TYPES } from '../domain/event-types';

export class ChangesQuery {
  @ApiPropertyOptional({
    description: 'nextCursor of the previous page; omit to start at the beginning',
    example: '0',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,18}$/, {
    message: 'after must be a cursor from nextCursor (a non-negative integer)',
  })
  after?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;

  @ApiPropertyOptional({ description: `comma-separated: ${EVENT_TYPES.join(', ')}` })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  types?: string;
}

export class ChangeDto {
  @ApiProperty({ description: 'position in the feed' }) seq: number;
  @ApiProperty({ description: 'event id (the webhook-id of its deliveries)' }) id: string;
  @ApiProperty({ enum: EVENT_TYPES }) type: string;
  @ApiProperty() occurredAt: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) data: Record<string, unknown>;
}

export class ChangePageDto {
  @ApiProperty({ type: [ChangeDto] }) items: ChangeDto[];
  @ApiProperty({ description: 'store it and pass it as `after`: never null', example: '42' })
  nextCursor: string;
}
