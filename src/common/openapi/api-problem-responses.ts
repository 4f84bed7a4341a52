import { applyDecorators } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { ProblemDto } from './problem.dto';

export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 428 | 429 | 503;

const DESCRIPTIONS: Record<ProblemStatus, string> = {
  400: 'Invalid request (`errors[]` names each field), or a malformed one (bad encoding, NUL in the query)',
  401: 'No or invalid credentials',
  403: 'The caller may not do this',
  404: 'Not found, or not visible to the caller',
  409: 'Conflicts with the current state',
  412: 'If-Match does not match the current version (ETag)',
  413: 'The body or file is too large',
  415: 'Unsupported media type',
  422: 'Well-formed but not allowed by the rules',
  428: 'If-Match is required',
  429: 'Too many requests (Retry-After)',
  503: 'Not ready',
};

/**
 * The problem+json answers a route can give, each with the Problem schema. Apply it per route (or
 * per controller for what every route of it shares) with the statuses that route can return.
 */
export function ApiProblemResponses(...statuses: ProblemStatus[]) {
  return applyDecorators(
    ApiExtraModels(ProblemDto),
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status],
        content: { 'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDto) } } },
      }),
    ),
  );
}
