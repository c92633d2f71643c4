import { Module } from '@nestjs/common';
import { MessagesModule } from '../messages/messages.module';
import { EscalationsController } from './escalations.controller';
import { EscalationsRepository } from './escalations.repository';
import { EscalationsService } from './escalations.service';

@Module({
  imports: [MessagesModule],
  controllers: [EscalationsController],
  providers: [EscalationsRepository, EscalationsService],
  exports: [EscalationsService],
})
export class EscalationsModule {}
