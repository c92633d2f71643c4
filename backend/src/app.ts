import 'reflect-metadata';
import fastifyCookie from '@fastify/cookie';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, AppOptions } from './app.module';
import { AllExceptionsFilter } from './common/all-exceptions.filter';
import { installRequestGuards } from './common/request-guards';
import { installSecurityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import type { AppConfig } from './config/config';

export const API_PREFIX = 'api/v1';

/** Builds the whole HTTP application; used by main.ts, the CLI-free tests and the benchmarks. */
export async function createApp(config: AppConfig, options: AppOptions = {}): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: config.trustProxy });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config, options), adapter, {
    logger: levelsFrom(config.logLevel),
    abortOnError: false,
    // JSON bodies are parsed within the limits of installRequestGuards below.
    bodyParser: false,
  });
  await app.register(fastifyCookie);
  const fastify = app.getHttpAdapter().getInstance();
  installSecurityHeaders(fastify);
  installRequestGuards(fastify, config.bodyLimitBytes);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Caseflow API')
      .setDescription('Cases, stages, queues, tasks, timers, messages and the audit trail.')
      .setVersion('1')
      .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'apiKey')
      .addCookieAuth('caseflow_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs/openapi.json' });
  await app.init();
  return app;
}

function levelsFrom(level: AppConfig['logLevel']): Array<'error' | 'warn' | 'log' | 'debug' | 'verbose'> {
  const order = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
  return order.slice(0, order.indexOf(level) + 1);
}
