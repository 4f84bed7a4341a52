import { plainToInstance, Transform } from 'class-transformer';
import { IsNotCommonPassword } from './password-policy';
import {
  IsBooleanString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

/** The environment variables the service reads (all optional; see README "Configuration"). */
export class EnvironmentVariables {
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT?: number;

  @IsOptional()
  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  DATA_DIR?: string;

  @IsOptional()
  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  @IsOptional()
  @IsString()
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  @IsNotCommonPassword({
    message: 'ADMIN_PASSWORD is a common or breached password; choose another',
  })
  ADMIN_PASSWORD?: string;

  @IsOptional()
  @IsBooleanString()
  DEMO_DATA?: string;

  @IsOptional()
  @IsBooleanString()
  WORKERS?: string;

  @IsOptional()
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL?: string;

  @IsOptional()
  @IsString()
  CORS_ORIGINS?: string;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  TIMER_SWEEP_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES?: number;

  @IsOptional()
  @IsString()
  REDIS_PREFIX?: string;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(60)
  @Max(30 * 86400)
  JWT_TTL_SECONDS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(10000)
  LOGIN_LIMIT_PER_ACCOUNT?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_LIMIT_PER_ADDRESS?: number;

  @IsOptional()
  @IsBooleanString()
  WEBHOOK_ALLOW_PRIVATE?: string;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(100)
  @Max(60_000)
  WEBHOOK_TIMEOUT_MS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  WEBHOOK_POLL_INTERVAL_MS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(365)
  WEBHOOK_DISABLE_AFTER_DAYS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(0)
  @Max(30 * 24)
  WEBHOOK_SECRET_OVERLAP_HOURS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(3650)
  IDEMPOTENCY_RETENTION_DAYS?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(3650)
  OUTBOX_RETENTION_DAYS?: number;

  @IsOptional()
  @IsUrl(
    { protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true },
    { message: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587' },
  )
  SMTP_URL?: string;

  @IsOptional()
  @Matches(/^([^<>]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, {
    message: 'MAIL_FROM must be an address or "Name <address>", e.g. regcut <no-reply@bo.gov.vn>',
  })
  MAIL_FROM?: string;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(50)
  @Max(3_600_000)
  MAIL_POLL_INTERVAL_MS?: number;

  @IsOptional()
  @IsUrl(
    { protocols: ['http', 'https'], require_tld: false, require_protocol: true },
    { message: 'PUBLIC_URL must be an http(s) URL, e.g. https://regcut.gov.vn' },
  )
  PUBLIC_URL?: string;

  // Public comments (góp ý công khai): abuse limits and the e-mail verification link's lifetime.
  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100000)
  PUBLIC_SIGNUPS_PER_ADDRESS_PER_HOUR?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100000)
  PUBLIC_COMMENTS_PER_ACCOUNT_PER_DAY?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(100000)
  PUBLIC_COMMENTS_PER_ADDRESS_PER_DAY?: number;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : Number(value)))
  @IsInt()
  @Min(1)
  @Max(168)
  PUBLIC_VERIFICATION_TTL_HOURS?: number;
}

export interface AppConfig {
  port: number;
  /** Postgres URL; undefined means the embedded PGlite database. */
  databaseUrl?: string;
  dataDir: string;
  redisUrl?: string;
  redisPrefix: string;
  jwtSecret?: string;
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
  /** Whether this process runs queued jobs and fires timers. */
  workers: boolean;
  /** HTTP processes `npm start` runs on the one port (node:cluster); 1 = this process serves. */
  apiProcesses: number;
  logLevel: string;
  corsOrigins: string[];
  timerSweepIntervalMs: number;
  dbPoolSize: number;
  /** Access-token lifetime; default one working day. */
  jwtTtlSeconds: number;
  /** Login attempts allowed per account and per client address in a 15-minute window. */
  loginLimitPerAccount: number;
  loginLimitPerAddress: number;
  /** Webhook delivery (src/integration): SSRF rule, timeout, polling, disabling, rotation. */
  webhookAllowPrivate: boolean;
  webhookTimeoutMs: number;
  webhookPollIntervalMs: number;
  webhookDisableAfterDays: number;
  webhookSecretOverlapHours: number;
  /** Housekeeping: idempotency records and delivered outbox rows older than this are pruned. */
  idempotencyRetentionDays: number;
  outboxRetentionDays: number;
  /** E-mail (src/mail): the relay (unset ⇒ mails are skipped), the sender, the polling. */
  smtpUrl?: string;
  mailFrom: string;
  mailPollIntervalMs: number;
  /** Where the web app is reached, for links in notifications (no trailing slash). */
  publicUrl: string;
  /** Public comments (góp ý công khai): abuse limits and the verification link's lifetime. */
  publicComments: {
    signupsPerAddressPerHour: number;
    commentsPerAccountPerDay: number;
    commentsPerAddressPerDay: number;
    verificationTtlHours: number;
  };
}

