import { ExecutionContext, Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { ThrottlerGuard, ThrottlerLimitDetail, ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import Redis from 'ioredis';
import { Clock } from '../../common/clock';
import { ProblemException } from '../../common/problem';
import { APP_CONFIG, AppConfig } from '../../config/app-config';
import { LoginThrottleRepository } from '../persistence/login-throttle.repository';
import { msg } from '../../common/i18n/catalogue';

export const LOGIN_WINDOW_MS = 15 * 60_000;

/** What `ThrottlerStorage.increment` resolves to, from the package's public interface only. */
type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

/** The account key of a login: the lower-cased email as typed. */
export const accountKey = (email: unknown) =>
  typeof email === 'string' ? email.trim().toLowerCase().slice(0, 254) : '-';
export const addressTracker = (req: Record<string, any>) =>
  `address:${(req as FastifyRequest).ip ?? '-'}`;

/** Login attempts per address; the N+1st in the window is a 429 with Retry-After. */
@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const res = context.switchToHttp().getResponse();
    const seconds = Math.max(1, detail.timeToBlockExpire || detail.timeToExpire);
    res.header('Retry-After', String(seconds));
    throw new ProblemException(429, 'too-many-requests', msg('auth.throttleAddress', { seconds }));
  }
}

// Atomic fixed window with a block once the limit is passed, shared by every API process.
const INCREMENT = `
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
local blocked = redis.call('PTTL', KEYS[2])
if blocked <= 0 and hits > tonumber(ARGV[2]) then
  redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
  blocked = tonumber(ARGV[3])
end
return {hits, ttl, blocked}`;

/** Throttler storage on Redis, so the limits hold across API processes. */
export class RedisThrottlerStorage implements ThrottlerStorage, OnModuleDestroy {
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.redis = new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    this.redis.on('error', () => undefined);
  }

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    name: string,
  ): Promise<ThrottlerStorageRecord> {
    const base = `${this.prefix}:throttle:${name}:${key}`;
    const [hits, ttlMs, blockedMs] = (await this.redis.eval(
      INCREMENT,
      2,
      base,
      `${base}:blocked`,
      ttl,
      limit,
      blockDuration || ttl,
    )) as number[];
    const isBlocked = blockedMs > 0;
    return {
      totalHits: hits,
      timeToExpire: Math.max(0, Math.ceil(ttlMs / 1000)),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil(blockedMs / 1000) : 0,
    };
  }

  onModuleDestroy() {
    this.redis.disconnect();
  }
}

const DELAY_BASE_MS = 1_000;
// Failures are forgotten a day after the last one (or at the next successful login).
const FAILURE_RESET_MS = 24 * 3_600_000;
const KNOWN_ADDRESSES = 5;

/**
 * The per-account limit as a growing delay, not a lock-out (anyone could lock a user out by
 * failing on purpose): after LOGIN_LIMIT_PER_ACCOUNT failures, each attempt from an address the
 * account never logged in from must wait 1 s, 2 s, 4 s … (at most 15 minutes) after the previous
 * one; attempts from the addresses of its last successful logins are never delayed, so the right
 * password from the user's usual address always works. Shared by every process (the database).
 */
@Injectable()
export class AccountLoginDelay {
  constructor(
    private readonly repository: LoginThrottleRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** The wait after `failures` failures: none within the allowance, then doubling. */
  delayMs(failures: number): number {
    const over = failures - this.config.loginLimitPerAccount;
    if (over < 0) return 0;
    return Math.min(LOGIN_WINDOW_MS, DELAY_BASE_MS * 2 ** Math.min(over, 30));
  }

  /** Refuses (429, Retry-After) an attempt that comes before the account's delay has passed. */
  async beforeAttempt(email: string, address: string): Promise<void> {
    const account = accountKey(email);
    const state = await this.repository.find(account);
    if (!state || state.failures < this.config.loginLimitPerAccount) return;
    if (state.knownAddresses.includes(digest(address))) return;
    const now = this.clock.now();
    if (await this.repository.claimAttempt(account, now, this.delayMs(state.failures))) return;
    const seconds = Math.max(
      1,
      Math.ceil(((state.nextAllowedAt?.getTime() ?? now.getTime()) - now.getTime()) / 1000),
    );
    throw new ProblemException(429, 'too-many-requests', msg('auth.throttleAccount', { seconds }), {
      retryAfterSeconds: seconds,
    });
  }

  async failed(email: string): Promise<void> {
    const account = accountKey(email);
    const now = this.clock.now();
    const failures = await this.repository.recordFailure(account, now, FAILURE_RESET_MS);
    const delay = this.delayMs(failures);
    if (delay > 0) await this.repository.setNextAllowed(account, new Date(now.getTime() + delay));
  }

  async succeeded(email: string, address: string): Promise<void> {
    await this.repository.recordSuccess(accountKey(email), digest(address), KNOWN_ADDRESSES);
  }
}

/** Addresses are kept as digests: enough to recognise one, not to list them. */
const digest = (address: string) => createHash('sha256').update(address).digest('base64url');
