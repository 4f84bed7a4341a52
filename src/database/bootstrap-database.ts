import { Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { embeddedJwtSecret } from './jwt-secret';
import { runMigrations } from './migrate';

export interface DatabaseRuntime {
  url: string;
  embedded?: EmbeddedPostgres;
  config: AppConfig;
}

/**
 * Before Nest starts: reach the database (starting the embedded one when DATABASE_URL is unset)
 * and bring its schema up to date.
 */
export async function bootstrapDatabase(
  config: AppConfig,
  migrate = true,
): Promise<DatabaseRuntime> {
  const logger = new Logger('Database');
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
    // One connection: pglite-socket interleaves the extended-protocol messages of concurrent
    // connections outside transactions ("unnamed prepared statement does not exist",
    // electric-sql/pglite#1046), and PGlite runs one query at a time anyway.
    config = {
      ...config,
      jwtSecret: config.jwtSecret ?? embeddedJwtSecret(config.dataDir),
      dbPoolSize: 1,
    };
    logger.log(`embedded PGlite database in ${embedded.dataDir}`);
  }
  if (migrate) {
    try {
      const applied = await runMigrations(url);
      if (applied.length) logger.log(`applied migrations: ${applied.join(', ')}`);
    } catch (err) {
      await embedded?.stop();
      throw err;
    }
  }
  return { url, embedded, config };
}
