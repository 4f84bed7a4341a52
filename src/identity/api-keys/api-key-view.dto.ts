import { ApiProperty } from '@nestjs/swagger';

/** An API key as listed: its prefix, never the secret. */
export class ApiKeyViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) agencyId: string;
  @ApiProperty({ enum: ['read', 'write'] }) access: string;
  @ApiProperty({ example: 'rck_AbCdEfGh1234' }) prefix: string;
  @ApiProperty({ format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: Date | null;
}

/** A new key: the only answer that carries the secret. */
export class CreatedApiKeyDto extends ApiKeyViewDto {
  @ApiProperty({ description: 'the full key, shown only now: send it as X-Api-Key' }) key: string;
}
