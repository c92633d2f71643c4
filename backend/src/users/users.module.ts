import { Module } from '@nestjs/common';
import { FirstAdminBootstrap } from '../bootstrap/first-admin';
import { QueuesModule } from '../queues/queues.module';
import { UsersController } from './users.controller';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

@Module({
  imports: [QueuesModule],
  controllers: [UsersController],
  providers: [UsersRepository, UsersService, FirstAdminBootstrap],
  exports: [UsersService],
})
export class UsersModule {}
