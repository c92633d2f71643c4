import { Module } from '@nestjs/common';
import { EmailDecisionLinksRepository } from './email-decision-links.repository';
import { EmailDecisionLinksService } from './email-decision-links.service';

/** Making links (for the notification emails) needs nothing of tasks, so it stays free of import cycles. */
@Module({
  providers: [EmailDecisionLinksRepository, EmailDecisionLinksService],
  exports: [EmailDecisionLinksRepository, EmailDecisionLinksService],
})
export class EmailDecisionLinksModule {}
