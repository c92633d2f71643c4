import ICAL from 'ical.js';
import request from 'supertest';
import { launchInStage, setUpOfficeProcess } from '../scheduler/office-process';
import { startTestApp, TestApp } from '../support/test-app';
import { reviewerIn } from './notifications.fixtures';

/** What a calendar app shows: the wall-clock time in London of an instant. */
const london = (date: Date): string =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', dateStyle: 'short', timeStyle: 'short' }).format(date);

interface FeedEvent {
  uid: string;
  summary: string;
  start: Date;
  end: Date;
  description: string;
  url: string;
}

/** Parsed with ical.js (Mozilla's iCalendar parser), as a calendar client would. */
function parseFeed(text: string): FeedEvent[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      description: event.description,
      url: String(component.getFirstPropertyValue('url')),
    };
  });
}

describe('calendar feed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await setUpOfficeProcess(t.admin, { key: 'feed', queues: [{ key: 'advisors' }], stages: [{ key: 'review', name: 'Review', ownerQueue: 'advisors' }] });
  });
  afterAll(() => t.close());

  /** A calendar app fetching the URL: no session, no key. */
  const fetchFeed = (url: string) => request(t.baseUrl).get(new URL(url).pathname);

  it("holds the user's tasks and activities at the right times on both sides of a daylight-saving change", async () => {
    const fay = await reviewerIn(t, ['advisors'], 'Fay');
    const gus = await reviewerIn(t, ['advisors'], 'Gus');
    const { instance, task } = await launchInStage(t.automation, 'feed', 'review', 'f1', 'advisors', { dueAt: '2027-03-27T12:00:00Z' });
    await fay.client.post(`/tasks/${task!.id}/claim`).expect(200);
    const add = (client: typeof fay.client, body: Record<string, unknown>) => client.post(`/instances/${instance.id}/activities`).send(body).expect(201);
    // London is on GMT until 01:00 UTC on Sunday 28 March 2027, then on BST (UTC+1).
    const before = await add(fay.client, { kind: 'follow-up', title: 'Call before the change', note: 'Bring the file', dueAt: '2027-03-26T09:00:00Z' });
    const after = await add(fay.client, { kind: 'event', title: 'Panel after the change', startAt: '2027-03-29T09:00:00+01:00', endAt: '2027-03-29T10:30:00+01:00' });
    await add(fay.client, { kind: 'to-do', title: 'Undated' });
    await add(gus.client, { kind: 'follow-up', title: "Gus's own", dueAt: '2027-03-26T10:00:00Z' });

    const created = await fay.client.post('/me/calendar-feed').expect(201);
    expect(created.body.url).toMatch(new RegExp(`^${t.config.publicUrl}/calendar/[A-Za-z0-9_-]{40,}\\.ics$`));
    const res = await fetchFeed(created.body.url).expect(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');

    const events = parseFeed(res.text);
    expect(events.map((e) => e.summary).sort()).toEqual(['Follow-up due: Call before the change', 'Panel after the change', 'Task due: Review f1']);
    const byTitle = new Map(events.map((e) => [e.summary, e]));
    const call = byTitle.get('Follow-up due: Call before the change')!;
    expect(call.end.toISOString()).toBe('2027-03-26T09:00:00.000Z');
    expect(london(call.end)).toBe('26/03/2027, 09:00');
    const panel = byTitle.get('Panel after the change')!;
    expect([panel.start.toISOString(), panel.end.toISOString()]).toEqual(['2027-03-29T08:00:00.000Z', '2027-03-29T09:30:00.000Z']);
    expect([london(panel.start), london(panel.end)]).toEqual(['29/03/2027, 09:00', '29/03/2027, 10:30']);
    expect(call.uid).toBe(`follow-up-${before.body.id}@caseflow`);
    expect(panel.uid).toBe(`event-${after.body.id}@caseflow`);
    expect(call.description).toContain('Case: Student f1 (feed)');
    expect(call.description).toContain('Bring the file');
    expect(call.url).toBe(`${t.config.publicUrl}/instances/${instance.id}`);
    expect(byTitle.get('Task due: Review f1')!.url).toBe(`${t.config.publicUrl}/tasks/${task!.id}`);

    const status = await fay.client.get('/me/calendar-feed').expect(200);
    expect(status.body).toEqual({ active: true, createdAt: expect.any(String), lastUsedAt: expect.any(String) });
    expect(status.body.url).toBeUndefined();
  });

  it('answers 404 for a revoked URL, a replaced one and a made-up one', async () => {
    const hal = await reviewerIn(t, ['advisors'], 'Hal');
    const first = await hal.client.post('/me/calendar-feed').expect(201);
    await fetchFeed(first.body.url).expect(200);
    const second = await hal.client.post('/me/calendar-feed').expect(201);
    expect(second.body.url).not.toBe(first.body.url);
    await fetchFeed(first.body.url).expect(404);
    await fetchFeed(second.body.url).expect(200);

    await hal.client.delete('/me/calendar-feed').expect(204);
    await fetchFeed(second.body.url).expect(404);
    expect((await hal.client.get('/me/calendar-feed').expect(200)).body).toEqual({ active: false, createdAt: null, lastUsedAt: null });
    await request(t.baseUrl).get('/calendar/not-a-real-feed-token-at-all-000000000000.ics').expect(404);
    await t.automation.post('/me/calendar-feed').expect(403);
  });

  it("stops serving a deactivated user's feed", async () => {
    const ivy = await reviewerIn(t, ['advisors'], 'Ivy');
    const feed = await ivy.client.post('/me/calendar-feed').expect(201);
    await fetchFeed(feed.body.url).expect(200);
    await t.admin.patch(`/users/${ivy.id}`).send({ active: false }).expect(200);
    await fetchFeed(feed.body.url).expect(404);
  });
});
