import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageTable } from '../../src/database/tables';
import { insertInstance, insertPublishedProcess } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** A bundled template with kinds and a document whose body sits in its own file. */
function templatesDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'caseflow-kinds-'));
  const root = join(dir, 'courses');
  mkdirSync(join(root, 'messages'), { recursive: true });
  const process = { key: 'kinds-course', name: 'Course', entityTypes: ['booking'], stages: [{ key: 'run', name: 'Run' }], decisions: [] };
  writeFileSync(join(root, 'process.json'), JSON.stringify(process));
  writeFileSync(
    join(root, 'messages.json'),
    JSON.stringify([
      { key: 'kinds-warning', name: 'Warning', kind: 'admin', subject: 'Low viability' },
      {
        key: 'kinds-certificate',
        name: 'Certificate',
        subject: 'Your certificate',
        documents: [{ filename: 'certificate.pdf', title: 'Certificate', bodyFile: 'kinds-certificate.pdf.hbs.txt' }],
      },
    ]),
  );
  writeFileSync(join(root, 'messages', 'kinds-warning.hbs.txt'), 'Course {{entity.name}}');
  writeFileSync(join(root, 'messages', 'kinds-certificate.hbs.txt'), 'Attached');
  writeFileSync(join(root, 'messages', 'kinds-certificate.pdf.hbs.txt'), '# Awarded to\n\n{{entity.name}}');
  return dir;
}

