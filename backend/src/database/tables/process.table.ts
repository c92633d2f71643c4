import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { ProcessFlow } from '../../processes/process-flow';
import { JsonColumn, TimeColumn } from '../columns';

export interface EscalationStep {
  /** Fire when this share of the SLA has elapsed (50 = half-way, 100 = breach)… */
  atPercent?: number;
  /** …or this many minutes (business minutes on the stage calendar) after the breach. */
  afterBreachMinutes?: number;
  action: 'notify' | 'escalate';
  toQueue?: string;
  toUser?: string;
  priority?: number;
  template?: string;
}

export interface StageDefinition {
  key: string;
  name: string;
  ownerQueue?: string;
  slaMinutes?: number;
  stallAfterMinutes?: number;
  calendar?: string;
  escalation?: EscalationStep[];
  /** Reminders before a task of the stage is due (notifications/). */
  reminders?: Array<{ beforeMinutes: number }>;
}

export interface DecisionDefinition {
  key: string;
  label: string;
  commentRequired?: boolean;
}

/** The types an intake field can have; each is checked at launch (see processes/intake.ts). */
export const INTAKE_FIELD_TYPES = ['text', 'number', 'date', 'choice', 'email', 'boolean', 'file'] as const;
export type IntakeFieldType = (typeof INTAKE_FIELD_TYPES)[number];

/**
 * One piece of data a launch must (or may) bring. `path` says where it lives on the case:
 * `data.<key>` (the instance data), `entity.name`, `entity.email`, `entity.managerEmail` or
 * `entity.attributes.<key>`.
 */
export interface IntakeField {
  path: string;
  label: string;
  type: IntakeFieldType;
  required?: boolean;
  help?: string;
  /** The allowed values of a `choice` field. */
  options?: string[];
}

export type ProcessStatus = 'draft' | 'published';

/** One version of a process definition. Published rows are never changed again. */
@Entity('processes')
@Index('uq_processes_key_version', ['key', 'version'], { unique: true })
export class ProcessTable {
  @PrimaryColumn('varchar', { length: 36 }) id!: string;
  @Column('varchar', { length: 100 }) key!: string;
  @Column('integer') version!: number;
  @Column('varchar', { length: 20 }) status!: ProcessStatus;
  @Column('varchar', { length: 200 }) name!: string;
  @Column('text', { default: '' }) description!: string;
  @JsonColumn({ name: 'entity_types' }) entityTypes!: string[];
  @JsonColumn() stages!: StageDefinition[];
  @JsonColumn() decisions!: DecisionDefinition[];
  /** What a launch must bring; an empty list checks nothing. */
  @JsonColumn({ default: '[]' }) intake!: IntakeField[];
  /**
   * The designed steps and links (see processes/process-flow.ts); null for a version drawn from its
   * stages. Optional so that rows written before the designer (and built that way in code) stay valid.
   */
  @JsonColumn({ nullable: true }) flow?: ProcessFlow | null;
  @Column('varchar', { name: 'calendar_key', length: 100, nullable: true }) calendarKey!: string | null;
  @Column('varchar', { name: 'launch_webhook_url', length: 2000, nullable: true }) launchWebhookUrl!: string | null;
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
  @TimeColumn({ name: 'published_at', nullable: true }) publishedAt!: number | null;
}

/**
 * An archived process key: it starts no new cases while its running ones carry on. Kept per key
 * rather than on the version rows, because published rows never change (and are cached as such). Who archived it is in the events.
 */
@Entity('process_archives')
export class ProcessArchiveTable {
  @PrimaryColumn('varchar', { length: 100 }) key!: string;
  @TimeColumn({ name: 'archived_at' }) archivedAt!: number;
}
