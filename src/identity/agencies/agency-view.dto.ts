import { ApiProperty } from '@nestjs/swagger';
import { AGENCY_KINDS, AgencyKind } from '../domain/roles';

/** An agency as the API answers it (AgencyView). */
export class AgencyViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'BYT' }) code: string;
  @ApiProperty({ example: 'Bộ Y tế' }) name: string;
  @ApiProperty({ enum: AGENCY_KINDS }) kind: AgencyKind;
  @ApiProperty() active: boolean;
}
