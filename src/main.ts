import 'reflect-metadata';
import { Logger as PinoLogger } from 'nestjs-pino';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { ConfigError, loadConfig } from './config/app-config';
import { QuietStartupLogger, startupBanner } from './common/startup-banner';
import { bootstrapDatabase } from './database/bootstrap-database';
import { configureHttpApp, createHttpAdapter } from './http-app';
import { onShutdownSignal } from './shutdown';

async function main() {
  const { url, embedded, config } = await bootstrapDatabase(loadConfig());
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register({ config, databaseUrl: url }),
    createHttpAdapter(),
    { bufferLogs: true, autoFlushLogs: false },
  );
  configureHttpApp(app, config);
  // Requests stay JSON; Nest's module and route lines give way to the banner below.
  app.useLogger(new QuietStartupLogger(app.get(PinoLogger)));
  app.flushLogs();
  // Graceful shutdown: stop accepting requests and jobs, finish what runs, close the pool, and
  // close the embedded database last.
  onShutdownSignal(async () => {
    await app.close();
    await embedded?.stop();
  });
  // Every interface, as Node's own default (Fastify's would be localhost only).
  await app.listen(config.port, '::');
  process.stdout.write(startupBanner(config, Boolean(embedded)));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('regcut failed to start:', err);
  }
  process.exit(1);
});
