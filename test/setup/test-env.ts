import { existsSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What global-setup found, handed to each test file through a small JSON file. */
export interface TestEnvironment {
  /** 'postgres': a template database to copy per test file; 'embedded': one shared PGlite. */
  dbMode: 'postgres' | 'embedded';
  adminUrl?: string;
  templateDb?: string;
  sharedUrl?: string;
  redisUrl?: string;
}

export const testEnvFile = () =>
  join(tmpdir(), `regcut-test-env-${process.env.REGCUT_TEST_RUN ?? 'local'}.json`);

export function readTestEnvironment(): TestEnvironment {
  if (!existsSync(testEnvFile())) {
    throw new Error(
      `test environment not prepared (${testEnvFile()} missing): run the tests with jest's globalSetup`,
    );
  }
  return JSON.parse(readFileSync(testEnvFile(), 'utf8'));
}

export function withDatabase(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}
