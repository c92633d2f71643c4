import { setUpReferralProcess, student } from '../support/scenario';
import { startTestApp, TestApp } from '../support/test-app';

describe('timers anchored on the entity', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpReferralProcess(t.admin);
  });
  afterAll(() => t.close());

  it('move when the entity attribute they are anchored on changes', async () => {
    const entity = { ...student('course'), attributes: { courseStart: '2026-12-20T09:00:00.000Z' } };
    const launched = await t.automation.post('/instances').send({ processKey: 'referral', entity }).expect(201);
    const timer = await t.automation
      .post('/timers')
      .send({
        instanceId: launched.body.id,
        anchorField: 'entity.attributes.courseStart',
        offset: { amount: -14, unit: 'days' },
        resumeUrl: 'http://127.0.0.1:5678/webhook-waiting/9',
      })
      .expect(201);
    expect(timer.body.fireAt).toBe('2026-12-06T09:00:00.000Z');

    await t.automation.patch(`/entities/${launched.body.entity.id}`).send({ attributes: { courseStart: '2027-01-10T09:00:00.000Z' } }).expect(200);
    const moved = await t.automation.get(`/timers/${timer.body.id}`).expect(200);
    expect(moved.body.fireAt).toBe('2026-12-27T09:00:00.000Z');

    await t.automation.patch(`/entities/${launched.body.entity.id}`).send({ name: 'Renamed' }).expect(200);
    const unchanged = await t.automation.get(`/timers/${timer.body.id}`).expect(200);
    expect(unchanged.body.fireAt).toBe('2026-12-27T09:00:00.000Z');
  });
});
