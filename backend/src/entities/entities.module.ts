import { Module } from '@nestjs/common';
import { TimersModule } from '../timers/timers.module';
import { EntitiesController } from './entities.controller';
import { EntitiesRepository } from './entities.repository';
import { EntitiesService } from './entities.service';

@Module({
  imports: [TimersModule],
  controllers: [EntitiesController],
  providers: [EntitiesRepository, EntitiesService],
  exports: [EntitiesService],
})
export class EntitiesModule {}
