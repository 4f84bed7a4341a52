import { ApiProperty } from '@nestjs/swagger';

export class JobRunProgressDto {
  @ApiProperty() done: number;
  @ApiProperty({ type: Number, nullable: true, description: 'null while unknown' })
  total: number | null;
}

/** A background job (JobRunView) as GET /jobs/:id answers it. */
export class JobRunViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'register.import' }) kind: string;
  @ApiProperty({ enum: ['queued', 'running', 'succeeded', 'failed'] })
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  @ApiProperty({ type: JobRunProgressDto }) progress: JobRunProgressDto;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: "the job kind's outcome (an import's counts and row errors …); null until done",
  })
  result: Record<string, unknown> | null;
  @ApiProperty({ type: String, nullable: true }) error: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) createdBy: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) agencyId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt: string | null;
}
