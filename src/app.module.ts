import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { CoreModule } from './common/core.module';
import { AppConfig } from './config/app-config';
import { dataSourceOptions } from './database/data-source-options';
import { HealthModule } from './health/health.module';
import { IdentityModule } from './identity/identity.module';
import { RegisterModule } from './register/register.module';
import { CostingModule } from './costing/costing.module';
import { JobsModule } from './jobs/jobs.module';
import { WorkflowModule } from './workflow/workflow.module';
import { ConsultationModule } from './consultation/consultation.module';
import { ReportingModule } from './reporting/reporting.module';
import { DemoModule } from './demo/demo.module';
import { IntegrationModule } from './integration/integration.module';
import { MailModule } from './mail/mail.module';
import { NotificationsModule } from './notifications/notifications.module';
import { WebModule } from './web/web.module';

export interface AppRuntime {
  config: AppConfig;
  /** The URL actually used: DATABASE_URL, or the embedded PGlite's loopback address. */
  databaseUrl: string;
  /** Extra modules (tests add handlers of their own). */
  extraImports?: DynamicModule['imports'];
}

@Module({})
export class AppModule {
  static register({ config, databaseUrl, extraImports = [] }: AppRuntime): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: [
            {
              level: config.logLevel,
              // The request id is Fastify's (createHttpAdapter: X-Request-Id or a new UUID).
              // One short line per request: who asked what, the answer, and the request id.
              serializers: {
                req: (req) => ({ id: req.id, method: req.method, url: req.url }),
                res: (res) => ({ statusCode: res.statusCode }),
              },
              customLogLevel: (_req, res, err) =>
                err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
            },
            // Written asynchronously: lines logged while a write is in flight go out in the next
            // one (a write per request cost ~15 % of GET /me); flushed on exit.
            pino.destination({ dest: 1, sync: false }),
          ],
        }),
        CoreModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(databaseUrl, config.dbPoolSize),
          migrations: [],
          autoLoadEntities: true,
        }),
        JobsModule.forRoot(config),
        MailModule,
        HealthModule,
        IdentityModule,
        RegisterModule,
        CostingModule,
        WorkflowModule,
        ConsultationModule,
        ReportingModule,
        DemoModule,
        IntegrationModule,
        NotificationsModule,
        WebModule,
        ...extraImports,
      ],
    };
  }
}
