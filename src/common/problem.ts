import { HttpException, HttpStatus } from '@nestjs/common';
import { ValidationError } from 'class-validator';

/** One field-level error in a problem+json body. */
export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details; extra members (e.g. `errors`, `acceptedEvents`) are allowed. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export const problemType = (slug: string) => `urn:regcut:problem:${slug}`;

/** An HTTP error whose body is already shaped as a problem. */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    slug: string,
    detail: string,
    extras: Record<string, unknown> = {},
    title?: string,
  ) {
    super(
      {
        type: problemType(slug),
        title: title ?? defaultTitle(status),
        status,
        detail,
        ...extras,
      } satisfies ProblemBody,
      status,
    );
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], detail?: string) {
    super(
      HttpStatus.BAD_REQUEST,
      'validation',
      detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
      'Invalid request',
    );
  }
}

/** Flattens class-validator's nested errors into `activities[0].hours`-style field paths. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  const out: FieldError[] = [];
  for (const e of errors) {
    const segment = /^\d+$/.test(e.property) ? `[${e.property}]` : e.property;
    const path = parent
      ? segment.startsWith('[')
        ? parent + segment
        : `${parent}.${segment}`
      : segment;
    for (const message of Object.values(e.constraints ?? {})) out.push({ field: path, message });
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, path));
  }
  return out;
}

export function defaultTitle(status: number): string {
  const titles: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    428: 'Precondition Required',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  };
  return titles[status] ?? 'Error';
}
