import { Inject, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance } from 'fastify';
import { resolve } from 'node:path';
import { APP_CONFIG, AppConfig } from '../config/config';
import { DEFAULT_UI_DIST, hasBuiltUi, serveUi } from './ui-static';

/** Serves the built editor-ui (CASEFLOW_UI_DIST, or editor-ui/dist) at "/"; without a build, only the API runs. */
@Module({})
export class UiModule implements OnModuleInit {
  private readonly logger = new Logger('UI');

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onModuleInit(): Promise<void> {
    // The CLI boots the application without HTTP: nothing to serve then.
    const adapter = this.adapterHost.httpAdapter;
    if (!adapter) return;
    const root = resolve(this.config.uiDistPath ?? DEFAULT_UI_DIST);
    if (!hasBuiltUi(root)) {
      this.logger.log(`No built UI at ${root} (run "npm run build -w editor-ui"); serving the API only`);
      return;
    }
    await serveUi(adapter.getInstance<FastifyInstance>(), root);
  }
}
