import { Module } from '@nestjs/common';
import { LiveMapController } from './live-map.controller';
import { LiveMapRepository } from './live-map.repository';
import { LiveMapService } from './live-map.service';

@Module({
  controllers: [LiveMapController],
  providers: [LiveMapRepository, LiveMapService],
})
export class LiveMapModule {}
