import { INestApplication, ValidationPipe } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppConfig } from './config/app-config';
import { moveNullableIntoUnions } from './common/openapi';
import { documentApiKeyRoutes } from './identity/auth/openapi-security';
import openApiMetadata from './metadata';
import { flattenValidationErrors, ValidationProblem } from './common/problem';
import { ProblemFilter } from './common/problem.filter';
import {
  answerClientErrorsAsProblems,
  answerMalformedJson,
  rejectDeepJson,
  rejectNulInQuery,
} from './common/http-guards';

export const JSON_BODY_LIMIT = '1mb';

/** Everything an HTTP app needs beyond its modules; shared by `main.ts` and the e2e tests. */
export function configureHttpApp(app: INestApplication, config: AppConfig): void {
  const express = app as NestExpressApplication;
  express.useLogger(app.get(PinoLogger));
  express.disable('x-powered-by');
  express.set('trust proxy', 'loopback');
  express.useBodyParser('json', { limit: JSON_BODY_LIMIT });
  express.useBodyParser('urlencoded', { limit: JSON_BODY_LIMIT, extended: false });
  express.use(answerMalformedJson);
  express.use(rejectDeepJson);
  express.use(rejectNulInQuery);
  answerClientErrorsAsProblems(app.getHttpServer());
  // The Swagger UI needs inline scripts and styles; everything else gets helmet's defaults.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", "'unsafe-inline'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          // Served over plain HTTP on a LAN, the docs page must not force https for its assets.
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    exposedHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'Location'],
  });
  app.useGlobalFilters(new ProblemFilter());
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new ValidationProblem(flattenValidationErrors(errors)),
    }),
  );

  const document = createOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json' });
}

let pluginMetadataLoaded = false;
/**
 * The @nestjs/swagger plugin's metadata (src/metadata.ts, `npm run openapi:metadata`) applied to the
 * DTO and controller classes, so the document is the same whether the code was built by `nest
 * build`, @swc/jest or ts-node. Started when this module loads; it settles within the same turn
 * (the imports are already-loaded CommonJS modules), long before an app can be created.
 */
export const openApiMetadataReady: Promise<void> = SwaggerModule.loadPluginMetadata(
  openApiMetadata,
).then(() => {
  pluginMetadataLoaded = true;
});

/** The OpenAPI document of the app's routes (also built without listening: scripts/api-types.ts). */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  if (!pluginMetadataLoaded) throw new Error('createOpenApiDocument before openApiMetadataReady');
  documentApiKeyRoutes(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('regcut')
      .setDescription(
        'Cutting and simplifying business regulations (Resolution 68/NQ-CP and 66/NQ-CP): the register, compliance costs, the workflow, consultations, decisions and targets.',
      )
      .setVersion('0.1.0')
      .addServer('/', 'this service')
      .addBearerAuth()
      .addApiKey({ type: 'apiKey', name: 'X-Api-Key', in: 'header' }, 'api-key')
      .build(),
  );
  moveNullableIntoUnions(document);
  return document;
}
