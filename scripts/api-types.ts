/**
 * The web app's typed API client is generated from the service's OpenAPI document:
 * `npm run api:types` writes web/src/api/schema.ts; test/web/api-types.e2e-spec.ts fails when the
 * committed file differs from what the document gives now (so the two cannot drift).
 * The document is built without listening and without a database: Nest's preview mode
 * scans the modules and controllers but instantiates nothing.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/app-config';
import { createHttpAdapter, createOpenApiDocument, openApiMetadataReady } from '../src/http-app';

export const API_TYPES_FILE = join(__dirname, '..', 'web', 'src', 'api', 'schema.ts');

export async function buildOpenApiDocument(): Promise<Record<string, unknown>> {
  await openApiMetadataReady;
  const config = loadConfig({ DATA_DIR: '/nonexistent', LOG_LEVEL: 'silent' });
  const app = await NestFactory.create(
    AppModule.register({ config, databaseUrl: 'postgres://preview@127.0.0.1:1/preview' }),
    createHttpAdapter(),
    { preview: true, logger: false, abortOnError: false },
  );
  try {
    return createOpenApiDocument(app) as unknown as Record<string, unknown>;
  } finally {
    await app.close();
  }
}

/** The types of a document, as scripts/openapi-to-ts.mjs writes them (a child process: ESM). */
export async function renderApiTypes(document?: Record<string, unknown>): Promise<string> {
  const doc = document ?? (await buildOpenApiDocument());
  return execFileSync(process.execPath, [join(__dirname, 'openapi-to-ts.mjs'), API_TYPES_FILE], {
    input: JSON.stringify(doc),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}

if (require.main === module) {
  renderApiTypes()
    .then((text) => {
      writeFileSync(API_TYPES_FILE, text);
      console.log(`wrote ${API_TYPES_FILE}`);
    })
    .catch((err) => {
      console.error(err);
      process.exit(1);
    });
}
