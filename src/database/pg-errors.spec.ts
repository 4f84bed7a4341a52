import { QueryFailedError } from 'typeorm';
import {
  isIdempotencyKeyRace,
  isTransientFailure,
  isUniqueViolation,
  pgErrorCode,
} from './pg-errors';
import { withRetry } from './transaction-runner';

const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error('pg'), { code, ...(constraint && { constraint }) });

describe('Postgres error helpers', () => {
  it('read the SQLSTATE from pg errors and from TypeORM wrapping them', () => {
    expect(pgErrorCode(pgError('23505'))).toBe('23505');
    const wrapped = new QueryFailedError('INSERT …', [], pgError('40P01'));
    expect(pgErrorCode(wrapped)).toBe('40P01');
    expect(pgErrorCode({ driverError: { code: '40001' } })).toBe('40001');
    expect(pgErrorCode(new Error('no code'))).toBeUndefined();
    expect(pgErrorCode(null)).toBeUndefined();
  });

  it('tell unique violations apart by constraint', () => {
    expect(isUniqueViolation(pgError('23505', 'decision_identity'))).toBe(true);
    expect(isUniqueViolation(pgError('23505', 'decision_identity'), 'decision_identity')).toBe(
      true,
    );
    expect(isUniqueViolation(pgError('23505', 'decision_identity'), 'idempotency_key_pkey')).toBe(
      false,
    );
    expect(isIdempotencyKeyRace(pgError('23505', 'idempotency_key_pkey'))).toBe(true);
    expect(isUniqueViolation(pgError('23503'))).toBe(false);
  });

  it('call serialization failures and deadlocks transient, nothing else', () => {
    expect(isTransientFailure(pgError('40001'))).toBe(true);
    expect(isTransientFailure(pgError('40P01'))).toBe(true);
    expect(isTransientFailure(pgError('23505'))).toBe(false);
  });
});

describe('withRetry', () => {
  it('runs again while the policy says so, and at most `attempts` times', async () => {
    const seen: number[] = [];
    await expect(
      withRetry(
        async (n) => {
          seen.push(n);
          throw pgError('40001');
        },
        { attempts: 3, retryAfter: (err) => (isTransientFailure(err) ? 0 : null) },
      ),
    ).rejects.toMatchObject({ code: '40001' });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('stops at a final failure and returns the first success', async () => {
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls++;
          throw pgError('23505');
        },
        { attempts: 5, retryAfter: (err) => (isTransientFailure(err) ? 0 : null) },
      ),
    ).rejects.toMatchObject({ code: '23505' });
    expect(calls).toBe(1);
    const result = await withRetry(
      async (n) => {
        if (n < 2) throw pgError('40P01');
        return n;
      },
      { attempts: 5, retryAfter: () => 0 },
    );
    expect(result).toBe(2);
  });
});
