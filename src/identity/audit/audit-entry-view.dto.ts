import { ApiProperty } from '@nestjs/swagger';

/** One line of the administration audit log (admin_audit_log). */
export class AuditEntryDto {
  @ApiProperty({ description: 'increasing; newest first in the list' }) id: number;
  @ApiProperty({ format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty() actorRole: string;
  @ApiProperty({ example: 'user.create' }) action: string;
  @ApiProperty({ example: 'user' }) entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'what changed (per action: the created view, or {field: {from, to}})',
  })
  changes: Record<string, unknown>;
}
