import { Global, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_CONFIG, loadConfig } from '../config/config';
import { UiModule } from './ui.module';

async function appServing(uiDistPath: string): Promise<NestFastifyApplication> {
  @Global()
  @Module({ providers: [{ provide: APP_CONFIG, useValue: { ...loadConfig({}), uiDistPath } }], exports: [APP_CONFIG] })
  class ConfigModule {}
  @Module({ imports: [ConfigModule, UiModule] })
  class TestModule {}
  const app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
  app.setGlobalPrefix('api/v1');
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('UiModule', () => {
  let dist: string;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'caseflow-ui-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app-1234.js'), 'console.log(1)');
    app = await appServing(dist);
  });

  afterAll(async () => {
    await app.close();
    rmSync(dist, { recursive: true, force: true });
  });

  const get = (url: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

  it('serves index.html at / and for client-side routes, never cached', async () => {
    for (const url of ['/', '/tasks/123', '/instances/abc?tab=timeline']) {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/text\/html/);
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.body).toContain('<div id="root">');
    }
  });

  it('serves fingerprinted assets with a long cache', async () => {
    const response = await get('/assets/app-1234.js');
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('console.log(1)');
    expect(response.headers['cache-control']).toContain('immutable');
  });

  it('leaves unknown API paths to the API (404, not the UI)', async () => {
    const response = await get('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toContain('<div id="root">');
  });

  it('does not serve files outside the dist folder', async () => {
    const response = await get('/..%2f..%2fetc%2fpasswd');
    expect(response.body).not.toContain('root:');
  });

  it('serves nothing when there is no build', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'caseflow-no-ui-'));
    const bare = await appServing(empty);
    try {
      const response = await bare.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/' });
      expect(response.statusCode).toBe(404);
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });
});
