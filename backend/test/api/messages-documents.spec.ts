import type { Response } from 'superagent';
import { newId } from '../../src/common/ids';
import { EntityRelationTable, MessageTable } from '../../src/database/tables';
import { addQueueMember, insertEntity, insertInstance, insertQueue, insertStageVisit, insertTask } from '../support/fixtures';
import { pdfText } from '../support/pdf-text';
import { Client, startTestApp, TestApp } from '../support/test-app';

/** supertest keeps a PDF body only when told to collect it as bytes. */
const bytes = (res: Response, done: (error: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};
const download = (client: Client, path: string) => client.get(path.replace(/^\/api\/v1/, '')).buffer(true).parse(bytes);

describe('messages: generated PDF documents, related records, previews', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const key = () => `tpl-${Math.random().toString(16).slice(2, 10)}`;
  const certificate = {
    filename: 'certificate-{{entity.externalId}}.pdf',
    title: 'Certificate of Attendance',
    body: '# {{related.courseDate.name}}\n\nThis certifies that\n{{entity.name}}\n\nattended on {{related.courseDate.attributes.startDate}}.',
  };

  /** A delegate's booking related to its course date, as the relations API would link them. */
  async function bookingCase(name = 'Grace Hopper') {
    const courseDate = await insertEntity(t, { type: 'course_date', name: 'First Aid at Work', attributes: { startDate: '2027-03-01' } });
    const entity = await insertEntity(t, { name, email: 'grace@example.test' });
    await t.db.transaction(() =>
      t.db.insert(EntityRelationTable, { id: newId(), entityId: entity.id, name: 'courseDate', relatedId: courseDate.id, createdAt: t.clock.now() }),
    );
    const instance = await insertInstance(t, { entity, data: { seat: '12A' } });
    await insertStageVisit(t, instance, { stageKey: 'review', stageName: 'Review' });
    return { entity, courseDate, instance };
  }

  it('renders related records into the message: {{related.<name>.name}} and their attributes', async () => {
    const { instance } = await bookingCase();
    const res = await t.automation
      .post('/messages')
      .send({ instanceId: instance.id, inline: { subject: 'Your course {{related.courseDate.name}}', text: 'Starts {{related.courseDate.attributes.startDate}}; {{related.none.name}}.' } })
      .expect(201);
    expect(res.body.subject).toBe('Your course First Aid at Work');
    expect(res.body.text).toBe('Starts 2027-03-01; .');
  });

  it('attaches each document of the template as a PDF naming the entity, kept with the message and downloadable', async () => {
    const templateKey = key();
    const saved = await t.automation
      .post('/message-templates')
      .send({ key: templateKey, name: 'Certificate', kind: 'customer', subject: 'Your certificate', text: 'Attached, {{entity.name}}.', documents: [certificate] })
      .expect(201);
    expect(saved.body).toMatchObject({ kind: 'customer', documents: [certificate] });
    const { entity, instance } = await bookingCase('Grace Hopper');

    const sent = await t.automation.post('/messages').send({ instanceId: instance.id, templateKey }).expect(201);
    const url = `/api/v1/messages/${sent.body.id}/attachments/0`;
    expect(sent.body.attachments).toEqual([{ filename: `certificate-${entity.externalId}.pdf`, contentType: 'application/pdf', size: expect.any(Number), url }]);

    const stored = await t.db.read(() => t.db.manager.findOneByOrFail(MessageTable, { id: sent.body.id }));
    expect(stored.attachments).toHaveLength(1);
    const res = await download(t.automation, url).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="certificate-${entity.externalId}.pdf"`);
    const pdf = res.body as Buffer;
    expect(pdf.length).toBe(sent.body.attachments[0].size);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(stored.attachments[0]!.content, 'base64').equals(pdf)).toBe(true);
    const text = await pdfText(pdf);
    for (const line of ['Certificate of Attendance', 'First Aid at Work', 'Grace Hopper', 'attended on 2027-03-01.']) expect(text).toContain(line);

    const inline = await download(t.automation, `${url}?inline=true`).expect(200);
    expect(inline.headers['content-disposition']).toBe(`inline; filename="certificate-${entity.externalId}.pdf"`);
  });

  it('serves an attachment only to those who may see its case: 403 to a reviewer outside its queues, 404 for a bad index', async () => {
    const instance = await insertInstance(t);
    const content = Buffer.from('<script>x</script>').toString('base64');
    const sent = await t.automation
      .post('/messages')
      .send({ instanceId: instance.id, inline: { subject: 'a', text: 'b' }, attachments: [{ filename: 'page.html', contentType: 'text/html', content }] })
      .expect(201);
    const url = `/messages/${sent.body.id}/attachments/0`;
    // HTML is never shown in place: it would run in the app's origin.
    const html = await download(t.automation, `${url}?inline=true`).expect(200);
    expect(html.headers['content-disposition']).toBe('attachment; filename="page.html"');
    expect(html.headers['x-content-type-options']).toBe('nosniff');

    const outsider = await t.createUser('reviewer');
    await outsider.client.get(`/messages/${sent.body.id}`).expect(403);
    await download(outsider.client, url).expect(403);
    const queue = await insertQueue(t);
    const insider = await t.createUser('reviewer');
    await addQueueMember(t, queue.id, insider.user.id);
    await insertTask(t, instance, queue);
    await download(insider.client, url).expect(200);

    await download(t.automation, `/messages/${sent.body.id}/attachments/1`).expect(404);
    await download(t.automation, `/messages/${sent.body.id}/attachments/x`).expect(404);
    await download(t.automation, `/messages/${newId()}/attachments/0`).expect(404);
    await t.anonymous.get(url).expect(401);
  });

  it('refuses document templates that do not compile, naming the field, and malformed ones', async () => {
    const base = { key: key(), name: 'Doc', subject: 's', text: 't' };
    const broken = await t.automation
      .post('/message-templates')
      .send({ ...base, documents: [certificate, { ...certificate, body: 'Hello {{#if entity}}' }] })
      .expect(400);
    expect(broken.body.details).toEqual([expect.objectContaining({ field: 'documents[1].body' })]);
    expect(broken.body.message).toMatch(/^documents\[1\]\.body: .*Parse error/s);
    const malformed = await t.automation
      .post('/message-templates')
      .send({ ...base, documents: [{ filename: 'a/b.doc', title: 1 }] })
      .expect(400);
    const fields = malformed.body.details.map((d: { field: string }) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['documents[0].filename', 'documents[0].title', 'documents[0].body']));
    const tooMany = await t.automation.post('/message-templates').send({ ...base, documents: Array(6).fill(certificate) }).expect(400);
    expect(tooMany.body.details.map((d: { field: string }) => d.field)).toContain('documents');
    await t.automation.get(`/message-templates/${base.key}`).expect(404);
  });

  it('refuses at send time a file name that renders to something other than a .pdf name', async () => {
    const templateKey = key();
    await t.automation
      .post('/message-templates')
      .send({ key: templateKey, name: 'Doc', subject: 's', text: 't', documents: [{ ...certificate, filename: '{{data.name}}.pdf' }] })
      .expect(201);
    const instance = await insertInstance(t, { data: { name: 'x/../y' } });
    const res = await t.automation.post('/messages').send({ instanceId: instance.id, templateKey }).expect(400);
    expect(res.body.details).toEqual([expect.objectContaining({ field: 'documents[0].filename' })]);
  });

  describe('POST /message-templates/preview', () => {
    const draft = { subject: 'Certificate for {{entity.name}}', html: '<p>{{related.courseDate.name}} · {{data.seat}}</p>', text: 'Dear {{entity.name}}', documents: [certificate] };

    it('renders an unsaved draft against a case exactly as a send on that case renders it', async () => {
      const { instance } = await bookingCase('Alan Turing');
      const preview = await t.automation.post('/message-templates/preview').send({ ...draft, kind: 'admin', instanceId: instance.id }).expect(200);
      expect(preview.body).toEqual({
        subject: 'Certificate for Alan Turing',
        html: '<p>First Aid at Work · 12A</p>',
        text: 'Dear Alan Turing',
        documents: [{ filename: expect.stringMatching(/^certificate-ext-.*\.pdf$/), title: 'Certificate of Attendance', pageCount: 1, size: expect.any(Number) }],
      });

      const templateKey = key();
      await t.automation.post('/message-templates').send({ key: templateKey, name: 'Cert', ...draft }).expect(201);
      const sent = await t.automation.post('/messages').send({ instanceId: instance.id, templateKey }).expect(201);
      expect({ subject: sent.body.subject, html: sent.body.html, text: sent.body.text }).toEqual({
        subject: preview.body.subject,
        html: preview.body.html,
        text: preview.body.text,
      });
      expect(sent.body.attachments[0].filename).toBe(preview.body.documents[0].filename);

      const pdf = await t.automation.post('/message-templates/preview/documents/0').send({ ...draft, instanceId: instance.id }).buffer(true).parse(bytes).expect(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toMatch(/^inline; filename="certificate-ext-.*\.pdf"$/);
      expect(await pdfText(pdf.body as Buffer)).toContain('Alan Turing');
      await t.automation.post('/message-templates/preview/documents/1').send({ ...draft, instanceId: instance.id }).expect(404);
    });

    it('renders with the given data when there is no case, and lets a saved template preview against a case', async () => {
      const sample = await t.automation
        .post('/message-templates/preview')
        .send({ subject: 'Hi {{entity.name}}', text: '{{data.seat}}', data: { entity: { name: 'Sample' }, data: { seat: '1A' } } })
        .expect(200);
      expect(sample.body).toEqual({ subject: 'Hi Sample', html: '', text: '1A', documents: [] });

      const templateKey = key();
      await t.automation.post('/message-templates').send({ key: templateKey, name: 'Cert', ...draft, sampleData: { entity: { name: 'Sample' } } }).expect(201);
      const { instance } = await bookingCase('Barbara Liskov');
      const real = await t.automation.post(`/message-templates/${templateKey}/preview`).send({ instanceId: instance.id, data: { seat: '3C' } }).expect(200);
      expect(real.body).toMatchObject({ subject: 'Certificate for Barbara Liskov', html: '<p>First Aid at Work · 3C</p>', documents: [expect.objectContaining({ pageCount: 1 })] });
      const fromSample = await t.automation.post(`/message-templates/${templateKey}/preview`).send({}).expect(200);
      expect(fromSample.body.subject).toBe('Certificate for Sample');
    });

    it('answers 400 naming the part that does not compile, 404 for an unknown case, 403 for a case the reviewer may not see', async () => {
      for (const [field, patch] of [
        ['subject', { subject: '{{#if}}' }],
        ['html', { html: '<p>{{/each}}</p>' }],
        ['text', { text: '{{' }],
        ['documents[0].body', { documents: [{ ...certificate, body: '{{#each x}}' }] }],
        ['documents[0].title', { documents: [{ ...certificate, title: '{{#with}}' }] }],
      ] as const) {
        const res = await t.automation.post('/message-templates/preview').send({ ...draft, ...patch }).expect(400);
        expect(res.body.details).toEqual([expect.objectContaining({ field })]);
        expect(res.body.message.startsWith(`${field}: the template does not compile: `)).toBe(true);
      }
      const long = await t.automation
        .post('/message-templates/preview')
        .send({ ...draft, documents: [{ ...certificate, body: '{{data.long}}' }], data: { data: { long: 'x'.repeat(20_001) } } })
        .expect(400);
      expect(long.body.message).toBe('documents[0].body: the rendered document is longer than 20000 characters');
      await t.automation.post('/message-templates/preview').send({ ...draft, instanceId: newId() }).expect(404);
      await t.automation.post('/message-templates/preview').send({ ...draft, kind: 'marketing' }).expect(400);
      const { instance } = await bookingCase();
      const outsider = await t.createUser('reviewer');
      await outsider.client.post('/message-templates/preview').send({ ...draft, instanceId: instance.id }).expect(403);
      const viewer = await t.createUser('viewer');
      await viewer.client.post('/message-templates/preview').send(draft).expect(200);
    });
  });

  it('sends the newest version of a template: a save from the editor takes effect on the next message', async () => {
    const templateKey = key();
    await t.automation.post('/message-templates').send({ key: templateKey, name: 'Edit me', subject: 'Old {{entity.name}}', text: 'old' }).expect(201);
    const instance = await insertInstance(t);
    const first = await t.automation.post('/messages').send({ instanceId: instance.id, templateKey }).expect(201);
    expect(first.body).toMatchObject({ templateVersion: 1, text: 'old', kind: 'customer', attachments: [] });
    await t.automation
      .post('/message-templates')
      .send({ key: templateKey, name: 'Edit me', kind: 'finance', subject: 'New {{entity.name}}', text: 'new', documents: [certificate] })
      .expect(201);
    const second = await t.automation.post('/messages').send({ instanceId: instance.id, templateKey }).expect(201);
    expect(second.body).toMatchObject({ templateVersion: 2, text: 'new', kind: 'finance' });
    expect(second.body.subject).toMatch(/^New /);
    expect(second.body.attachments).toHaveLength(1);
  });
});
