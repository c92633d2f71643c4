import { PageHeader } from '../../components/page-header';
import { AwayPanel } from './away-panel';
import { CalendarFeedPanel } from './calendar-feed-panel';
import { NotificationsPanel } from './notifications-panel';

/** "My settings": what every signed-in user sets for themselves, whatever their role. */
export default function SettingsPage() {
  return (
    <>
      <PageHeader title="My settings" subtitle="How Caseflow tells you about work, who covers while you are away, and your calendar feed." />
      <div className="settings-panels">
        <NotificationsPanel />
        <AwayPanel />
        <CalendarFeedPanel />
      </div>
    </>
  );
}
