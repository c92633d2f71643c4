import { useState } from 'react';
import type { CalendarFeedStatus } from '../../api/me-types';
import { Dialog } from '../../components/dialog';
import { errorMessage, QueryState } from '../../components/page-state';
import { formatDateTime } from '../../lib/format';
import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from './settings-queries';

/** A secret, revocable iCalendar URL that puts my agenda into Outlook or Google Calendar. */
export function CalendarFeedPanel() {
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  // The server keeps only a hash: the URL exists in this answer and nowhere else.
  const [url, setUrl] = useState<string | null>(null);
  const createUrl = () => create.mutate(undefined, { onSuccess: (created) => setUrl(created.url) });
  return (
    <section className="card" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">Calendar feed</h2>
      <p className="muted small">Your agenda (tasks, follow-ups, to-dos and events) as a calendar subscription, read through a secret URL.</p>
      <QueryState query={feed}>
        {(status) => (
          <div className="stack">
            <FeedStatus status={status} />
            {url ? <NewFeedUrl url={url} /> : null}
            <div className="page-actions">
              <button type="button" className="button button-primary" disabled={create.isPending} onClick={createUrl}>
                {status.active ? 'Replace URL' : 'Create feed URL'}
              </button>
              {status.active ? <RevokeButton onRevoked={() => setUrl(null)} /> : null}
            </div>
            {status.active ? <p className="muted small">Replacing gives a new URL; the old one stops working at once.</p> : null}
            {create.error ? (
              <p className="form-error" role="alert">
                {errorMessage(create.error)}
              </p>
            ) : null}
          </div>
        )}
      </QueryState>
    </section>
  );
}

function FeedStatus({ status }: { status: CalendarFeedStatus }) {
  if (!status.active) return <p>No calendar feed yet.</p>;
  return (
    <p aria-label="Calendar feed status">
      Active since {formatDateTime(status.createdAt)} · {status.lastUsedAt ? `last read ${formatDateTime(status.lastUsedAt)}` : 'not read by a calendar yet'}
    </p>
  );
}

function NewFeedUrl({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  const copy = () => void navigator.clipboard?.writeText(url).then(() => setCopied(true));
  return (
    <div className="notice notice-warning">
      <p>
        <strong>Copy this URL now: it is shown only this once.</strong> Anyone who has it can read your agenda.
      </p>
      <input className="secret" readOnly value={url} aria-label="Calendar feed URL" onFocus={(event) => event.target.select()} />
      <button type="button" className="button" onClick={copy}>
        {copied ? 'Copied' : 'Copy'}
      </button>
      <p className="small">
        Outlook: Add calendar → Subscribe from web, paste the URL. Google Calendar: Other calendars → + → From URL, paste the URL. Calendars
        refresh a subscription every few hours.
      </p>
    </div>
  );
}

function RevokeButton({ onRevoked }: { onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const revoke = useRevokeCalendarFeed();
  const confirm = () =>
    revoke.mutate(undefined, {
      onSuccess: () => {
        setConfirming(false);
        onRevoked();
      },
    });
  return (
    <>
      <button type="button" className="button" onClick={() => setConfirming(true)}>
        Revoke
      </button>
      <Dialog title="Revoke the calendar feed?" open={confirming} onClose={() => setConfirming(false)}>
        <p>Calendars subscribed to the URL stop receiving your agenda. You can create a new URL later.</p>
        {revoke.error ? (
          <p className="form-error" role="alert">
            {errorMessage(revoke.error)}
          </p>
        ) : null}
        <div className="page-actions">
          <button type="button" className="button button-primary" disabled={revoke.isPending} onClick={confirm}>
            Revoke the URL
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      </Dialog>
    </>
  );
}
