import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Role, ROLES } from '../domain/roles';

/** The caller: a user (email, fullName) or an API key (kind, name, access). */
export class MeViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ enum: ['api_key'], description: 'present for an API key only' })
  kind?: 'api_key';
  @ApiPropertyOptional({ description: 'users only' }) email?: string;
  @ApiPropertyOptional({ description: 'users only' }) fullName?: string;
  @ApiPropertyOptional({ description: 'API keys only' }) name?: string;
  @ApiPropertyOptional({ enum: ['read', 'write'], description: 'API keys only' }) access?: string;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agencyId: string | null;
}
