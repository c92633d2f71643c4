import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { NotificationFanOut } from '../../src/notifications/notification-fan-out';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { addQueueMember } from '../support/fixtures';
import { Client, startTestApp, TestApp } from '../support/test-app';

export interface ReceivedMail {
  to: string[];
  subject: string;
  /** The message as sent, quoted-printable undone, so text with "→" in it can be matched as written. */
  body: string;
}

/** A real SMTP server on loopback that accepts everything and keeps it. */
export async function startMailbox(): Promise<{ server: SMTPServer; port: number; received: ReceivedMail[] }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData: (stream, session, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: /^Subject: (.*)\r$/m.exec(raw)?.[1] ?? '',
          body: decodeQuotedPrintable(raw),
        });
        done();
      });
    },
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, port: (server.server.address() as AddressInfo).port, received };
}

export type Mailbox = Awaited<ReturnType<typeof startMailbox>>;

/** A test app whose email goes over SMTP to a mailbox on loopback; `close` stops both. */
export async function startAppWithMailbox(): Promise<{ t: TestApp; mailbox: Mailbox; close: () => Promise<void> }> {
  const mailbox = await startMailbox();
  const t = await startTestApp({
    config: { smtp: { host: '127.0.0.1', port: mailbox.port, secure: false, user: '', password: '', from: 'Caseflow <caseflow@example.test>' } },
  });
  const close = async (): Promise<void> => {
    await t.close();
    await new Promise<void>((done) => mailbox.server.close(() => done()));
  };
  return { t, mailbox, close };
}

function decodeQuotedPrintable(raw: string): string {
  const joined = raw.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined[i] === '=' ? /^[0-9A-F]{2}/.exec(joined.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(joined[i]!, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** Every notification queued fanned out, and everything the outbox has to send delivered, now; returns what arrived meanwhile. */
export async function deliver(t: TestApp, mailbox: { received: ReceivedMail[] }): Promise<ReceivedMail[]> {
  const before = mailbox.received.length;
  await t.app.get(NotificationFanOut).run();
  await t.app.get(OutboxWorker).drain();
  return mailbox.received.slice(before);
}

/** A reviewer in the given queues (by key). */
export async function reviewerIn(t: TestApp, queueKeys: string[], name: string): Promise<{ id: string; email: string; client: Client }> {
  const { user, client } = await t.createUser('reviewer', { name, email: `${name.toLowerCase()}-${Math.random().toString(36).slice(2, 8)}@example.test` });
  for (const key of queueKeys) {
    const queue = await t.admin.get(`/queues/${key}`).expect(200);
    await addQueueMember(t, queue.body.id as string, user.id);
  }
  return { id: user.id, email: user.email, client };
}

export const to = (mails: ReceivedMail[], email: string): ReceivedMail[] => mails.filter((mail) => mail.to.includes(email));
