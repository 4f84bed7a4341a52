import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { PageQuery } from '../../common/pagination';
import { EVENT_TYPES } from '../domain/event-types';

const EVENTS_DOC: ApiPropertyOptions = {
  description: `["*"] for every type, or some of: ${EVENT_TYPES.join(', ')}`,
  example: ['regulation.transitioned', 'decision.recorded'],
  type: [String],
} as ApiPropertyOptions;

export class CreateWebhookDto {
  @ApiProperty({ example: 'https://lgsp.example.gov.vn/hooks/regcut' })
  @IsString()
  @MaxLength(2000)
  url: string;

  @ApiProperty(EVENTS_DOC)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  events: string[];

  @ApiPropertyOptional({ example: 'LGSP Bộ Y tế' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({
    description: "only this agency's records; required (= own) for a ministry lead",
  })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}

export class UpdateWebhookDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) url?: string;

  @ApiPropertyOptional(EVENTS_DOC)
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  events?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(({ value }) => (value === null ? '' : value))
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'false pauses deliveries; true re-enables a disabled hook' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class WebhookDto {
  @ApiProperty() id: string;
  @ApiProperty() url: string;
  @ApiProperty({ type: [String] }) events: string[];
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ nullable: true, type: String }) agencyId: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'why it was disabled' })
  disabledReason: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'first failure since the last success',
  })
  failingSince: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'until when the previous secret still signs',
  })
  previousSecretExpiresAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class CreatedWebhookDto extends WebhookDto {
  @ApiProperty({
    description: 'whsec_…: shown only in this answer',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  })
  secret: string;
}

export class RotatedSecretDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the new secret: shown only in this answer' }) secret: string;
  @ApiProperty({ description: 'deliveries are signed with both secrets until then' })
  previousSecretExpiresAt: string;
}

export class WebhookPageDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class WebhookListQuery extends PageQuery {}
export class DeliveryListQuery extends PageQuery {}

export class AttemptDto {
  @ApiProperty() attempt: number;
  @ApiProperty() at: string;
  @ApiProperty({ nullable: true, type: Number }) statusCode: number | null;
  @ApiProperty({ nullable: true, type: String }) error: string | null;
  @ApiProperty() durationMs: number;
}

export class DeliveryDto {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'the webhook-id header and the event id' }) eventId: string;
  @ApiProperty({ nullable: true, type: Number, description: 'position in GET /changes' })
  eventSeq: number | null;
  @ApiProperty() type: string;
  @ApiProperty({ nullable: true, type: String }) regulationId: string | null;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed'] }) status: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ nullable: true, type: String }) completedAt: string | null;
  @ApiProperty({ type: [AttemptDto] }) attemptLog: AttemptDto[];
}

export class DeliveryPageDto {
  @ApiProperty({ type: [DeliveryDto] }) items: DeliveryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class QueuedDeliveryDto {
  @ApiProperty() deliveryId: string;
  @ApiProperty() eventId: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
}

/** The one Problem schema (src/common/openapi), kept importable from here. */
export { ProblemDto } from '../../common/openapi';
