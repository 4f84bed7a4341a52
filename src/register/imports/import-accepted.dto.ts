import { ApiProperty } from '@nestjs/swagger';

/** POST /imports: the file is stored and a job will import it; follow it at GET /jobs/:id. */
export class ImportAcceptedDto {
  @ApiProperty({ format: 'uuid' }) jobId: string;
}
