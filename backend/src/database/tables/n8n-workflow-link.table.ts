import { Column, Entity, PrimaryColumn } from 'typeorm';
import { JsonColumn, TimeColumn } from '../columns';

/** One node the generator wrote: which step (or start helper) it stands for, and what it wrote there. */
export interface GeneratedNodeRecord {
  /** The step id, or `<start id>--<role>` for the webhook and answers around the launch. */
  key: string;
  nodeId: string;
  name: string;
  /** sha256 of the parameters as n8n saved them; a different hash later means someone edited the node in n8n. */
  hash: string;
  /** The same per top-level parameter, to say which ones changed. */
  parameterHashes: Record<string, string>;
}

/** The n8n workflow generated from a process's designed flow (one per process key), and what was generated last. */
@Entity('n8n_workflow_links')
export class N8nWorkflowLinkTable {
  @PrimaryColumn('varchar', { name: 'process_key', length: 100 }) processKey!: string;
  @Column('varchar', { name: 'workflow_id', length: 100 }) workflowId!: string;
  @Column('varchar', { name: 'webhook_url', length: 2000 }) webhookUrl!: string;
  /** The process version generated last. */
  @Column('integer', { name: 'process_version' }) processVersion!: number;
  @JsonColumn({ name: 'generated_nodes' }) generatedNodes!: GeneratedNodeRecord[];
  @TimeColumn({ name: 'created_at' }) createdAt!: number;
  @TimeColumn({ name: 'updated_at' }) updatedAt!: number;
}
