import { Global, Module } from '@nestjs/common';
import { WaitsController } from './waits.controller';
import { WaitsRepository } from './waits.repository';
import { WaitsService } from './waits.service';

@Global()
@Module({ controllers: [WaitsController], providers: [WaitsService, WaitsRepository], exports: [WaitsService] })
export class WaitsModule {}
