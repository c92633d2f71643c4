import { ApiKeyTable, SessionTable, UserTable } from './user.table';
import { CalendarTable, QueueMemberTable, QueueTable } from './queue.table';
import { EntityTable, EntityTypeTable } from './entity.table';
import { ProcessArchiveTable, ProcessTable } from './process.table';
import { CaseExecutionTable, InstanceTable, StageVisitTable } from './instance.table';
import { TaskCommentTable, TaskTable } from './task.table';
import { TimerTable } from './timer.table';
import { MessageTable, MessageTemplateTable } from './message.table';
import { EscalationTable } from './escalation.table';
import { EventTable } from './event.table';
import { OutboxTable, WebhookSubscriptionTable } from './outbox.table';
import { LoginThrottleTable } from './login-throttle.table';
import { HealthProbeTable } from './health-probe.table';
import { N8nWorkflowLinkTable } from './n8n-workflow-link.table';
import { EntityRelationTable } from './entity-relation.table';
import { CaseDocumentTable } from './case-document.table';
import { NotificationDigestItemTable, NotificationJobTable, NotificationPreferenceTable, TaskReminderTable } from './notification.table';
import { EmailDecisionLinkTable } from './email-decision-link.table';
import { ActivityTable } from './activity.table';
import { AbsenceTable, CalendarFeedTable } from './people.table';
import { ReportCaseRollupTable, ReportDecisionRollupTable, ReportMessageRollupTable, ReportStageRollupTable } from './report-rollup.table';

export * from './user.table';
export * from './queue.table';
export * from './entity.table';
export * from './process.table';
export * from './instance.table';
export * from './task.table';
export * from './timer.table';
export * from './message.table';
export * from './escalation.table';
export * from './event.table';
export * from './outbox.table';
export * from './login-throttle.table';
export * from './health-probe.table';
export * from './n8n-workflow-link.table';
export * from './entity-relation.table';
export * from './case-document.table';
export * from './notification.table';
export * from './email-decision-link.table';
export * from './activity.table';
export * from './people.table';
export * from './report-rollup.table';

export const TABLES = [
  UserTable,
  SessionTable,
  ApiKeyTable,
  QueueTable,
  QueueMemberTable,
  CalendarTable,
  EntityTypeTable,
  EntityTable,
  EntityRelationTable,
  ProcessTable,
  ProcessArchiveTable,
  InstanceTable,
  StageVisitTable,
  CaseExecutionTable,
  TaskTable,
  TaskCommentTable,
  TimerTable,
  MessageTemplateTable,
  MessageTable,
  EscalationTable,
  EventTable,
  OutboxTable,
  WebhookSubscriptionTable,
  LoginThrottleTable,
  HealthProbeTable,
  N8nWorkflowLinkTable,
  CaseDocumentTable,
  NotificationPreferenceTable,
  NotificationDigestItemTable,
  TaskReminderTable,
  NotificationJobTable,
  EmailDecisionLinkTable,
  ActivityTable,
  AbsenceTable,
  CalendarFeedTable,
  ReportCaseRollupTable,
  ReportStageRollupTable,
  ReportDecisionRollupTable,
  ReportMessageRollupTable,
];
