import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';

/** One field-level error of a 400/422: which field, what is wrong. */
@ApiSchema({ name: 'ProblemFieldError' })
export class ProblemFieldErrorDto {
  @ApiProperty({ example: 'activities[0].hours', description: 'the field path, as sent' })
  field: string;

  @ApiProperty({ example: 'hours must not be less than 0' })
  message: string;

  @ApiPropertyOptional({ description: 'a stable machine-readable code, when the error has one' })
  code?: string;
}

/** RFC 9457 problem details: the body of every 4xx and 5xx (`application/problem+json`). */
@ApiSchema({ name: 'Problem' })
export class ProblemDto {
  @ApiProperty({ example: 'urn:regcut:problem:validation' })
  type: string;

  @ApiProperty({ example: 'Invalid request' })
  title: string;

  @ApiProperty({ type: 'integer', example: 400 })
  status: number;

  @ApiProperty({ example: 'limit: limit must not be greater than 500' })
  detail: string;

  @ApiPropertyOptional({ description: 'the request path', example: '/regulations?limit=999' })
  instance?: string;

  @ApiPropertyOptional({ type: [ProblemFieldErrorDto] })
  errors?: ProblemFieldErrorDto[];
}
