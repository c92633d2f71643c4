import { Module } from '@nestjs/common';
import { TimersModule } from '../timers/timers.module';
import { EntitiesController } from './entities.controller';
import { EntitiesRepository } from './entities.repository';
import { EntitiesService } from './entities.service';
import { EntityRelationsController } from './entity-relations.controller';
import { EntityRelationsRepository } from './entity-relations.repository';
import { EntityRelationsService } from './entity-relations.service';

@Module({
  imports: [TimersModule],
  controllers: [EntitiesController, EntityRelationsController],
  providers: [EntitiesRepository, EntitiesService, EntityRelationsRepository, EntityRelationsService],
  exports: [EntitiesService],
})
export class EntitiesModule {}
