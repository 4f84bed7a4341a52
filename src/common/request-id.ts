import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';

/**
 * The request's id: the caller's `X-Request-Id` when it is a plain token, else a new UUID.
 * Fastify assigns it (`genReqId`) before pino-http runs, which then logs it as is.
 */
export function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
}
