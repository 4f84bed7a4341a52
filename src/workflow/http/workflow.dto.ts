import {
  ApiProperty,
  ApiPropertyOptional,
  ApiPropertyOptions,
  getSchemaPath,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  EVENT_PAYLOADS,
  HTTP_EVENT_TYPES,
  REGULATION_EVENT_TYPES,
  TOP_LEVEL_STATES,
} from '../domain';

type PayloadDoc = { required: boolean; schema: Record<string, unknown> };

/** `SUBMIT_FOR_REVIEW` → `SubmitForReviewEvent`: the schema name of one event's body. */
const eventSchemaName = (type: string) =>
  type
    .toLowerCase()
    .split('_')
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('') + 'Event';

/**
 * One schema class per event people send, built from the domain's EVENT_PAYLOADS table (the
 * body is validated by the workflow domain itself, so these classes only describe it).
 */
export const EVENT_BODY_MODELS: Array<new () => object> = HTTP_EVENT_TYPES.map((type) => {
  const name = eventSchemaName(type);
  const model = { [name]: class {} }[name];
  ApiProperty({ enum: [type], description: 'the event' })(model.prototype, 'type');
  for (const [field, doc] of Object.entries(EVENT_PAYLOADS[type] as Record<string, PayloadDoc>)) {
    const decorate = doc.required ? ApiProperty : ApiPropertyOptional;
    decorate(doc.schema as ApiPropertyOptions)(model.prototype, field);
  }
  return model;
});

/** Swagger schema of `POST /regulations/:id/events`: one of the events, told apart by `type`. */
export const EVENT_BODY_SCHEMA = {
  oneOf: EVENT_BODY_MODELS.map((m) => ({ $ref: getSchemaPath(m) })),
  discriminator: {
    propertyName: 'type',
    mapping: Object.fromEntries(
      HTTP_EVENT_TYPES.map((type, i) => [type, getSchemaPath(EVENT_BODY_MODELS[i])]),
    ),
  },
};

export class WorkflowWarningDto {
  @ApiProperty({ enum: ['implementation_deadline_past', 'consultation_ends_after_programme'] })
  code: string;
  @ApiProperty({ example: 'implementationDeadline' }) field: string;
  @ApiProperty() message: string;
}

export class EventResponseDto {
  @ApiProperty({
    description: 'XState value: a string, or an object inside parallel/nested states',
    oneOf: [{ type: 'string' }, { type: 'object' }],
  })
  state: unknown;
  @ApiProperty({ enum: TOP_LEVEL_STATES }) stateName: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: REGULATION_EVENT_TYPES, isArray: true }) availableEvents: string[];
  @ApiPropertyOptional({
    type: [WorkflowWarningDto],
    description:
      'the event was accepted as given, but the caller should know this (a client shows it); also recorded in the history entry',
  })
  warnings?: WorkflowWarningDto[];
}

export class HistoryEntryDto {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'user id, API key id, or null for the system',
  })
  actorId: string | null;
  @ApiProperty({ enum: ['user', 'api_key', 'system'] }) actorKind: string;
  @ApiProperty({ description: 'the role, or "system" for timers' }) actorRole: string;
  @ApiProperty({ enum: REGULATION_EVENT_TYPES }) event: string;
  @ApiProperty({
    description: 'the workflow state value: a state name, or an object for parallel states',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
  })
  fromState: unknown;
  @ApiProperty({
    description: 'the workflow state value: a state name, or an object for parallel states',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
  })
  toState: unknown;
  @ApiProperty() fromStateName: string;
  @ApiProperty() toStateName: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) payload: Record<string, unknown>;
  @ApiProperty({ description: 'sha256 chaining this entry to the previous one' }) hash: string;
}

export class HistoryPageDto {
  @ApiProperty({ type: [HistoryEntryDto] }) items: HistoryEntryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class HistoryVerificationDto {
  @ApiProperty() valid: boolean;
  @ApiProperty({ description: 'entries checked' }) entries: number;
  @ApiProperty({ nullable: true, type: Number, description: 'seq of the first broken entry' })
  brokenAt: number | null;
}

export class WorkflowQuery {
  @ApiPropertyOptional({ enum: ['json', 'mermaid'], description: 'mermaid: the diagram as text' })
  @IsOptional()
  @IsIn(['json', 'mermaid'])
  format?: 'json' | 'mermaid';
}
