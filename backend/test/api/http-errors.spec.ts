import request from 'supertest';
import { startTestApp, TestApp } from '../support/test-app';

/** Nothing a client sends gets a 500: the framework's own refusals keep their 4xx and say why. */
describe('bad requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ config: { bodyLimitBytes: 64 * 1024 } });
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400', async () => {
    const res = await t.automation.post('/instances').set('content-type', 'application/json').send('{"processKey": ').expect(400);
    expect(res.body.message).toMatch(/JSON/i);
  });

  it('treats an empty JSON body as no body', async () => {
    await t.admin.post('/queues').send({ key: 'q', name: 'Q' }).expect(201);
    await t.admin
      .post('/processes')
      .send({ key: 'p', name: 'P', entityTypes: ['student'], stages: [{ key: 's', name: 'S' }], decisions: [] })
      .expect(201);
    await t.admin.post('/processes/p/publish').set('content-type', 'application/json').expect(200);
  });

  it('refuses a prototype-poisoning body', async () => {
    await t.automation.post('/instances').set('content-type', 'application/json').send('{"__proto__": {"admin": true}}').expect(400);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.automation.post('/instances').send({ processKey: 'x', data: { blob: 'x'.repeat(100 * 1024) } }).expect(413);
    expect(res.body.statusCode).toBe(413);
  });

  it('answers an unsupported content type with 415', async () => {
    await t.automation.post('/instances').set('content-type', 'application/xml').send('<a/>').expect(415);
  });

  it('answers an unknown route with 404 and a JSON body', async () => {
    const res = await t.automation.get('/no-such-thing').expect(404);
    expect(res.body.statusCode).toBe(404);
  });

  it('answers a query with wrong types with 400 naming the fields', async () => {
    const res = await t.automation.get('/instances?limit=abc&offset=-1').expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'offset']);
  });

  it('serves the OpenAPI description', async () => {
    const res = await request(t.baseUrl).get('/api/docs/openapi.json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/v1/instances', '/api/v1/tasks/{id}/decide']));
  });
});
