import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { bootstrapDatabase } from './database/bootstrap-database';
import { configureHttpApp } from './http-app';
import { onShutdownSignal } from './shutdown';

async function main() {
  const { url, embedded, config } = await bootstrapDatabase(loadConfig());
  const app = await NestFactory.create(AppModule.register({ config, databaseUrl: url }), {
    bufferLogs: true,
  });
  configureHttpApp(app, config);
  // Graceful shutdown: stop accepting requests and jobs, finish what runs, close the pool, and
  // close the embedded database last.
  onShutdownSignal(async () => {
    await app.close();
    await embedded?.stop();
  });
  await app.listen(config.port);
  new Logger('Main').log(
    `regcut listening on http://localhost:${config.port} (docs at /docs) — ` +
      `${embedded ? 'embedded PGlite' : 'Postgres'}, ${config.redisUrl ? 'Bull on Redis' : 'in-process jobs'}` +
      `${config.workers ? '' : ', workers off'}`,
  );
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('regcut failed to start:', err);
  }
  process.exit(1);
});
