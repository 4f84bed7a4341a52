import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** The project root, both from `src/` (ts) and from `dist/src/` (compiled). */
export const PROJECT_ROOT = __dirname.includes(`${join('dist', 'src')}`)
  ? join(__dirname, '..', '..', '..')
  : join(__dirname, '..', '..');

const codeRoot = __dirname.includes(join('dist', 'src'))
  ? join(PROJECT_ROOT, 'dist')
  : PROJECT_ROOT;
const ext = __dirname.includes(join('dist', 'src')) ? 'js' : 'ts';

export const MIGRATIONS_GLOB = join(codeRoot, 'migrations', `*.${ext}`);
export const ENTITIES_GLOB = join(codeRoot, 'src', '**', `*.entity.${ext}`);

/** One definition of how we reach Postgres, used by the app, the migration CLI and the tests. */
export function dataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations: [MIGRATIONS_GLOB],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: {
      max: poolSize,
      // Fail fast when the database is unreachable, so callers get a 503 rather than a hang.
      connectionTimeoutMillis: 5000,
      idleTimeoutMillis: 30000,
      application_name: 'regcut',
    },
  };
}
