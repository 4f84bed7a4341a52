import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { msg } from '../../common/i18n/catalogue';
import { ProblemException } from '../../common/problem';

export type AbuseMessageKey =
  | 'abuse.signupsPerAddress'
  | 'abuse.signupsPerEmail'
  | 'abuse.commentsPerAccount'
  | 'abuse.commentsPerAddress';
import { AbuseCounterRepository } from '../persistence/abuse-counter.repository';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

export interface AbuseLimit {
  /** What is counted and for whom, e.g. `signup-address:<digest>`. */
  bucket: string;
  limit: number;
  windowMs: number;
  /** The 429's message: which limit was exceeded (with `{limit}` and `{seconds}`). */
  message: AbuseMessageKey;
}

/**
 * CAPTCHA-free abuse control for the public routes: fixed windows counted in the database (the
 * service's clock, shared by every API process, no Redis needed). Inside a caller's transaction a
 * hit counts only if that transaction commits, so refused or failed writes use up no allowance.
 */
@Injectable()
export class AbuseLimiter {
  constructor(
    private readonly counters: AbuseCounterRepository,
    private readonly clock: Clock,
  ) {}

  /** Counts a hit on every limit; 429 problem+json with Retry-After for the first one exceeded. */
  async hit(limits: AbuseLimit[], manager?: EntityManager): Promise<void> {
    const now = this.clock.now().getTime();
    for (const l of limits) {
      const start = Math.floor(now / l.windowMs) * l.windowMs;
      const hits = await this.counters.hit(
        l.bucket,
        new Date(start),
        new Date(start - l.windowMs),
        manager,
      );
      if (hits > l.limit) {
        const seconds = Math.max(1, Math.ceil((start + l.windowMs - now) / 1000));
        throw new ProblemException(
          429,
          'too-many-requests',
          msg(l.message, { limit: l.limit, seconds }),
          { retryAfterSeconds: seconds, limit: l.limit },
        );
      }
    }
  }
}

/** Addresses are counted as digests: enough to recognise one, not to list them. */
export const addressBucket = (kind: string, address: string) =>
  `${kind}:${createHash('sha256').update(address).digest('base64url')}`;
