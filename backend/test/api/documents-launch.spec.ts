import { EntityTable, InstanceTable, MessageTable } from '../../src/database/tables';
import { insertInstance } from '../support/fixtures';
import { asFile, DEFAULT_STORE, download, DocumentsApp, footprint, OTHER_STORE, PDF, PNG, startDocumentsApp } from './documents.fixtures';

const REFERRAL = {
  key: 'student-referral-docs',
  name: 'Student referral',
  entityTypes: ['student'],
  stages: [{ key: 'triage', name: 'Triage' }],
  intake: [
    { path: 'data.reason', label: 'Reason', type: 'text', required: true },
    { path: 'data.referralLetter', label: 'Referral letter', type: 'file', required: true },
  ],
};
const student = (n: string) => ({ type: 'student', externalId: `S-${n}`, name: `Student ${n}` });
const letter = (extra: Record<string, unknown> = {}) =>
  asFile('letter.pdf', 'application/pdf', PDF, { field: 'data.referralLetter', kind: 'referral-letter', ...extra });

describe.each([
  [DEFAULT_STORE, undefined],
  [OTHER_STORE, OTHER_STORE],
] as const)('documents at launch and on messages (%s store)', (_storage, forced) => {
  let app: DocumentsApp;
  beforeAll(async () => {
    app = await startDocumentsApp({ store: forced });
    await app.t.admin.post('/processes').send(REFERRAL).expect(201);
    await app.t.admin.post(`/processes/${REFERRAL.key}/publish`).expect(200);
  });
  afterAll(() => app.close());
  const t = () => app.t;
  const launch = (body: Record<string, unknown>) => t().automation.post('/instances').send({ processKey: REFERRAL.key, ...body });
  const written = async () => ({
    ...(await footprint(app)),
    entities: await t().db.read(() => t().db.manager.count(EntityTable)),
    instances: await t().db.read(() => t().db.manager.count(InstanceTable)),
  });

  it('stores the launch documents on the new case; a file answers its intake field, whose data holds the reference', async () => {
    const res = await launch({ entity: student('1'), data: { reason: 'attendance' }, documents: [letter(), asFile('photo.png', 'image/png', PNG)] }).expect(201);
    const detail = await t().automation.get(`/instances/${res.body.id}`).expect(200);
    const [photo, stored] = detail.body.documents;
    expect(stored).toMatchObject({ name: 'letter.pdf', kind: 'referral-letter', field: 'data.referralLetter', source: 'intake', size: PDF.length });
    expect(photo).toMatchObject({ name: 'photo.png', kind: 'intake', field: null, source: 'intake' });
    expect(detail.body.data.referralLetter).toEqual({ documentId: stored.id, name: 'letter.pdf', contentType: 'application/pdf', size: PDF.length });
    expect(Buffer.compare((await download(t().automation, stored.url).expect(200)).body as Buffer, PDF)).toBe(0);
    const types = detail.body.timeline.map((e: { type: string }) => e.type);
    expect(types.slice(0, 3)).toEqual(['instance.launched', 'document.added', 'document.added']);
  });

  it('refuses a launch missing a required file, or with a bad document, naming it, before anything is written', async () => {
    const before = await written();
    const missing = await launch({ entity: student('2'), data: { reason: 'x' } }).expect(400);
    expect(missing.body.details).toEqual([{ field: 'data.referralLetter', messages: ['is required: send the file in "documents" with "field": "data.referralLetter"'] }]);
    const unlabelled = await launch({ entity: student('2'), data: { reason: 'x' }, documents: [asFile('letter.pdf', 'application/pdf', PDF)] }).expect(400);
    expect(unlabelled.body.details[0].field).toBe('data.referralLetter');

    const corrupt = await launch({
      entity: student('2'),
      data: { reason: 'x' },
      documents: [asFile('fine.png', 'image/png', PNG), letter({ content: Buffer.from('<html>').toString('base64') })],
    }).expect(400);
    expect(corrupt.body.details).toEqual([{ field: 'documents[1]', messages: ['"letter.pdf" is not a valid application/pdf file: a PDF starts with %PDF-'] }]);
    const oversized = await launch({ entity: student('2'), data: { reason: 'x' }, documents: [letter({ content: Buffer.concat([PDF, Buffer.alloc(5000)]).toString('base64') })] }).expect(400);
    expect(oversized.body.details[0].field).toBe('documents[0]');
    const wrongField = await launch({ entity: student('2'), data: { reason: 'x' }, documents: [letter({ field: 'data.reason' })] }).expect(400);
    expect(wrongField.body.details).toEqual([{ field: 'documents[0].field', messages: ['data.reason is a text field of the intake, not a file'] }]);
    const twice = await launch({ entity: student('2'), data: { reason: 'x' }, documents: [letter(), letter()] }).expect(400);
    expect(twice.body.details).toEqual([{ field: 'documents[1].field', messages: ['data.referralLetter is already answered by documents[0]'] }]);
    const tooMany = await launch({ entity: student('2'), data: { reason: 'x' }, documents: Array.from({ length: 11 }, () => letter()) }).expect(400);
    expect(tooMany.body.details[0].field).toBe('documents');
    expect(await written()).toEqual(before);
  });

  it('takes a reference already in the data, and ignores documents on a repeated launch', async () => {
    await launch({ entity: student('3'), data: { reason: 'x', referralLetter: 'file-123' } }).expect(201);
    const first = await launch({ entity: student('4'), data: { reason: 'x' }, documents: [letter()], idempotencyKey: 'k-4' }).expect(201);
    const before = await written();
    const again = await launch({ entity: student('4'), data: { reason: 'x' }, documents: [letter()], idempotencyKey: 'k-4' }).expect(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await written()).toEqual(before);
  });

  it('refuses files on a launch that attaches to an existing case, naming documents, and stores nothing', async () => {
    const started = await launch({ entity: student('ATT'), data: { reason: 'started in the UI' }, documents: [letter()] }).expect(201);
    const before = await written();
    const res = await launch({ instanceId: started.body.id, documents: [asFile('late.pdf', 'application/pdf', PDF)] }).expect(400);
    expect(res.body.details).toEqual([{ field: 'documents', messages: [expect.stringContaining('not taken when attaching')] }]);
    expect(await written()).toEqual(before);
  });

  it('needs documents:write to launch with documents', async () => {
    const { client } = await t().createApiKey(['instances:launch', 'instances:write']);
    const res = await client.post('/instances').send({ processKey: REFERRAL.key, entity: student('5'), data: { reason: 'x' }, documents: [letter()] }).expect(403);
    expect(res.body.message).toBe('documents: adding files to a case needs "documents:write".');
  });

  it('attaches the case documents to a message: all of them, or only the kinds asked for', async () => {
    const instance = await insertInstance(t());
    const up = (body: Record<string, unknown>) => t().automation.post(`/instances/${instance.id}/documents`).send(body).expect(201);
    await up(asFile('letter.pdf', 'application/pdf', PDF, { kind: 'referral-letter' }));
    await up(asFile('scan.png', 'image/png', PNG));
    const send = (attachDocuments: Record<string, unknown>) =>
      t().automation.post('/messages').send({ instanceId: instance.id, inline: { subject: 's', text: 't' }, to: { addresses: ['a@example.test'] }, attachDocuments });

    const all = await send({}).expect(201);
    expect(all.body.attachments.map((a: { filename: string }) => a.filename)).toEqual(['letter.pdf', 'scan.png']);
    const sent = await download(t().automation, all.body.attachments[0].url).expect(200);
    expect(Buffer.compare(sent.body as Buffer, PDF)).toBe(0);
    const letters = await send({ kinds: ['referral-letter'] }).expect(201);
    expect(letters.body.attachments.map((a: { filename: string }) => a.filename)).toEqual(['letter.pdf']);

    const noCase = await t().automation.post('/messages').send({ inline: { subject: 's', text: 't' }, to: { addresses: ['a@example.test'] }, attachDocuments: {} }).expect(400);
    expect(noCase.body.details[0].field).toBe('attachDocuments');
    const { client } = await t().createApiKey(['messages:write']);
    await client.post('/messages').send({ instanceId: instance.id, inline: { subject: 's', text: 't' }, to: { addresses: ['a@example.test'] }, attachDocuments: {} }).expect(403);
  });
});

