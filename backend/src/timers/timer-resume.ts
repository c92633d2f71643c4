import { iso } from '../common/time';
import type { TimerTable } from '../database/tables';
import type { OutboxItem } from '../outbox/outbox.service';

/**
 * The signed call that resumes the execution waiting on a timer. `late` is true when the time had
 * already passed — at registration or because the anchor moved — so Relative Delay routes the item
 * as its "If Already Past" setting says, exactly as when the item arrived too late.
 */
export function timerResume(timer: TimerTable, firedAt: number, late: boolean): OutboxItem {
  return {
    kind: 'n8n_resume',
    target: timer.resumeUrl,
    payload: {
      kind: 'timer',
      timerId: timer.id,
      instanceId: timer.instanceId,
      fireAt: iso(timer.fireAt),
      firedAt: iso(firedAt),
      late,
      status: late ? 'past' : 'fired',
    },
    idempotencyKey: `timer:${timer.id}:${late ? 'past' : 'fired'}`,
    instanceId: timer.instanceId,
  };
}
