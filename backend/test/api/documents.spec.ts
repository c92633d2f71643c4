import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { newId } from '../../src/common/ids';
import { CaseDocumentTable, EventTable, InstanceTable } from '../../src/database/tables';
import { DocumentFolderSweep } from '../../src/documents/folder-sweep';
import { DocumentWriter } from '../../src/documents/document-writer';
import { SYSTEM_ACTOR } from '../../src/auth/actor';
import { addQueueMember, insertInstance, insertQueue, insertTask } from '../support/fixtures';
import { asFile, DEFAULT_STORE, download, DocumentsApp, footprint, OTHER_STORE, PDF, PNG, startDocumentsApp } from './documents.fixtures';

describe.each([
  [DEFAULT_STORE, undefined],
  [OTHER_STORE, OTHER_STORE],
] as const)('documents on a case (%s store)', (storage, forced) => {
  let app: DocumentsApp;
  beforeAll(async () => {
    app = await startDocumentsApp({ store: forced });
  });
  afterAll(() => app.close());
  const t = () => app.t;
  const upload = (instanceId: string, body: Record<string, unknown>) => t().automation.post(`/instances/${instanceId}/documents`).send(body);

  it('stores an upload, lists it newest first, and gives back the same bytes', async () => {
    const instance = await insertInstance(t());
    const first = await upload(instance.id, asFile('referral.pdf', 'application/pdf', PDF, { kind: 'referral-letter' })).expect(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      instanceId: instance.id,
      name: 'referral.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
      kind: 'referral-letter',
      field: null,
      source: 'api',
      taskId: null,
      addedBy: { type: 'api_key', id: expect.any(String), name: expect.any(String) },
      createdAt: expect.any(String),
      url: `/api/v1/documents/${first.body.id}/content`,
    });
    const row = await t().db.read(() => t().db.findOneBy(CaseDocumentTable, { id: first.body.id }));
    expect(row?.storage).toBe(storage);
    t().clock.advance(1000);
    const second = await upload(instance.id, asFile('scan.png', 'image/png', PNG)).expect(201);
    expect(second.body.kind).toBe('supporting');

    const list = await t().automation.get(`/instances/${instance.id}/documents`).expect(200);
    expect(list.body.items.map((d: { id: string }) => d.id)).toEqual([second.body.id, first.body.id]);
    const letters = await t().automation.get(`/instances/${instance.id}/documents?kind=referral-letter`).expect(200);
    expect(letters.body.items.map((d: { id: string }) => d.id)).toEqual([first.body.id]);
    await t().automation.get(`/documents/${first.body.id}`).expect(200, first.body);

    const file = await download(t().automation, first.body.url).expect(200);
    expect(Buffer.compare(file.body as Buffer, PDF)).toBe(0);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="referral.pdf"');
    expect(file.headers['x-content-type-options']).toBe('nosniff');

    const detail = await t().automation.get(`/instances/${instance.id}`).expect(200);
    expect(detail.body.documents).toEqual([second.body, first.body]);
    const added = detail.body.timeline.filter((e: { type: string }) => e.type === 'document.added');
    expect(added.map((e: { data: unknown }) => e.data)).toEqual([
      { documentId: first.body.id, name: 'referral.pdf', kind: 'referral-letter', size: PDF.length, source: 'api' },
      { documentId: second.body.id, name: 'scan.png', kind: 'supporting', size: PNG.length, source: 'api' },
    ]);
  });

  it('shows PDFs, images and plain text inline when asked, and downloads anything else', async () => {
    const instance = await insertInstance(t());
    const pdf = await upload(instance.id, asFile('a.pdf', 'application/pdf', PDF)).expect(201);
    const html = await upload(instance.id, asFile('page.html', 'text/html', Buffer.from('<script>alert(1)</script>'))).expect(201);
    const csv = await upload(instance.id, asFile('rows.csv', 'text/csv', Buffer.from('a,b\n1,2\n'))).expect(201);
    const shown = await download(t().automation, `${pdf.body.url}?inline=true`).expect(200);
    expect(shown.headers['content-disposition']).toBe('inline; filename="a.pdf"');
    // The app previews it in a frame of its own origin, and only there; the download stays unframeable.
    expect(shown.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(shown.headers['content-security-policy']).toContain("frame-ancestors 'self'");
    expect((await download(t().automation, pdf.body.url).expect(200)).headers['x-frame-options']).toBe('DENY');
    for (const doc of [html.body, csv.body]) {
      const res = await download(t().automation, `${doc.url}?inline=true`).expect(200);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="${doc.name}"`);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('follows the case: a reviewer outside its queues gets 403, one inside may read and add; a viewer reads but cannot add', async () => {
    const instance = await insertInstance(t());
    const doc = await upload(instance.id, asFile('a.pdf', 'application/pdf', PDF)).expect(201);
    const outsider = await t().createUser('reviewer');
    await outsider.client.get(`/instances/${instance.id}/documents`).expect(403);
    await outsider.client.get(`/documents/${doc.body.id}`).expect(403);
    await download(outsider.client, doc.body.url).expect(403);
    await outsider.client.post(`/instances/${instance.id}/documents`).send(asFile('b.pdf', 'application/pdf', PDF)).expect(403);
    await outsider.client.delete(`/documents/${doc.body.id}`).expect(403);

    const queue = await insertQueue(t());
    const insider = await t().createUser('reviewer');
    await addQueueMember(t(), queue.id, insider.user.id);
    const task = await insertTask(t(), instance, queue);
    await download(insider.client, doc.body.url).expect(200);
    const added = await insider.client.post(`/instances/${instance.id}/documents`).send(asFile('b.pdf', 'application/pdf', PDF, { taskId: task.id })).expect(201);
    expect(added.body).toMatchObject({ source: 'reviewer', taskId: task.id, addedBy: { type: 'user', id: insider.user.id, name: insider.user.name } });

    const viewer = await t().createUser('viewer');
    await viewer.client.get(`/instances/${instance.id}/documents`).expect(200);
    await download(viewer.client, doc.body.url).expect(200);
    await viewer.client.post(`/instances/${instance.id}/documents`).send(asFile('c.pdf', 'application/pdf', PDF)).expect(403);
    await viewer.client.delete(`/documents/${doc.body.id}`).expect(403);
    await t().anonymous.get(`/documents/${doc.body.id}`).expect(401);
  });

  it('answers 404 for an unknown case or document, and 400 for a task of another case', async () => {
    await upload(newId(), asFile('a.pdf', 'application/pdf', PDF)).expect(404);
    await t().automation.get(`/instances/${newId()}/documents`).expect(404);
    await t().automation.get(`/documents/${newId()}`).expect(404);
    await t().automation.get(`/documents/${newId()}/content`).expect(404);
    await t().automation.delete(`/documents/${newId()}`).expect(404);
    await t().automation.get('/documents/not-an-id').expect(404);
    const instance = await insertInstance(t());
    const other = await insertInstance(t());
    const task = await insertTask(t(), other, await insertQueue(t()));
    const res = await upload(instance.id, asFile('a.pdf', 'application/pdf', PDF, { taskId: task.id })).expect(400);
    expect(res.body.details).toEqual([{ field: 'taskId', messages: [`task ${task.id} is not a task of case ${instance.id}`] }]);
  });

  it('refuses a corrupt, oversized, empty or disallowed file, naming the file and the rule, and writes nothing', async () => {
    const instance = await insertInstance(t());
    const before = await footprint(app);
    const refusals: Array<[Record<string, unknown>, string]> = [
      [asFile('fake.pdf', 'application/pdf', Buffer.from('MZ\x90\x00 an executable')), '"fake.pdf" is not a valid application/pdf file: a PDF starts with %PDF-'],
      [asFile('big.pdf', 'application/pdf', Buffer.concat([PDF, Buffer.alloc(4096)])), `"big.pdf" is ${PDF.length + 4096} bytes; the largest file accepted is 4096 bytes`],
      [asFile('empty.txt', 'text/plain', Buffer.alloc(0)), '"empty.txt" is empty'],
      [asFile('tool.exe', 'application/x-msdownload', Buffer.from('MZ')), expect.stringMatching(/^"tool.exe" is application\/x-msdownload, which is not accepted; accepted types are application\/pdf, /)],
    ];
    for (const [body, message] of refusals) {
      const res = await upload(instance.id, body).expect(400);
      expect(res.body.details).toEqual([{ field: 'content', messages: [message] }]);
    }
    const malformed = await upload(instance.id, { name: 'a/b.pdf', contentType: 'pdf', content: '!!', kind: 'Bad Kind' }).expect(400);
    expect(malformed.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['content', 'contentType', 'kind', 'name']);
    expect(await footprint(app)).toEqual(before);
  });

  it('takes back the bytes it stored when the transaction that stored them fails', async () => {
    const instance = await insertInstance(t());
    const writer = t().app.get(DocumentWriter);
    const before = await footprint(app);
    const prepared = writer.prepare(asFile('a.pdf', 'application/pdf', PDF), 'supporting');
    if ('problem' in prepared) throw new Error(prepared.problem);
    await expect(
      writer.transaction(async (write) => {
        await write(SYSTEM_ACTOR, instance, prepared, { source: 'api' });
        throw new Error('a later step failed');
      }),
    ).rejects.toThrow('a later step failed');
    expect(await footprint(app)).toEqual(before);
  });

  it('removes a document: 204, gone from the list and its store, recorded on the timeline', async () => {
    const instance = await insertInstance(t());
    const doc = await upload(instance.id, asFile('a.pdf', 'application/pdf', PDF, { kind: 'intake' })).expect(201);
    const before = await footprint(app);
    await t().automation.delete(`/documents/${doc.body.id}`).expect(204);
    await t().automation.get(`/documents/${doc.body.id}`).expect(404);
    await download(t().automation, doc.body.url).expect(404);
    expect((await t().automation.get(`/instances/${instance.id}/documents`).expect(200)).body.items).toEqual([]);
    const after = await footprint(app);
    expect(after).toEqual({ ...before, documents: before.documents! - 1, events: before.events! + 1, [storage === 'folder' ? 'files' : 'contents']: before[storage === 'folder' ? 'files' : 'contents']! - 1 });
    const removed = await t().db.read(() => t().db.findOneBy(EventTable, { type: 'document.removed', instanceId: instance.id }));
    expect(removed?.data).toEqual({ documentId: doc.body.id, name: 'a.pdf', kind: 'intake', size: PDF.length });
  });

  it('accepts documents on a closed case (late paperwork)', async () => {
    const instance = await insertInstance(t(), { status: 'completed', closedAt: t().clock.now(), outcome: 'approved' });
    await upload(instance.id, asFile('late.pdf', 'application/pdf', PDF)).expect(201);
  });

  it('loses a deleted case\'s documents with it; the folder sweep removes their files', async () => {
    const instance = await insertInstance(t());
    const doc = await upload(instance.id, asFile('a.pdf', 'application/pdf', PDF)).expect(201);
    const row = (await t().db.read(() => t().db.findOneBy(CaseDocumentTable, { id: doc.body.id })))!;
    await t().db.transaction(() => t().db.manager.delete(InstanceTable, { id: instance.id }));
    const after = await footprint(app);
    expect(await t().db.read(() => t().db.findOneBy(CaseDocumentTable, { id: doc.body.id }))).toBeNull();
    const sweep = t().app.get(DocumentFolderSweep);
    if (storage === 'database') {
      expect(after.files).toBe(0);
      return;
    }
    const path = join(app.folder, row.storageKey);
    expect(existsSync(path)).toBe(true);
    // A young file may belong to an upload that has not committed yet: it stays.
    expect(await sweep.sweep(Date.now())).toBe(0);
    expect(await sweep.sweep(Date.now() + 2 * 60 * 60 * 1000)).toBe(1);
    expect(existsSync(path)).toBe(false);
    expect(existsSync(join(app.folder, instance.id))).toBe(false);
  });
});
