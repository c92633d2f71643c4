import { Module } from '@nestjs/common';
import { TimersController } from './timers.controller';
import { TimersRepository } from './timers.repository';
import { TimersService } from './timers.service';

@Module({
  controllers: [TimersController],
  providers: [TimersRepository, TimersService],
  exports: [TimersService],
})
export class TimersModule {}
