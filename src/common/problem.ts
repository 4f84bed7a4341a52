import { HttpException, HttpStatus } from '@nestjs/common';
import { ValidationError } from 'class-validator';
import type { FieldError } from './field-error';
import { Message, translateMessage } from './i18n/catalogue';

export type { FieldError } from './field-error';

/**
 * The catalogue messages a problem was made from (not serialised: a symbol key); the problem
 * filter renders them in the request's language. `fromErrors`: the detail lists the field errors.
 */
export const PROBLEM_MESSAGES = Symbol('problemMessages');
export interface ProblemMessages {
  title?: Message;
  detail?: Message;
  fromErrors?: boolean;
}

/** RFC 9457 problem details; extra members (e.g. `errors`, `acceptedEvents`) are allowed. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  [PROBLEM_MESSAGES]?: ProblemMessages;
  [extra: string]: unknown;
}

export const problemType = (slug: string) => `urn:regcut:problem:${slug}`;

/**
 * An HTTP error whose body is already shaped as a problem. `detail` and `title` are a catalogue
 * message (`msg('key', params)`) or English text the catalogue knows (common/i18n); the body keeps
 * the English text, and the problem filter serves the request's language.
 */
export class ProblemException extends HttpException {
  constructor(
    status: number,
    slug: string,
    detail: string | Message,
    extras: Record<string, unknown> = {},
    title?: string | Message,
  ) {
    const messages: ProblemMessages = {};
    if (typeof detail !== 'string') messages.detail = detail;
    if (title !== undefined && typeof title !== 'string') messages.title = title;
    super(
      {
        type: problemType(slug),
        title:
          title === undefined
            ? defaultTitle(status)
            : typeof title === 'string'
              ? title
              : translateMessage(title, 'en'),
        status,
        detail: typeof detail === 'string' ? detail : translateMessage(detail, 'en'),
        ...extras,
        [PROBLEM_MESSAGES]: messages,
      } satisfies ProblemBody as Record<string, unknown>,
      status,
    );
  }
}

export class ValidationProblem extends ProblemException {
  constructor(errors: FieldError[], detail?: string | Message) {
    super(
      HttpStatus.BAD_REQUEST,
      'validation',
      detail ?? errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      { errors },
      { key: 'problem.invalidRequest' },
    );
    if (detail === undefined) {
      const body = this.getResponse() as ProblemBody;
      body[PROBLEM_MESSAGES] = { ...body[PROBLEM_MESSAGES], fromErrors: true };
    }
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
