import type { DynamicModule } from '@nestjs/common';
import { AppModule as RealAppModule, type AppOptions } from '../../../backend/src/app.module';
import type { AppConfig } from '../../../backend/src/config/config';
import { TemplatesModule } from '../../../backend/src/templates/templates.module';

export type { AppOptions };

/** AppModule plus TemplatesModule; importing it twice is harmless once AppModule lists it too. */
export class AppModule {
  static register(config: AppConfig, options: AppOptions = {}): DynamicModule {
    return { module: AppModule, imports: [RealAppModule.register(config, options), TemplatesModule] };
  }
}
