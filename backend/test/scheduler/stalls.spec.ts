import { EventTable, InstanceTable } from '../../src/database/tables';
import { StallSweep } from '../../src/scheduler/stall-sweep';
import { startTestApp, TestApp } from '../support/test-app';
import { launchInStage, setUpOfficeProcess } from './office-process';

describe('stall sweep', () => {
  let t: TestApp;
  let sweep: StallSweep;
  beforeAll(async () => {
    t = await startTestApp();
    sweep = t.app.get(StallSweep);
    await setUpOfficeProcess(t.admin, {
      key: 'onboarding',
      calendarKey: 'office',
      queues: [{ key: 'hr' }],
      stages: [
        { key: 'paperwork', name: 'Paperwork', ownerQueue: 'hr', stallAfterMinutes: 8 * 60, calendar: 'office' },
        { key: 'equipment', name: 'Equipment', ownerQueue: 'hr', stallAfterMinutes: 60 },
        { key: 'welcome', name: 'Welcome' },
      ],
    });
  });
  afterAll(() => t.close());

  const stalledEvents = (instanceId: string) => t.db.read(() => t.db.manager.findBy(EventTable, { type: 'instance.stalled', instanceId }));
  const instanceRow = (id: string) => t.db.read(() => t.db.manager.findOneByOrFail(InstanceTable, { id }));
  const sweepTwiceAt = async (at: number) => {
    t.clock.set(at);
    await sweep.run();
    await sweep.run();
  };

  it('raises one stalled event after a business day in the stage, and again only in a new stage', async () => {
    t.clock.set(Date.UTC(2026, 10, 6, 10, 0)); // Friday 10:00 in London
    const { instance } = await launchInStage(t.automation, 'onboarding', 'paperwork', 'stall');

    await sweepTwiceAt(Date.UTC(2026, 10, 9, 9, 59)); // the weekend does not count
    expect(await stalledEvents(instance.id)).toHaveLength(0);

    await sweepTwiceAt(Date.UTC(2026, 10, 9, 10, 0));
    const events = await stalledEvents(instance.id);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ processKey: 'onboarding', stageKey: 'paperwork', stallAfterMinutes: 480 });
    expect((await instanceRow(instance.id)).stalledAt).toBe(Date.UTC(2026, 10, 9, 10, 0));

    await sweepTwiceAt(Date.UTC(2026, 10, 20, 10, 0));
    expect(await stalledEvents(instance.id)).toHaveLength(1);

    await t.automation.post(`/instances/${instance.id}/stage`).send({ stageKey: 'equipment' }).expect(200);
    expect((await instanceRow(instance.id)).stalledAt).toBeNull();
    await sweepTwiceAt(Date.UTC(2026, 10, 20, 11, 0));
    expect((await stalledEvents(instance.id)).map((e) => e.data.stageKey)).toEqual(['paperwork', 'equipment']);
  });

  it('never reports a stage without a threshold, or a closed instance', async () => {
    t.clock.set(Date.UTC(2026, 10, 2, 9, 0));
    const quiet = await launchInStage(t.automation, 'onboarding', 'welcome', 'quiet');
    const done = await launchInStage(t.automation, 'onboarding', 'equipment', 'done');
    await t.automation.post(`/instances/${done.instance.id}/complete`).send({ outcome: 'hired' }).expect(200);
    await sweepTwiceAt(Date.UTC(2026, 11, 2, 9, 0));
    expect(await stalledEvents(quiet.instance.id)).toHaveLength(0);
    expect(await stalledEvents(done.instance.id)).toHaveLength(0);
  });
});
