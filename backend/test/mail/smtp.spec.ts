import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { MessageTable, OutboxTable } from '../../src/database/tables';
import { OutboxWorker } from '../../src/outbox/outbox.worker';
import { startTestApp, TestApp } from '../support/test-app';

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: string;
}

/** A real SMTP server on loopback: requires a login, refuses some recipients, can be told to defer. */
async function startSmtpServer(): Promise<{ server: SMTPServer; port: number; received: Received[]; deferNext: { count: number } }> {
  const received: Received[] = [];
  const deferNext = { count: 0 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, done) =>
      auth.username === 'caseflow' && auth.password === 'smtp-secret' ? done(null, { user: auth.username }) : done(new Error('Invalid login')),
    onRcptTo: (address, _session, done) => {
      if (deferNext.count > 0) {
        deferNext.count--;
        return done(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
      if (address.address.startsWith('nobody@')) return done(Object.assign(new Error('No such user'), { responseCode: 550 }));
      done();
    },
    onData: (stream, session, done) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user as string | undefined,
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        done();
      });
    },
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  return { server, port: (server.server.address() as AddressInfo).port, received, deferNext };
}

describe('email over SMTP', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let worker: OutboxWorker;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await startTestApp({
      config: {
        smtp: { host: '127.0.0.1', port: smtp.port, secure: false, user: 'caseflow', password: 'smtp-secret', from: 'Caseflow <caseflow@example.test>' },
      },
    });
    worker = t.app.get(OutboxWorker);
  });
  afterAll(async () => {
    await t.close();
    await new Promise<void>((done) => smtp.server.close(() => done()));
  });

  const send = async (to: string[], subject: string) => {
    const res = await t.automation
      .post('/messages')
      .send({
        inline: { subject, text: 'Your certificate is attached.\nWell done!', html: '<p>Your certificate is attached.</p>' },
        to: { addresses: to },
        attachments: [{ filename: 'certificate.txt', contentType: 'text/plain', content: Buffer.from('Certified: Ada Lovelace').toString('base64') }],
      })
      .expect(201);
    return res.body.id as string;
  };
  const messageRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(MessageTable, { id }));
  const deliveryOf = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(OutboxTable, { idempotencyKey: `message:${id}` }));

  it('delivers subject, text, HTML and attachment to the SMTP server, logged in, and marks the message sent', async () => {
    const id = await send(['ada@example.test'], 'Course completed');
    await worker.drain();
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0]!;
    expect(mail).toMatchObject({ from: 'caseflow@example.test', to: ['ada@example.test'], user: 'caseflow' });
    expect(mail.raw).toMatch(/^Subject: Course completed\r$/m);
    expect(mail.raw).toMatch(new RegExp(`^X-Caseflow-Message-ID: ${id}\r$`, 'mi'));
    expect(mail.raw).toContain('Your certificate is attached.\r\nWell done!');
    expect(mail.raw).toContain('<p>Your certificate is attached.</p>');
    expect(mail.raw).toMatch(/Content-Type: text\/plain; name=certificate\.txt/);
    expect(mail.raw).toMatch(/Content-Disposition: attachment; filename=certificate\.txt/);
    expect(mail.raw).toContain(Buffer.from('Certified: Ada Lovelace').toString('base64'));
    expect(await messageRow(id)).toMatchObject({ status: 'sent', sentAt: t.clock.now(), error: null });
    expect((await deliveryOf(id)).status).toBe('delivered');
  });

  it('retries a deferral (4xx) with backoff and delivers once the server accepts', async () => {
    smtp.deferNext.count = 1;
    const before = smtp.received.length;
    const id = await send(['grace@example.test'], 'Deferred once');
    await worker.drain();
    expect(await deliveryOf(id)).toMatchObject({ status: 'pending', attempts: 1, lastError: expect.stringMatching(/451/) });
    expect((await messageRow(id)).status).toBe('queued');

    t.clock.set((await deliveryOf(id)).nextAttemptAt);
    await worker.drain();
    expect(await deliveryOf(id)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect((await messageRow(id)).status).toBe('sent');
    expect(smtp.received.slice(before).map((m) => m.to)).toEqual([['grace@example.test']]);
  });

  it('dead-letters a refusal (5xx) at once and marks the message failed with the reason', async () => {
    const before = smtp.received.length;
    const id = await send(['nobody@example.test'], 'Refused');
    await worker.drain();
    expect(await deliveryOf(id)).toMatchObject({ status: 'dead', attempts: 1 });
    const message = await messageRow(id);
    expect(message.status).toBe('failed');
    expect(message.error).toMatch(/550/);
    expect(smtp.received).toHaveLength(before);
  });
});
