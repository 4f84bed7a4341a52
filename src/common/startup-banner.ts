import type { LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config';

/**
 * Nest's own start-up chatter (one line per module and per route, ~120 lines) hides the one line a
 * newcomer needs. This logger drops it and passes every other line (requests, warnings, errors,
 * the application's own messages) to the JSON logger unchanged.
 */
const STARTUP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

export class QuietStartupLogger implements LoggerService {
  constructor(private readonly inner: LoggerService) {}

  log(message: unknown, ...rest: unknown[]): void {
    if (isStartupChatter(rest)) return;
    this.inner.log(message, ...rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.inner.error(message, ...rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.inner.warn(message, ...rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.inner.debug?.(message, ...rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.inner.verbose?.(message, ...rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    (this.inner.fatal ?? this.inner.error).call(this.inner, message, ...rest);
  }
}

/** The context is the last string argument of a Nest log call. */
function isStartupChatter(rest: unknown[]): boolean {
  const context = rest[rest.length - 1];
  return typeof context === 'string' && STARTUP_CONTEXTS.has(context);
}

/** The human-readable lines `npm start` prints once the service listens. */
export function startupBanner(config: AppConfig, embedded: boolean): string {
  const url = `http://localhost:${config.port}`;
  const storage = embedded ? `embedded PGlite in ${config.dataDir}` : 'Postgres (DATABASE_URL)';
  const jobs = config.redisUrl ? 'Bull on Redis' : 'in-process jobs';
  const lines = [
    '',
    `  regcut is running at ${url}`,
    `  API docs   ${url}/docs   (OpenAPI document: ${url}/openapi.json)`,
    `  Mode       ${storage}, ${jobs}${config.workers ? '' : ', workers off'}`,
    config.demoData
      ? `  Demo       log in as officer.byt@demo.regcut.vn, govoffice@demo.regcut.vn, … with password regcut-demo-2026 (README: "Roles, logins and access")`
      : `  Demo       demo data off (DEMO_DATA=true seeds demo logins; ADMIN_EMAIL/ADMIN_PASSWORD create an admin)`,
    `  Logs       one JSON line per request below (LOG_LEVEL=${config.logLevel})`,
    '',
  ];
  return lines.join('\n') + '\n';
}
