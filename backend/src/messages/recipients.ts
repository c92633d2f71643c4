import { BadRequestException } from '@nestjs/common';
import type { EntityTable } from '../database/tables';
import type { MessagesRepository } from './messages.repository';

export interface RecipientSpec {
  entity?: boolean;
  manager?: boolean;
  /** Queue key or id: its active members. */
  queue?: string;
  addresses?: string[];
}

const badRequest = (field: string, message: string): BadRequestException =>
  new BadRequestException({ message: `${field}: ${message}`, details: [{ field, messages: [message] }] });

/**
 * Turns "the entity, its manager, a queue, these addresses" into email addresses. A group that
 * yields nobody is not an error by itself (a manager may be unknown); an empty result is, and
 * the 400 then says why each group was empty.
 */
export async function resolveRecipients(
  repository: MessagesRepository,
  spec: RecipientSpec,
  entity: EntityTable | null,
  hasInstance: boolean,
): Promise<string[]> {
  const found: string[] = [];
  const empty: string[] = [];
  if ((spec.entity || spec.manager) && !hasInstance) {
    throw badRequest(spec.entity ? 'to.entity' : 'to.manager', 'needs an instanceId: the recipient is the instance entity');
  }
  if (spec.entity) {
    if (entity?.email) found.push(entity.email);
    else empty.push('the entity has no email');
  }
  if (spec.manager) {
    if (entity?.managerEmail) found.push(entity.managerEmail);
    else empty.push('the entity has no manager email');
  }
  if (spec.queue) {
    const queue = await repository.findQueue(spec.queue);
    if (!queue) throw badRequest('to.queue', `there is no queue "${spec.queue}"`);
    const emails = await repository.activeMemberEmails(queue.id);
    if (emails.length > 0) found.push(...emails);
    else empty.push(`queue "${queue.key}" has no active members`);
  }
  if (spec.addresses) {
    if (spec.addresses.length > 0) found.push(...spec.addresses);
    else empty.push('the address list is empty');
  }
  const unique = dedupe(found);
  if (unique.length === 0) {
    const why = empty.length > 0 ? empty.join('; ') : 'no recipient was asked for (to.entity, to.manager, to.queue or to.addresses)';
    throw badRequest('to', `nobody to send the message to: ${why}`);
  }
  return unique;
}

function dedupe(emails: string[]): string[] {
  const seen = new Set<string>();
  return emails.filter((email) => {
    const key = email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
