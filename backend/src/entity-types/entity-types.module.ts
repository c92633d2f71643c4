import { Module } from '@nestjs/common';
import { EntityTypesController } from './entity-types.controller';
import { EntityTypesRepository } from './entity-types.repository';
import { EntityTypesService } from './entity-types.service';

@Module({
  controllers: [EntityTypesController],
  providers: [EntityTypesRepository, EntityTypesService],
  exports: [EntityTypesService],
})
export class EntityTypesModule {}
