import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { localizeProblem } from './i18n/localize-problem';
import { negotiateLanguage } from './i18n/language';
import { defaultTitle, ProblemBody, problemType } from './problem';
import { isTransientFailure, isUniqueViolation, pgErrorCode } from '../database/pg-errors';

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
]);

const RELEASED_RUNNER_ERRORS = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
]);

/** True for errors that mean "the database is unreachable right now" rather than a bad query. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false;
  const e = err as { code?: string; message?: string; name?: string; driverError?: unknown };
  // TypeORM releases a transaction's query runner when its connection dies mid-transaction.
  if (e.name && RELEASED_RUNNER_ERRORS.has(e.name)) return true;
  if (e.code && (CONNECTION_ERROR_CODES.has(e.code) || e.code.startsWith('08'))) return true;
  const msg = e.message ?? '';
  if (
    /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection is not established|connect ECONNREFUSED|terminating connection/i.test(
      msg,
    )
  ) {
    return true;
  }
  return e.driverError ? isDatabaseUnavailable(e.driverError) : false;
}

/**
 * The one place errors become HTTP answers: every error is `application/problem+json`, bad input
 * is 4xx, an unreachable database is 503, and nothing internal (stack, SQL) reaches the client.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(exception: unknown, host: ArgumentsHost) {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<FastifyReply>();
    const req = ctx.getRequest<FastifyRequest>();
    // Vietnamese unless Accept-Language prefers English; type URIs and field paths never change.
    const lang = negotiateLanguage(req?.headers?.['accept-language']);
    const problem = localizeProblem(this.toProblem(exception, req), lang);
    problem.instance = req?.originalUrl;
    if (problem.status >= 500 && problem.status !== 503) {
      this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    }
    // Nest middleware (pino-http) hands its errors over with the raw response.
    const isRaw = !('raw' in res);
    const raw = isRaw ? (res as unknown as ServerResponse) : res.raw;
    if (raw.headersSent) return;
    const body = JSON.stringify(problem);
    if (isRaw || res.sent) {
      // A streaming handler took the raw response over (reply.hijack()) but wrote nothing yet.
      const retryAfter =
        typeof problem.retryAfterSeconds === 'number'
          ? String(problem.retryAfterSeconds)
          : problem.status === 503
            ? '5'
            : undefined;
      raw.writeHead(problem.status, {
        ...(isRaw ? {} : res.getHeaders()),
        ...(retryAfter ? { 'retry-after': retryAfter } : {}),
        'content-type': 'application/problem+json',
        'content-language': lang,
        'content-length': Buffer.byteLength(body),
      } as OutgoingHttpHeaders);
      raw.end(body);
      return;
    }
    if (problem.status === 503 && !res.getHeader('Retry-After')) res.header('Retry-After', '5');
    if (typeof problem.retryAfterSeconds === 'number')
      res.header('Retry-After', String(problem.retryAfterSeconds));
    res.header('Content-Language', lang);
    res.status(problem.status).type('application/problem+json').send(body);
  }

  private toProblem(exception: unknown, req?: FastifyRequest): ProblemBody {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const body = exception.getResponse();
      if (typeof body === 'object' && body && 'type' in body && 'detail' in body) {
        return { ...(body as ProblemBody), status };
      }
      const message =
        typeof body === 'string'
          ? body
          : Array.isArray((body as any)?.message)
            ? (body as any).message.join('; ')
            : ((body as any)?.message ?? exception.message);
      // Keep other members (e.g. terminus's per-check `details`), but never let them override ours.
      const extras =
        typeof body === 'object' && body
          ? Object.fromEntries(
              Object.entries(body).filter(
                ([k]) => !['message', 'statusCode', 'error', 'status', 'type', 'title'].includes(k),
              ),
            )
          : {};
      return {
        ...extras,
        type: 'about:blank',
        title: defaultTitle(status),
        status,
        detail: String(message),
      };
    }
    // body-parser errors arrive before any route: malformed JSON, oversized or mis-encoded bodies.
    const e = exception as {
      type?: string;
      status?: number;
      statusCode?: number;
      message?: string;
      errno?: unknown;
      code?: unknown;
    };
    if (e && typeof e === 'object' && typeof e.type === 'string' && (e.status ?? e.statusCode)) {
      const status = (e.status ?? e.statusCode)!;
      const detail =
        e.type === 'entity.parse.failed'
          ? 'The request body is not valid JSON.'
          : e.type === 'entity.too.large'
            ? 'The request body is larger than the limit.'
            : (e.message ?? defaultTitle(status));
      return { type: problemType(e.type), title: defaultTitle(status), status, detail };
    }
    // zlib refusing a body its Content-Encoding misdescribes (a plain body sent as gzip).
    const encoding = req?.headers?.['content-encoding'];
    if (
      encoding &&
      e &&
      typeof e === 'object' &&
      typeof e.errno === 'number' &&
      typeof e.code === 'string' &&
      (e.code.startsWith('Z_') ||
        e.code.startsWith('ERR__ERROR') ||
        e.code.startsWith('ERR_BROTLI'))
    ) {
      const message = `the body is not ${encoding} data`;
      return {
        type: problemType('encoding.mismatch'),
        title: defaultTitle(400),
        status: 400,
        detail: `The request says Content-Encoding: ${encoding}, but ${message}.`,
        errors: [{ field: 'Content-Encoding', message }],
      };
    }
    const fastifyError = fastifyProblem(exception);
    if (fastifyError) return fastifyError;
    if (isDatabaseUnavailable(exception)) {
      return {
        type: problemType('dependency-unavailable'),
        title: defaultTitle(503),
        status: 503,
        detail: 'The database is unavailable; retry later.',
      };
    }
    if (exception instanceof QueryFailedError) {
      const code = pgErrorCode(exception) ?? '';
      // Data exceptions come from values the database refused (a bad uuid, a number out of range).
      if (code.startsWith('22')) {
        return {
          type: problemType('invalid-value'),
          title: defaultTitle(400),
          status: 400,
          detail: 'A value in the request is not acceptable.',
        };
      }
      if (isUniqueViolation(exception)) {
        return {
          type: problemType('duplicate'),
          title: defaultTitle(409),
          status: 409,
          detail: 'A record with the same identifying values already exists.',
        };
      }
      if (isTransientFailure(exception)) {
        return {
          type: problemType('concurrent-update'),
          title: defaultTitle(409),
          status: 409,
          detail: 'The record was changed concurrently; retry.',
        };
      }
    }
    return {
      type: 'about:blank',
      title: defaultTitle(500),
      status: 500,
      detail: 'An unexpected error occurred.',
    };
  }
}

/**
 * Fastify's own refusals (before any route: body limit, media type, empty or unreadable body,
 * multipart limits) carry a `FST_…` code and a 4xx `statusCode`.
 */
function fastifyProblem(exception: unknown): ProblemBody | undefined {
  const e = exception as { code?: unknown; statusCode?: unknown; message?: unknown };
  if (!e || typeof e !== 'object' || typeof e.code !== 'string' || !e.code.startsWith('FST_')) {
    return undefined;
  }
  const status = typeof e.statusCode === 'number' && e.statusCode >= 400 ? e.statusCode : 500;
  if (status >= 500) return undefined;
  const known: Record<string, [string, string]> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['entity.too.large', 'The request body is larger than the limit.'],
    FST_REQ_FILE_TOO_LARGE: ['entity.too.large', 'The uploaded file is larger than the limit.'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: [
      'unsupported-media-type',
      'The request body has a Content-Type this route does not read; send application/json.',
    ],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['entity.parse.failed', 'The JSON request body is empty.'],
  };
  const [slug, detail] = known[e.code] ?? [
    e.code
      .replace(/^FST_(ERR_)?/, '')
      .toLowerCase()
      .replace(/_/g, '-'),
    typeof e.message === 'string' ? e.message : defaultTitle(status),
  ];
  return { type: problemType(slug), title: defaultTitle(status), status, detail };
}
