import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { REGULATION_EVENT_TYPES } from '../domain/regulation.events';

export class WorkflowTransitionDto {
  @ApiProperty({ description: 'the event type, or `onDone` for a completion' }) event: string;
  @ApiProperty({ enum: ['event', 'done', 'delayed', 'eventless'] }) kind: string;
  @ApiProperty({ type: [String], example: ['consultation.experts.closed'] }) targets: string[];
  @ApiPropertyOptional() guard?: string;
  @ApiPropertyOptional({ type: [String], description: 'the named conditions behind the guard' })
  conditions?: string[];
}

export class WorkflowTimerDto {
  @ApiProperty() id: string;
  @ApiProperty() event: string;
  @ApiProperty() delay: string;
}

export class WorkflowStateDto {
  @ApiProperty({ example: 'consultation.experts' }) path: string;
  @ApiProperty() key: string;
  @ApiProperty({ enum: ['atomic', 'compound', 'parallel', 'final', 'history'] }) type: string;
  @ApiPropertyOptional() description?: string;
  @ApiPropertyOptional() initial?: string;
  @ApiProperty({ type: [WorkflowTimerDto] }) timers: WorkflowTimerDto[];
  @ApiProperty({ type: [WorkflowTransitionDto] }) transitions: WorkflowTransitionDto[];
  @ApiProperty({ type: () => [WorkflowStateDto], description: 'child states' })
  states: WorkflowStateDto[];
}

export class WorkflowEventDescriptionDto {
  @ApiProperty({ enum: REGULATION_EVENT_TYPES }) type: string;
  @ApiProperty({ type: [String], description: 'roles that may send it ("system" for timers)' })
  roles: string[];
  @ApiProperty() owningAgencyOnly: boolean;
}

/** The statechart as JSON (WorkflowDescription), generated from the machine definition. */
export class WorkflowStatechartDto {
  @ApiProperty() machineId: string;
  @ApiProperty() machineVersion: number;
  @ApiProperty() initial: string;
  @ApiProperty({ type: [WorkflowStateDto] }) states: WorkflowStateDto[];
  @ApiProperty({ type: [WorkflowEventDescriptionDto] }) events: WorkflowEventDescriptionDto[];
}

export class WorkflowPositionDto {
  @ApiProperty({
    description: 'the workflow state value: a state name, or an object for parallel states',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
  })
  state: unknown;
  @ApiProperty() stateName: string;
  @ApiProperty() version: number;
  @ApiProperty({ enum: REGULATION_EVENT_TYPES, isArray: true }) availableEvents: string[];
}

/** GET /regulations/:id/workflow (WorkflowDefinitionView). */
export class WorkflowDefinitionViewDto {
  @ApiProperty() machineId: string;
  @ApiProperty() machineVersion: number;
  @ApiProperty({ type: WorkflowStatechartDto }) statechart: WorkflowStatechartDto;
  @ApiProperty({ description: 'the same as a Mermaid stateDiagram-v2' }) mermaid: string;
  @ApiPropertyOptional({
    type: WorkflowPositionDto,
    description: 'where this regulation is, when the caller may see it',
  })
  current?: WorkflowPositionDto;
}
