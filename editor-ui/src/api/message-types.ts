import type { Entity } from './types';

/** Message templates, their previews, attachments and related records, as the API answers them. */

export const MESSAGE_KINDS = ['customer', 'admin', 'finance'] as const;
/** The seed's three kinds of communication: customer (transactional), admin (system notifications), finance. */
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A PDF rendered from a Handlebars body with the message's own context (a certificate). */
export interface DocumentTemplate {
  filename: string;
  title: string;
  body: string;
}

export interface MessageTemplate {
  id: string;
  key: string;
  version: number;
  name: string;
  channel: string;
  kind: MessageKind;
  subject: string;
  html: string;
  text: string;
  sampleData: Record<string, unknown>;
  documents: DocumentTemplate[];
  createdAt: string;
}

/** What POST /message-templates takes: every save is a new version of the key. */
export interface MessageTemplateInput {
  key: string;
  name: string;
  kind: MessageKind;
  subject: string;
  html: string;
  text: string;
  documents: DocumentTemplate[];
  sampleData: Record<string, unknown>;
}

/** An unsaved draft rendered against a case (instanceId) or against data. */
export interface MessagePreviewInput {
  subject: string;
  html: string;
  text: string;
  kind: MessageKind;
  documents: DocumentTemplate[];
  instanceId?: string;
  data?: Record<string, unknown>;
}

export interface MessagePreview {
  subject: string;
  html: string;
  text: string;
  documents: Array<{ filename: string; title: string; size: number; pageCount?: number }>;
}

export interface MessageAttachment {
  filename: string;
  contentType: string;
  size: number;
  /** The download path (under /api/v1); `?inline=true` opens it in the browser instead. */
  url?: string;
}

export interface RelatedRecord {
  name: string;
  entity: Entity;
}

/** A record's named links: the ones it makes (a booking's courseDate) and the ones made to it. */
export interface RelatedRecords {
  outgoing: RelatedRecord[];
  incoming: RelatedRecord[];
  /** Every incoming link, when the answer lists only the first of them. */
  incomingTotal?: number;
}
