import { INestApplication, Logger, RequestMethod } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { AppModule } from './app.module';
import { bindActivityRecording } from './modules/activity/activity-routes';
import { noStoreMiddleware } from './common/http/no-store.middleware';
import { requestIdMiddleware } from './common/http/request-id.middleware';
import { securityHeaders } from './common/http/security-headers';
import { bodyErrorProblem } from './common/problem/body-errors';
import { sendProblem } from './common/problem/send-problem';
import { inputGuardMiddleware } from './common/http/input-guard.middleware';
import { MediaTypeGuard } from './common/http/media-type.guard';
import { parseBodies } from './common/http/body-parsers';
import { ProblemFilter } from './common/problem/problem.filter';
import { createValidationPipe } from './common/validation/validation.pipe';
import { API_KEY_HEADER } from './common/auth/auth.decorators';
import { finishDocument } from './common/openapi/finish-document';
import { ProblemDetails } from './common/problem/problem-details';
import { describeDrivers } from './infra/config/driver-choices';
import type { EnvironmentVariables } from './infra/config/env.schema';
import { EmbeddedPostgresServer } from './infra/database/embedded-postgres.server';
import { httpLoggerMiddleware } from './infra/logging/http-logger.middleware';
import { createNestLogger } from './infra/logging/winston.factory';
import { serveDashboard } from './infra/web/dashboard';

export const BODY_LIMIT = '1mb';

/** The OpenAPI title (`/docs-json` `info.title`): how a client tells this API from another server. */
export const API_TITLE = 'ChatGrow API';

/** Body-parser failures happen before Nest routes the request, so they get their problem+json here. */
function bodyErrorHandler(err: unknown, req: Request, res: Response, next: NextFunction): void {
  const mapped = bodyErrorProblem(err, BODY_LIMIT);
  if (!mapped || res.headersSent) return next(err);
  sendProblem(req, res, mapped.status, { code: mapped.code, detail: mapped.detail });
}

export function buildOpenApi(app: INestApplication, publicUrl: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(API_TITLE)
    .setDescription(
      'The backend of a small Israeli business: customers, bookings, payments, invoices and notifications. Errors are application/problem+json.',
    )
    .setVersion('1.0')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: API_KEY_HEADER }, 'api-key')
    .build();
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetails],
    operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}`,
  });
  return finishDocument(document, publicUrl);
}

/** Creates and configures the app the same way for `main.ts`, the CLI and the tests. */
export async function createApp(env: EnvironmentVariables, options: { logs?: boolean } = {}): Promise<NestExpressApplication> {
  const logger = options.logs === false ? false : createNestLogger(env);
  // Before the modules start, so the line shows even when a driver fails to connect.
  if (logger) logger.log(describeDrivers(env), 'Main');
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(env), {
    bodyParser: false,
    logger: logger === false ? ['error'] : logger,
    abortOnError: false,
  });
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.set('etag', false);
  app.use(requestIdMiddleware);
  app.use(['/api', '/provider'], noStoreMiddleware);
  app.use(httpLoggerMiddleware);
  app.use(securityHeaders({ contentSecurityPolicy: false }));
  const origins = env.CORS_ORIGINS.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  app.enableCors({ origin: origins.includes('*') ? true : origins, exposedHeaders: ['X-Request-Id', 'Retry-After'] });
  app.use(parseBodies(BODY_LIMIT));
  app.use(bodyErrorHandler);
  app.use(inputGuardMiddleware);
  // The provider dashboard (web/, built into dist/dashboard): pages, not API routes.
  serveDashboard(app);
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'health', method: RequestMethod.GET },
      { path: 'health/{*path}', method: RequestMethod.GET },
      // The sandbox payment gateway's hosted page plays an outside gateway: not an API route.
      { path: 'sandbox/pay/{*path}', method: RequestMethod.ALL },
      // The payer's landing page after a gateway: a page for people, not an API route.
      { path: 'payments/return', method: RequestMethod.GET },
      // The dashboard's read models live at /provider/… (issue 14); authenticated like every /api route.
      { path: 'provider/stats', method: RequestMethod.GET },
      { path: 'provider/customers', method: RequestMethod.GET },
    ],
  });
  app.useGlobalFilters(new ProblemFilter());
  // After the APP_GUARD providers (throttle, auth, roles), which Nest registered at create.
  app.useGlobalGuards(new MediaTypeGuard(app.get(Reflector)));
  bindActivityRecording(app);
  app.useGlobalPipes(createValidationPipe());
  const document = buildOpenApi(app, env.PUBLIC_URL);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', customSiteTitle: API_TITLE });
  return app;
}

/** Closes the app (workers drain, pools close), then stops the embedded PostgreSQL if one runs. */
export async function shutdownApp(app: INestApplication): Promise<void> {
  const embedded = app.get(EmbeddedPostgresServer, { strict: false });
  await app.close();
  await embedded.stop();
  Logger.flush();
}
