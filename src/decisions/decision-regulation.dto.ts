import { ApiProperty } from '@nestjs/swagger';

/** A regulation as a decision lists it (its own file: the swagger plugin's metadata needs it). */
export class DecisionRegulationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() provision: string;
  @ApiProperty({ example: 'implementing' }) stateName: string;
  @ApiProperty({
    description: 'the workflow state value: a state name, or an object for parallel states',
    oneOf: [{ type: 'string' }, { type: 'object', additionalProperties: true }],
  })
  state: unknown;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  implementationDeadline: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'toward the cost target, whole VND' })
  savings: string | null;
}
