import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppModule } from '../../src/app.module';
import { loadConfig } from '../../src/config/app-config';
import { runMigrations } from '../../src/database/migrate';

export const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** One line of figures, printed as `B3 key=value …` and collected into bench/results/latest.json. */
export interface BenchFigures {
  id: string;
  figures: Record<string, number | string>;
  /** The target this benchmark is held to, and whether it was met. */
  target?: { description: string; met: boolean };
}

export interface BenchOptions {
  quick: boolean;
}

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A freshly migrated Postgres database for one benchmark. */
export async function freshDatabase(label: string): Promise<BenchDatabase> {
  const name = `regcut_bench_${label}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  await runMigrations(url);
  return {
    url,
    name,
    async drop() {
      const c = new Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/** The application's services without HTTP, on the given database. */
export async function appContext(
  url: string,
  env: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const config = loadConfig({
    DATABASE_URL: url,
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    LOG_LEVEL: 'warn',
    DEMO_DATA: 'false',
    ...env,
  });
  return NestFactory.createApplicationContext(AppModule.register({ config, databaseUrl: url }), {
    logger: ['error', 'warn'],
  });
}

export function print(result: BenchFigures): void {
  const figures = Object.entries(result.figures)
    .map(([k, v]) => `${k}=${v}`)
    .join(' ');
  const target = result.target
    ? ` target="${result.target.description}" ${result.target.met ? 'MET' : 'NOT-MET'}`
    : '';
  console.log(`${result.id} ${figures}${target}`);
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));
