import 'reflect-metadata';
import cluster from 'node:cluster';
import { Logger as PinoLogger } from 'nestjs-pino';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { QuietStartupLogger, startupBanner } from './common/startup-banner';
import { bootstrapDatabase } from './database/bootstrap-database';
import { configureHttpApp, createHttpAdapter } from './http-app';
import { superviseApiProcesses } from './api-processes';
import { onShutdownSignal } from './shutdown';

async function main() {
  const base = loadConfig();
  if (base.apiProcesses > 1 && cluster.isPrimary) {
    // Migrate once here, then let the HTTP processes share the port (node:cluster hands each
    // connection to one of them): one Node event loop is one core, and the API is stateless.
    await bootstrapDatabase(base);
    superviseApiProcesses(base.apiProcesses);
    return;
  }
  await serveHttp(base, cluster.isPrimary);
}

async function serveHttp(base: AppConfig, first: boolean) {
  // A clustered process finds the schema migrated by its supervisor.
  const { url, embedded, config } = await bootstrapDatabase(base, cluster.isPrimary);
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
  onShutdownSignal(
    async () => {
      await app.close();
      await embedded?.stop();
    },
    // A clustered process stops when its supervisor says so; Ctrl-C reaches the whole group.
    cluster.isPrimary ? undefined : ['SIGTERM'],
  );
  if (!cluster.isPrimary) process.on('SIGINT', () => undefined);
  // Every interface, as Node's own default (Fastify's would be localhost only).
  await app.listen(config.port, '::');
  if (first || cluster.worker?.id === 1) {
    process.stdout.write(startupBanner(config, Boolean(embedded)));
  }
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('regcut failed to start:', err);
  }
  process.exit(1);
});
