import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '../../config/app-config';
import { bootstrapDatabase } from '../bootstrap-database';
import { dataSourceOptions, ENTITIES_GLOB, PROJECT_ROOT } from '../data-source-options';

/**
 * `npm run migration:generate -- Name`: compares the entities with a migrated database and writes
 * the difference as a new migration in migrations/. Review it: it must stay SQL that both
 * PostgreSQL 15 and PGlite accept.
 */
async function main() {
  const name = (process.argv[2] ?? '').replace(/[^A-Za-z0-9]/g, '');
  if (!name) throw new ConfigError('usage: npm run migration:generate -- MigrationName');
  const { url, embedded } = await bootstrapDatabase(loadConfig());
  const ds = new DataSource({ ...dataSourceOptions(url, 2), entities: [ENTITIES_GLOB] });
  await ds.initialize();
  try {
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('no changes: the entities match the migrations');
      return;
    }
    const stamp = Date.now();
    const esc = (q: string) =>
      q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
    const body = (queries: { query: string }[]) =>
      queries.map((q) => `    await q.query(\`${esc(q.query)}\`);`).join('\n');
    const file = join(PROJECT_ROOT, 'migrations', `${stamp}-${name}.ts`);
    writeFileSync(
      file,
      `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(q: QueryRunner): Promise<void> {
${body(sql.upQueries)}
  }

  async down(q: QueryRunner): Promise<void> {
${body(sql.downQueries.reverse())}
  }
}
`,
    );
    console.log(`wrote ${file}`);
  } finally {
    await ds.destroy();
    await embedded?.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
