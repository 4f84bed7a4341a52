import 'reflect-metadata';
import { ConfigError, loadConfig } from '../../config/app-config';
import { bootstrapDatabase } from '../bootstrap-database';

/** `npm run migration:run`: applies pending migrations to DATABASE_URL or the embedded database. */
async function main() {
  const { embedded } = await bootstrapDatabase(loadConfig());
  await embedded?.stop();
  console.log('migrations are up to date');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
