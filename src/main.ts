import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { bootstrapDatabase } from './database/bootstrap-database';
import { configureHttpApp } from './http-app';

async function main() {
  const { url, embedded, config } = await bootstrapDatabase(loadConfig());
  const app = await NestFactory.create(AppModule.register({ config, databaseUrl: url }), {
    bufferLogs: true,
  });
  configureHttpApp(app, config);
  if (embedded) {
    // Nest closes the HTTP server, the queue and the pool first; the embedded database last.
    const close = app.close.bind(app);
    app.close = async () => {
      await close();
      await embedded.stop();
    };
  }
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
