import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { bootstrapDatabase } from './database/bootstrap-database';
import { onShutdownSignal } from './shutdown';

/** A worker process: no HTTP, it consumes the queue and fires durable timers. */
async function main() {
  const base = loadConfig();
  if (!base.redisUrl) {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL: a separate worker needs REDIS_URL and DATABASE_URL (without Redis, `npm start` runs jobs in-process)',
    );
  }
  const { url, config } = await bootstrapDatabase({ ...base, workers: true });
  const app = await NestFactory.createApplicationContext(
    AppModule.register({ config, databaseUrl: url }),
    { bufferLogs: true },
  );
  app.useLogger(app.get(PinoLogger));
  onShutdownSignal(() => app.close());
  await app.init();
  new Logger('Worker').log('regcut worker running');
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
