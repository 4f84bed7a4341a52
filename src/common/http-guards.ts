import type { NextFunction, Request, Response } from 'express';
import type { Server } from 'node:http';
import { defaultTitle } from './problem';

export const MAX_JSON_DEPTH = 32;

/** Nesting depth of a parsed JSON value, counted without recursion (so it cannot overflow). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v as object)) stack.push([child, d + 1]);
  }
  return max;
}

function problem(status: number, detail: string) {
  return JSON.stringify({ type: 'about:blank', title: defaultTitle(status), status, detail });
}

/**
 * Refuses absurdly nested JSON bodies before validation walks them recursively (a deep body
 * would otherwise overflow the stack and become a 500).
 */
export function rejectDeepJson(req: Request, res: Response, next: NextFunction) {
  if (
    req.body &&
    typeof req.body === 'object' &&
    jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH
  ) {
    res
      .status(400)
      .type('application/problem+json')
      .send(problem(400, `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`));
    return;
  }
  next();
}

/**
 * Requests Node's HTTP parser refuses before Express sees them (oversized headers or URL,
 * malformed request lines) still get a problem+json answer.
 */
export function answerClientErrorsAsProblems(server: Server) {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      err.code === 'HPE_HEADER_OVERFLOW'
        ? 431
        : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? 408
          : 400;
    const title =
      status === 431
        ? 'Request Header Fields Too Large'
        : status === 408
          ? 'Request Timeout'
          : 'Bad Request';
    const body = JSON.stringify({
      type: 'about:blank',
      title,
      status,
      detail: 'The request could not be read.',
    });
    socket.end(
      `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