export class ConfigError extends Error {}

/**
 * Validates the environment once at start-up; any bad value stops the process with a message
 * naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const raw = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  ) as Record<string, string>;
  const parsed = plainToInstance(EnvironmentVariables, raw, { enableImplicitConversion: false });
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  if (errors.length > 0) {
    const lines = errors.map(
      (e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ') || 'invalid value'}`,
    );
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  if (parsed.REDIS_URL && !parsed.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: requires DATABASE_URL as well — the embedded database serves one process only, so queues on Redis need a shared Postgres',
    );
  }
  if (parsed.DATABASE_URL && !parsed.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  JWT_SECRET: required when DATABASE_URL is set (every API process must sign tokens with the same secret)',
    );
  }
  if (parsed.WORKERS === 'false' && !parsed.REDIS_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  WORKERS: false needs REDIS_URL — without Redis, jobs and timers run in this process',
    );
  }
  if ((parsed.API_PROCESSES ?? 1) > 1 && !parsed.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  API_PROCESSES: more than 1 needs DATABASE_URL — the embedded database serves one process only',
    );
  }
  const embedded = !parsed.DATABASE_URL;
  return {
    port: parsed.PORT ?? 3000,
    databaseUrl: parsed.DATABASE_URL,
    dataDir: parsed.DATA_DIR ?? './data',
    redisUrl: parsed.REDIS_URL,
    redisPrefix: parsed.REDIS_PREFIX ?? 'regcut',
    jwtSecret: parsed.JWT_SECRET,
    adminEmail: parsed.ADMIN_EMAIL,
    adminPassword: parsed.ADMIN_PASSWORD,
    demoData: parsed.DEMO_DATA === undefined ? embedded : parsed.DEMO_DATA === 'true',
    workers: parsed.WORKERS === undefined ? true : parsed.WORKERS === 'true',
    apiProcesses: parsed.API_PROCESSES ?? 1,
    logLevel: parsed.LOG_LEVEL ?? 'info',
    corsOrigins: (parsed.CORS_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    timerSweepIntervalMs: parsed.TIMER_SWEEP_INTERVAL_MS ?? 5000,
    dbPoolSize: parsed.DB_POOL_SIZE ?? 10,
    jwtTtlSeconds: parsed.JWT_TTL_SECONDS ?? 8 * 3600,
    loginLimitPerAccount: parsed.LOGIN_LIMIT_PER_ACCOUNT ?? 10,
    loginLimitPerAddress: parsed.LOGIN_LIMIT_PER_ADDRESS ?? 100,
    // Private targets are normal for a service on one's own machine (tests set it for loopback).
    webhookAllowPrivate:
      parsed.WEBHOOK_ALLOW_PRIVATE === undefined
        ? embedded
        : parsed.WEBHOOK_ALLOW_PRIVATE === 'true',
    webhookTimeoutMs: parsed.WEBHOOK_TIMEOUT_MS ?? 10_000,
    webhookPollIntervalMs: parsed.WEBHOOK_POLL_INTERVAL_MS ?? 1000,
    webhookDisableAfterDays: parsed.WEBHOOK_DISABLE_AFTER_DAYS ?? 5,
    webhookSecretOverlapHours: parsed.WEBHOOK_SECRET_OVERLAP_HOURS ?? 24,
    idempotencyRetentionDays: parsed.IDEMPOTENCY_RETENTION_DAYS ?? 7,
    outboxRetentionDays: parsed.OUTBOX_RETENTION_DAYS ?? 30,
    smtpUrl: parsed.SMTP_URL,
    mailFrom: parsed.MAIL_FROM ?? 'regcut <no-reply@localhost>',
    mailPollIntervalMs: parsed.MAIL_POLL_INTERVAL_MS ?? 1000,
    publicUrl: (parsed.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/+$/, ''),
    publicComments: {
      signupsPerAddressPerHour: parsed.PUBLIC_SIGNUPS_PER_ADDRESS_PER_HOUR ?? 10,
      commentsPerAccountPerDay: parsed.PUBLIC_COMMENTS_PER_ACCOUNT_PER_DAY ?? 20,
      commentsPerAddressPerDay: parsed.PUBLIC_COMMENTS_PER_ADDRESS_PER_DAY ?? 100,
      verificationTtlHours: parsed.PUBLIC_VERIFICATION_TTL_HOURS ?? 24,
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
