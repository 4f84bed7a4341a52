import { ArgumentsHost, BadRequestException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable, ProblemFilter } from './problem.filter';

function run(exception: unknown) {
  // A FastifyReply, as far as the filter uses it.
  const res: any = {
    raw: { headersSent: false },
    sent: false,
    headers: {} as Record<string, string>,
    statusCode: 0,
    body: '',
    getHeader(k: string) {
      return this.headers[k];
    },
    header(k: string, v: string) {
      this.headers[k] = v;
      return this;
    },
    status(s: number) {
      this.statusCode = s;
      return this;
    },
    type(t: string) {
      this.headers['Content-Type'] = t;
      return this;
    },
    send(b: string) {
      this.body = JSON.parse(b);
    },
  };
  const host = {
    switchToHttp: () => ({ getResponse: () => res, getRequest: () => ({ originalUrl: '/x' }) }),
  } as unknown as ArgumentsHost;
  new ProblemFilter().catch(exception, host);
  return res;
}

describe('ProblemFilter', () => {
  it('maps an unreachable database to 503 with Retry-After', () => {
    const res = run(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    );
    expect(res.statusCode).toBe(503);
    expect(res.headers['Retry-After']).toBe('5');
    expect(res.headers['Content-Type']).toBe('application/problem+json');
  });

  it('maps a terminated connection inside a query error to 503', () => {
    const err = new QueryFailedError(
      'SELECT 1',
      [],
      new Error('Connection terminated unexpectedly'),
    );
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(run(err).statusCode).toBe(503);
  });

  it('maps a transaction whose connection died (a released query runner) to 503', () => {
    const err = Object.assign(new Error('Query runner already released.'), {
      name: 'QueryRunnerAlreadyReleasedError',
    });
    expect(run(err).statusCode).toBe(503);
  });

  it('maps a value Postgres refused (22P02) to 400, never 500', () => {
    const err = new QueryFailedError(
      'SELECT',
      [],
      Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }),
    );
    expect(run(err).statusCode).toBe(400);
  });

  it('maps a unique violation to 409', () => {
    const err = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('duplicate key'), { code: '23505' }),
    );
    expect(run(err).statusCode).toBe(409);
  });

  it('hides unexpected errors behind a generic 500', () => {
    const res = run(new Error('secret internals'));
    expect(res.statusCode).toBe(500);
    expect(JSON.stringify(res.body)).not.toContain('secret internals');
  });

  it('keeps the message of an HttpException as the detail', () => {
    const res = run(new BadRequestException('bad thing'));
    expect(res.body).toMatchObject({ status: 400, detail: 'bad thing', instance: '/x' });
  });
});
