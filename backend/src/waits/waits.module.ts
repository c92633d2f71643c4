import { Global, Module } from '@nestjs/common';
import { WaitsService } from './waits.service';

@Global()
@Module({ providers: [WaitsService], exports: [WaitsService] })
export class WaitsModule {}
