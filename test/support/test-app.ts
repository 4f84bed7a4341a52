import { DynamicModule, INestApplication } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { Clock, FixedClock, SystemClock } from '../../src/common/clock';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { configureHttpApp, createHttpAdapter } from '../../src/http-app';
import { recordMountedRoutes } from './routes';
import { readTestEnvironment, withDatabase } from '../setup/test-env';

export interface TestDatabase {
  url: string;
  /** Whether this file has the database to itself (false on the embedded fallback). */
  isolated: boolean;
  drop(): Promise<void>;
}

/** A fresh, migrated database for one test file: a copy of the run's template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const env = readTestEnvironment();
  if (env.dbMode === 'embedded') {
    return { url: env.sharedUrl!, isolated: false, drop: async () => undefined };
  }
  const name = `regcut_t_${process.env.REGCUT_TEST_RUN}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: env.adminUrl });
  await admin.connect();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${env.templateDb}"`);
        break;
      } catch (err) {
        // Another file copying the template at the same moment: try again shortly.
        if ((err as { code?: string }).code !== '55006' || attempt > 20) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(env.adminUrl!, name),
    isolated: true,
    async drop() {
      const c = new Client({ connectionString: env.adminUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => undefined);
      await c.end();
    },
  };
}

export function testRedisUrl(): string | undefined {
  return readTestEnvironment().redisUrl;
}

export interface TestAppOptions {
  /** Use Bull on the run's Redis instead of the in-process driver. */
  redis?: boolean;
  /** Run workers (queue consumer + sweeper) in this app. Default true. */
  workers?: boolean;
  clock?: Clock;
  database?: TestDatabase;
  env?: Record<string, string>;
  imports?: DynamicModule['imports'];
  /** Defaults to a unique prefix per app, so queues of different test files never meet. */
  redisPrefix?: string;
  /**
   * Sent as Accept-Language with every request of `http`: 'en' for files that assert the English
   * texts of problems (the service answers in Vietnamese by default).
   */
  acceptLanguage?: string;
}

export interface TestApp {
  app: INestApplication;
  http: TestAgent;
  dataSource: DataSource;
  database: TestDatabase;
  config: AppConfig;
  clock: Clock;
  close(options?: { keepDatabase?: boolean }): Promise<void>;
}

/** The real application (same modules, pipes and filters as `main.ts`) on a real database. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const redisUrl = options.redis ? testRedisUrl() : undefined;
  if (options.redis && !redisUrl) throw new Error('Redis is not available for this test run');
  const config = loadConfig({
    DATABASE_URL: database.url,
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    DEMO_DATA: 'false',
    TIMER_SWEEP_INTERVAL_MS: '200',
    // Webhook tests deliver to receivers on loopback.
    WEBHOOK_ALLOW_PRIVATE: 'true',
    ...(redisUrl
      ? {
          REDIS_URL: redisUrl,
          REDIS_PREFIX: options.redisPrefix ?? `regcut-test-${randomBytes(4).toString('hex')}`,
        }
      : {}),
    ...(options.workers === false ? { WORKERS: 'false' } : {}),
    ...options.env,
  });
  const clock = options.clock ?? new SystemClock();
  const moduleRef = await Test.createTestingModule({
    imports: [
      AppModule.register({ config, databaseUrl: database.url, extraImports: options.imports }),
    ],
  })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createHttpAdapter(), {
    bufferLogs: true,
  });
  recordMountedRoutes(app);
  configureHttpApp(app, config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: options.acceptLanguage
      ? request.agent(app.getHttpServer()).set('Accept-Language', options.acceptLanguage)
      : request(app.getHttpServer()),
    dataSource: app.get(DataSource),
    database,
    config,
    clock,
    async close({ keepDatabase = false } = {}) {
      await app.close();
      if (!keepDatabase && !options.database) await database.drop();
    },
  };
}

export { FixedClock };
