import { DeliveryLanes, rawOrigin } from './delivery-lanes';

describe('rawOrigin', () => {
  it('keeps the scheme and authority exactly as written', () => {
    expect(rawOrigin('http://127.0.0.1:5678/webhook-waiting/1?signature=x')).toBe('http://127.0.0.1:5678');
    expect(rawOrigin('https://Hooks.Example.com?x=1')).toBe('https://Hooks.Example.com');
    expect(rawOrigin('http://[::1]:80#frag')).toBe('http://[::1]:80');
  });
});

describe('DeliveryLanes', () => {
  const slow = { kind: 'webhook' as const, target: 'http://slow.test/hook' };
  const n8n = { kind: 'n8n_resume' as const, target: 'http://n8n.test:5678/webhook-waiting/1' };
  const email = { kind: 'email' as const, target: null };

  it('gives each target its own slots and names the full ones for the next claim to skip', () => {
    const lanes = new DeliveryLanes(2, 10);
    expect(lanes.tryStart(slow)).toBe('http://slow.test');
    expect(lanes.tryStart(slow)).toBe('http://slow.test');
    expect(lanes.tryStart(slow)).toBeNull();
    expect(lanes.tryStart(n8n)).toBe('http://n8n.test:5678');
    lanes.tryStart(email);
    lanes.tryStart(email);
    expect(lanes.exclusions()).toEqual({ origins: ['http://slow.test'], kinds: ['email'] });
    lanes.finish('http://slow.test');
    expect(lanes.exclusions()).toEqual({ origins: [], kinds: ['email'] });
    expect(lanes.room()).toBe(6);
  });

  it('fits a claim to the free slots: each lane up to what it has left, all within the room, in order', () => {
    const lanes = new DeliveryLanes(2, 4);
    lanes.tryStart(slow);
    const other = { kind: 'webhook' as const, target: 'http://other.test/x' };
    const due = [slow, slow, n8n, n8n, n8n, email, other];
    expect(lanes.fit(due)).toEqual([slow, n8n, n8n]);
    expect(lanes.room()).toBe(3);
    expect(lanes.tryStart(slow)).toBe('http://slow.test');
  });

  it('stops at the total across targets', () => {
    const lanes = new DeliveryLanes(4, 2);
    lanes.tryStart(slow);
    lanes.tryStart(n8n);
    expect(lanes.room()).toBe(0);
    expect(lanes.tryStart(email)).toBeNull();
  });
});
