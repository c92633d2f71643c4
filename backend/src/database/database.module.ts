import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { dataSourceOptions } from './data-source-options';
import { Database } from './database';
import { migrate } from './migrate';
import { WalCheckpointer } from './wal-checkpointer';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.database),
      // Migrated here rather than by TypeORM's migrationsRun: see migrate().
      dataSourceFactory: async (options) => {
        const source = await new DataSource(options!).initialize();
        await migrate(source);
        return source;
      },
    }),
  ],
  providers: [Database, WalCheckpointer],
  exports: [Database],
})
export class DatabaseModule {}