describe('messages: kinds (customer, admin, finance)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { templatesDir: templatesDir() } });
  });
  afterAll(() => t.close());

  const key = () => `tpl-${Math.random().toString(16).slice(2, 10)}`;
  const subjects = (body: { items: Array<{ subject: string }> }) => body.items.map((m) => m.subject).sort();

  it('stores the kind on each template version (customer by default) and refuses an unknown kind', async () => {
    const templateKey = key();
    const first = await t.automation.post('/message-templates').send({ key: templateKey, name: 'n', subject: 's', text: 't' }).expect(201);
    expect(first.body).toMatchObject({ kind: 'customer', documents: [] });
    const second = await t.automation.post('/message-templates').send({ key: templateKey, name: 'n', subject: 's', text: 't', kind: 'finance' }).expect(201);
    expect(second.body.kind).toBe('finance');
    const versions = await t.automation.get(`/message-templates/${templateKey}/versions`).expect(200);
    expect(versions.body.items.map((v: { version: number; kind: string }) => [v.version, v.kind])).toEqual([[2, 'finance'], [1, 'customer']]);
    const bad = await t.automation.post('/message-templates').send({ key: templateKey, name: 'n', subject: 's', text: 't', kind: 'marketing' }).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
  });

  it("copies a template's kind onto its messages; an inline message takes the request's kind, customer by default", async () => {
    const templateKey = key();
    await t.automation.post('/message-templates').send({ key: templateKey, name: 'n', subject: 'Admin notice', text: 't', kind: 'admin' }).expect(201);
    const instance = await insertInstance(t);
    const templated = await t.automation.post('/messages').send({ instanceId: instance.id, templateKey, kind: 'finance' }).expect(201);
    expect(templated.body.kind).toBe('admin');
    const inline = await t.automation.post('/messages').send({ instanceId: instance.id, kind: 'finance', inline: { subject: 'Pay', text: 'x' } }).expect(201);
    expect(inline.body.kind).toBe('finance');
    const plain = await t.automation.post('/messages').send({ instanceId: instance.id, inline: { subject: 'Hi', text: 'x' } }).expect(201);
    expect(plain.body.kind).toBe('customer');
    await t.automation.post('/messages').send({ instanceId: instance.id, kind: 'spam', inline: { subject: 'Hi', text: 'x' } }).expect(400);

    const stored = await t.db.read(() => t.db.manager.findOneByOrFail(MessageTable, { id: templated.body.id }));
    expect(stored.kind).toBe('admin');
    const detail = await t.automation.get(`/instances/${instance.id}`).expect(200);
    expect(detail.body.messages.map((m: { subject: string; kind: string }) => [m.subject, m.kind])).toEqual([
      ['Admin notice', 'admin'],
      ['Pay', 'finance'],
      ['Hi', 'customer'],
    ]);
  });

  it('filters the mailbox and a case\'s messages by kind, and refuses an unknown kind with 400', async () => {
    const one = await insertInstance(t);
    const other = await insertInstance(t);
    const send = (instanceId: string, subject: string, kind: string) =>
      t.automation.post('/messages').send({ instanceId, kind, inline: { subject, text: 'x' } }).expect(201);
    await send(one.id, 'one-finance', 'finance');
    await send(one.id, 'one-customer', 'customer');
    await send(other.id, 'other-finance', 'finance');

    const ofCase = await t.automation.get(`/messages?instanceId=${one.id}&kind=finance`).expect(200);
    expect(subjects(ofCase.body)).toEqual(['one-finance']);
    expect(ofCase.body.total).toBe(1);
    const mailbox = await t.automation.get('/mailbox?kind=finance&limit=500').expect(200);
    expect(subjects(mailbox.body)).toEqual(expect.arrayContaining(['one-finance', 'other-finance']));
    expect(mailbox.body.items.every((m: { kind: string }) => m.kind === 'finance')).toBe(true);
    expect(subjects(mailbox.body)).not.toContain('one-customer');

    await t.automation.get('/mailbox?kind=marketing').expect(400);
    const bad = await t.automation.get(`/messages?instanceId=${one.id}&kind=nope`).expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
  });

  it('reports messages per process and kind with sent, queued and failed counts, filtered by kind and process, also as CSV', async () => {
    const process = await insertPublishedProcess(t);
    const other = await insertPublishedProcess(t);
    const a = await insertInstance(t, { process });
    const b = await insertInstance(t, { process: other });
    const send = async (instanceId: string, kind: string, status: 'queued' | 'sent' | 'failed') => {
      const res = await t.automation.post('/messages').send({ instanceId, kind, inline: { subject: 's', text: 'x' } }).expect(201);
      if (status !== 'queued') await t.db.transaction(() => t.db.manager.update(MessageTable, { id: res.body.id }, { status }));
    };
    await send(a.id, 'customer', 'sent');
    await send(a.id, 'customer', 'sent');
    await send(a.id, 'customer', 'failed');
    await send(a.id, 'finance', 'queued');
    await send(b.id, 'finance', 'sent');

    const all = await t.automation.get(`/reports/messages?processKey=${process.key}`).expect(200);
    expect(all.body).toMatchObject({ report: 'messages', filters: { processKey: process.key, kind: null } });
    expect(all.body.rows).toEqual([
      { processKey: process.key, kind: 'customer', sent: 2, queued: 0, failed: 1, total: 3 },
      { processKey: process.key, kind: 'finance', sent: 0, queued: 1, failed: 0, total: 1 },
    ]);
    const finance = await t.automation.get('/reports/messages?kind=finance').expect(200);
    const mine = finance.body.rows.filter((r: { processKey: string }) => [process.key, other.key].includes(r.processKey));
    expect(mine).toEqual([
      { processKey: process.key, kind: 'finance', sent: 0, queued: 1, failed: 0, total: 1 },
      { processKey: other.key, kind: 'finance', sent: 1, queued: 0, failed: 0, total: 1 },
    ].sort((x, y) => x.processKey.localeCompare(y.processKey)));
    expect(finance.body.rows.every((r: { kind: string }) => r.kind === 'finance')).toBe(true);
    expect(finance.body.filters.kind).toBe('finance');

    const csv = await t.automation.get(`/reports/messages?processKey=${process.key}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.trim().split(/\r?\n/)).toEqual([
      'processKey,kind,sent,queued,failed,total',
      `${process.key},customer,2,0,1,3`,
      `${process.key},finance,0,1,0,1`,
    ]);
    await t.automation.get('/reports/messages?kind=marketing').expect(400);
    const outsider = await t.createUser('reviewer');
    const scoped = await outsider.client.get(`/reports/messages?processKey=${process.key}`).expect(200);
    expect(scoped.body.rows).toEqual([]);
  });

  it('installs a bundled template\'s message kinds and documents (a bodyFile read from messages/), once', async () => {
    const first = await t.admin.post('/templates/courses/install').expect(200);
    expect(first.body.messageTemplates).toEqual([
      expect.objectContaining({ key: 'kinds-warning', change: 'created' }),
      expect.objectContaining({ key: 'kinds-certificate', change: 'created' }),
    ]);
    const warning = await t.automation.get('/message-templates/kinds-warning').expect(200);
    expect(warning.body.kind).toBe('admin');
    const certificate = await t.automation.get('/message-templates/kinds-certificate').expect(200);
    expect(certificate.body).toMatchObject({
      kind: 'customer',
      documents: [{ filename: 'certificate.pdf', title: 'Certificate', body: '# Awarded to\n\n{{entity.name}}' }],
    });
    const again = await t.admin.post('/templates/courses/install').expect(200);
    expect(again.body.messageTemplates.map((m: { change: string }) => m.change)).toEqual(['unchanged', 'unchanged']);
  });
});
