import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { readFileSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ConfigError, loadConfig } from '../config/app-config';
import { bootstrapDatabase } from '../database/bootstrap-database';
import { ImportsService } from '../register/imports/imports.service';
import { progressBar } from './progress-bar';

const USAGE = `usage:
  npm run cli -- import FILE --agency CODE [--valid-rows-only]
      imports regulations and their legal documents from an XLSX or CSV file (columns as in
      GET /imports/template.xlsx) for the agency with that code; nothing is written when a row
      has an error unless --valid-rows-only is given`;

async function main(argv: string[]) {
  const [command, file, ...rest] = argv;
  if (command !== 'import' || !file) throw new ConfigError(USAGE);
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const agencyCode = flag('--agency');
  if (!agencyCode) throw new ConfigError(`--agency CODE is required\n${USAGE}`);
  const buffer = readFileSync(file);

  // The command runs no workers and serves nothing: it opens the database, imports, and exits.
  const { url, embedded, config } = await bootstrapDatabase({
    ...loadConfig(),
    workers: false,
    demoData: false,
    logLevel: 'warn',
  });
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config: { ...config, redisUrl: undefined }, databaseUrl: url }),
    { logger: ['error', 'warn'] },
  );
  try {
    const [agency] = await app
      .get(DataSource)
      .query(`SELECT id, name FROM agency WHERE upper(code) = upper($1)`, [agencyCode]);
    if (!agency) throw new ConfigError(`no agency with code ${agencyCode}`);
    const bar = progressBar('importing');
    const outcome = await app.get(ImportsService).importBuffer(buffer, {
      agencyId: agency.id,
      userId: null,
      validRowsOnly: rest.includes('--valid-rows-only'),
      onProgress: (done, total) => bar(done, total),
    });
    console.log(
      `${outcome.outcome}: ${outcome.imported} regulations imported for ${agency.name} ` +
        `(${outcome.totalRows} rows read, ${outcome.invalidRows} with errors, ` +
        `${outcome.documentsCreated} documents added, ${outcome.documentsReused} already known)`,
    );
    if (outcome.message) console.log(outcome.message);
    for (const e of outcome.errors.slice(0, 50))
      console.log(`  row ${e.row}, ${e.column}: ${e.message}`);
    if (outcome.errorCount > 50) console.log(`  … and ${outcome.errorCount - 50} more`);
    process.exitCode = outcome.outcome === 'imported' ? 0 : 1;
  } finally {
    await app.close();
    await embedded?.stop();
  }
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(2);
});
