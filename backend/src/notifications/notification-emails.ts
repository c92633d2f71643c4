import type { NotificationKind } from '../database/tables';

/**
 * The notification emails, rendered by the message renderer like every other message. The sources
 * are fixed: what varies (titles, names, links) comes in through the context, so Handlebars escapes
 * it and a task title can never become template code. Per-message values sit under
 * `data.notification` (`timeZone`, `decisions`, `reminder`).
 */
export interface InlineEmail {
  subject: string;
  text: string;
  html: string;
}

const DUE = '{{#if task.dueAt}}Due {{formatDate task.dueAt "EEE d MMM yyyy HH:mm" data.notification.timeZone}} ({{data.notification.timeZone}}).{{/if}}';
const CASE_TEXT = '{{#if entity}}Case: {{entity.name}} ({{entity.type}}){{/if}}\nProcess: {{instance.processKey}}{{#if stage}}, stage {{stage.name}}{{/if}}';
const CASE_HTML =
  '{{#if entity}}<p>Case: <strong>{{entity.name}}</strong> ({{entity.type}})</p>{{/if}}<p>Process: {{instance.processKey}}{{#if stage}}, stage {{stage.name}}{{/if}}</p>';
const DECISIONS_TEXT = '{{#each data.notification.decisions}}{{label}} → {{url}}\n{{/each}}';
const DECISIONS_HTML =
  '{{#if data.notification.decisions.length}}<p>{{#each data.notification.decisions}}<a href="{{url}}" style="display:inline-block;padding:8px 14px;margin-right:8px;border-radius:4px;background:#2f6fde;color:#fff;text-decoration:none">{{label}}</a>{{/each}}</p>{{/if}}';

const COVER_TEXT = '{{#if data.notification.onBehalfOf}}You receive this for {{data.notification.onBehalfOf}}, who is away.\n\n{{/if}}';
const COVER_HTML = '{{#if data.notification.onBehalfOf}}<p><em>You receive this for {{data.notification.onBehalfOf}}, who is away.</em></p>{{/if}}';

const AT = (field: string): string => `{{formatDate data.notification.activity.${field} "EEE d MMM yyyy HH:mm" data.notification.timeZone}}`;
const ACTIVITY_WHEN =
  `{{#if data.notification.activity.dueAt}}Due ${AT('dueAt')} ({{data.notification.timeZone}}).{{/if}}` +
  `{{#if data.notification.activity.startAt}}From ${AT('startAt')} to ${AT('endAt')} ({{data.notification.timeZone}}).{{/if}}`;

function taskEmail(subject: string, lead: string): InlineEmail {
  return {
    subject,
    text: `${COVER_TEXT}${lead}\n\n{{task.title}}\n${DUE}\n${CASE_TEXT}\n\nOpen the task: {{links.task}}\n\n${DECISIONS_TEXT}`,
    html: `${COVER_HTML}<p>${lead}</p><h2>{{task.title}}</h2><p>${DUE}</p>${CASE_HTML}<p><a href="{{links.task}}">Open the task</a></p>${DECISIONS_HTML}`,
  };
}

export const NOTIFICATION_EMAILS: Record<NotificationKind, InlineEmail> = {
  'task.created': taskEmail('New task: {{task.title}}', 'A new task is waiting in your queue.'),
  'task.assigned': taskEmail('Assigned to you: {{task.title}}', 'A task was assigned to you.'),
  'task.reminder': taskEmail('Reminder: {{task.title}}', 'A task you can work on is due soon.'),
  'instance.stalled': {
    subject: 'Stalled case: {{#if entity}}{{entity.name}}{{else}}{{instance.id}}{{/if}}',
    text: `${COVER_TEXT}A case has been in one stage longer than it should.\n\n${CASE_TEXT}\n\nOpen the case: {{links.instance}}`,
    html: `${COVER_HTML}<p>A case has been in one stage longer than it should.</p>${CASE_HTML}<p><a href="{{links.instance}}">Open the case</a></p>`,
  },
  'activity.assigned': {
    subject: '{{data.notification.activity.title}} ({{data.notification.activity.kind}} from {{data.notification.activity.by}})',
    text: `${COVER_TEXT}{{data.notification.activity.by}} put a {{data.notification.activity.kind}} on a case for you.\n\n{{data.notification.activity.title}}\n${ACTIVITY_WHEN}\n{{data.notification.activity.note}}\n${CASE_TEXT}\n\nOpen the case: {{links.instance}}`,
    html: `${COVER_HTML}<p>{{data.notification.activity.by}} put a {{data.notification.activity.kind}} on a case for you.</p><h2>{{data.notification.activity.title}}</h2><p>${ACTIVITY_WHEN}</p><p>{{data.notification.activity.note}}</p>${CASE_HTML}<p><a href="{{links.instance}}">Open the case</a></p>`,
  },
};

/** One line of the daily digest. */
export interface DigestLine {
  kind: NotificationKind;
  headline: string;
  link: string;
}

const KIND_LABELS: Record<NotificationKind, string> = {
  'task.created': 'New task',
  'task.assigned': 'Assigned to you',
  'task.reminder': 'Due soon',
  'instance.stalled': 'Stalled case',
  'activity.assigned': 'Activity for you',
};

export const digestHeadline = (kind: NotificationKind, subject: string, onBehalfOf: string | null = null): string =>
  `${KIND_LABELS[kind]}${onBehalfOf ? ` (for ${onBehalfOf})` : ''}: ${subject}`.slice(0, 500);

export const DIGEST_EMAIL: InlineEmail = {
  subject: 'Your Caseflow digest: {{data.notification.count}} {{plural data.notification.count "item" "items"}}',
  text: 'Everything since your last digest:\n\n{{#each data.notification.items}}- {{headline}}\n  {{link}}\n{{/each}}',
  html: '<p>Everything since your last digest:</p><ul>{{#each data.notification.items}}<li><a href="{{link}}">{{headline}}</a></li>{{/each}}</ul>',
};