describe('documents as large as the default limit', () => {
  let app: DocumentsApp;
  beforeAll(async () => {
    app = await startDocumentsApp({ maxBytes: 10 * 1024 * 1024 });
  });
  afterAll(() => app.close());

  it('take a 10 MB file as base64 on upload, and count against the 10 MB of a message', async () => {
    const t = app.t;
    const instance = await insertInstance(t);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length, 7)]);
    const res = await t.automation.post(`/instances/${instance.id}/documents`).send(asFile('big.pdf', 'application/pdf', big)).expect(201);
    expect(res.body.size).toBe(big.length);
    expect(Buffer.compare((await download(t.automation, res.body.url).expect(200)).body as Buffer, big)).toBe(0);

    const before = await t.db.read(() => t.db.manager.count(MessageTable));
    const over = await t.automation
      .post('/messages')
      .send({
        instanceId: instance.id,
        inline: { subject: 's', text: 't' },
        to: { addresses: ['a@example.test'] },
        attachments: [{ filename: 'x.txt', contentType: 'text/plain', content: Buffer.from('x').toString('base64') }],
        attachDocuments: {},
      })
      .expect(400);
    expect(over.body.details).toEqual([{ field: 'attachments', messages: [`attachments add up to ${big.length + 1} bytes; the limit is 10485760 (10 MB)`] }]);
    expect(await t.db.read(() => t.db.manager.count(MessageTable))).toBe(before);
  });

  it('take a multi-megabyte file on launch, well past the ordinary body limit', async () => {
    const t = app.t;
    await t.admin.post('/processes').send({ ...REFERRAL, key: 'large-launch' }).expect(201);
    await t.admin.post('/processes/large-launch/publish').expect(200);
    const big = Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 1)]);
    const res = await t.automation
      .post('/instances')
      .send({ processKey: 'large-launch', entity: student('big'), data: { reason: 'x' }, documents: [asFile('big.pdf', 'application/pdf', big, { field: 'data.referralLetter' })] })
      .expect(201);
    expect(res.body.data.referralLetter.size).toBe(big.length);
  });
});
