import { INestApplication, ValidationPipe } from '@nestjs/common';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Logger as PinoLogger } from 'nestjs-pino';
import { parse as parseQueryString } from 'node:querystring';
import { AppConfig } from './config/app-config';
import { moveNullableIntoUnions } from './common/openapi';
import { documentApiKeyRoutes } from './identity/auth/openapi-security';
import openApiMetadata from './metadata';
import {
  defaultTitle,
  flattenValidationErrors,
  problemType,
  ValidationProblem,
} from './common/problem';
import { ProblemFilter } from './common/problem.filter';
import { requestIdOf } from './common/request-id';
import {
  answerClientError,
  decodeContentEncoding,
  parseJsonBody,
  rejectNulInQuery,
} from './common/http-guards';

/** 1 MiB, as Express's body parser's '1mb' was. */
export const JSON_BODY_LIMIT = 1024 * 1024;

/**
 * The HTTP server: Fastify (through Nest's adapter). Shared by `main.ts`, the e2e tests, the
 * bench and the fault harness, so that every app answers the same way.
 */
export function createHttpAdapter(): FastifyAdapter {
  return new FastifyAdapter({
    trustProxy: 'loopback',
    bodyLimit: JSON_BODY_LIMIT,
    routerOptions: {
      // Express matched `/health/live/` as `/health/live`; keep that.
      ignoreTrailingSlash: true,
      // Express had no limit on a path parameter's length (find-my-way's default is 100).
      maxParamLength: 1000,
    },
    // pino-http logs the id Fastify gives; Fastify's own logger stays off.
    genReqId: requestIdOf,
    clientErrorHandler: answerClientError,
    // A URL Fastify's router cannot decode (`/regulations/%E0%A4`) is the client's error too.
    frameworkErrors: (error: Error, req: FastifyRequest, reply: FastifyReply) => {
      void reply
        .code(400)
        .type('application/problem+json')
        .send(
          JSON.stringify({
            type: problemType('bad-url'),
            title: defaultTitle(400),
            status: 400,
            detail: error.message,
            instance: req.url,
          }),
        );
    },
  });
}

/** Everything an HTTP app needs beyond its modules; shared by `main.ts` and the e2e tests. */
export function configureHttpApp(app: INestApplication, config: AppConfig): void {
  const fastify = app as NestFastifyApplication;
  fastify.useLogger(app.get(PinoLogger));
  // The body parsers: JSON that names the field where it is malformed or too deep, and forms.
  fastify.useBodyParser('application/json', { bodyLimit: JSON_BODY_LIMIT }, (_req, body, done) => {
    try {
      done(null, parseJsonBody(body.toString('utf8')));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  fastify.useBodyParser(
    'application/x-www-form-urlencoded',
    { bodyLimit: JSON_BODY_LIMIT },
    (_req, body, done) => done(null, { ...parseQueryString(body.toString('utf8')) }),
  );
  const instance = fastify.getHttpAdapter().getInstance();
  instance.addHook('onRequest', (req, reply, done) => {
    // On the raw response, so that hijacked (streamed) answers carry it too.
    reply.raw.setHeader('X-Request-Id', req.id);
    try {
      rejectNulInQuery(req.query);
      done();
    } catch (err) {
      done(err as Error);
    }
  });
  instance.addHook('preParsing', (req, _reply, payload, done) => {
    try {
      done(null, decodeContentEncoding(req.headers['content-encoding'], payload));
    } catch (err) {
      done(err as Error);
    }
  });
  // Uploads are read by MultipartFileInterceptor, with each route's limits.
  void fastify.register(multipart);
  // The Swagger UI needs inline scripts and styles; everything else gets helmet's defaults
  // (the web app's pages set their own, stricter policy). Built once: @fastify/helmet built a
  // new helmet (parsing the CSP directives) on every request.
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        'script-src': ["'self'", "'unsafe-inline'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        // Served over plain HTTP on a LAN, the docs page must not force https for its assets.
        'upgrade-insecure-requests': null,
      },
    },
  });
  instance.addHook('onRequest', (req, reply, done) => {
    securityHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined));
  });
  app.enableCors({
    origin: config.corsOrigins.length ? config.corsOrigins : false,
    // @fastify/cors allows only GET, HEAD and POST unless told (Express's cors allowed all these).
    methods: ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'],
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
