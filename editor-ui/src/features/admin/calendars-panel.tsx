import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Calendar } from '../../api/types';
import { ListTable } from '../../components/list-table';
import { Empty, errorMessage } from '../../components/page-state';
import { useAdminList, useAdminMutation } from './admin-queries';
import { describeWorkingHours, officeWeek, parseHolidays, toWorkingHours, WEEKDAYS, type WeekHours } from './working-hours';

const CALENDARS = ['admin', 'calendars'];

export function CalendarsPanel() {
  const calendars = useAdminList<Calendar>(CALENDARS, '/calendars');
  return (
    <div className="stack">
      <CreateCalendarForm />
      <ListTable
        query={calendars}
        empty={<Empty title="No calendars" />}
        columns={['Name', 'Key', 'Time zone', 'Working hours', 'Holidays']}
        row={(calendar) => (
          <tr key={calendar.id}>
            <td>{calendar.name}</td>
            <td>
              <code>{calendar.key}</code>
            </td>
            <td>{calendar.timeZone}</td>
            <td className="small">{describeWorkingHours(calendar.workingHours)}</td>
            <td className="small">{calendar.holidays.length > 0 ? calendar.holidays.join(', ') : '—'}</td>
          </tr>
        )}
      />
    </div>
  );
}

function CreateCalendarForm() {
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [timeZone, setTimeZone] = useState(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [week, setWeek] = useState<WeekHours>(officeWeek);
  const [holidays, setHolidays] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const create = useAdminMutation(
    (body: Omit<Calendar, 'id'>) => api.post<Calendar>('/calendars', body),
    [CALENDARS],
  );
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseHolidays(holidays);
    if (parsed.invalid) return setFormError(`“${parsed.invalid}” is not a date (use yyyy-mm-dd).`);
    setFormError(null);
    create.mutate(
      { key: key.trim(), name: name.trim(), timeZone, workingHours: toWorkingHours(week), holidays: parsed.dates },
      {
        onSuccess: () => {
          setKey('');
          setName('');
          setHolidays('');
        },
      },
    );
  };
  return (
    <form className="card" aria-label="Create a calendar" onSubmit={submit}>
      <h2>Create a business calendar</h2>
      <div className="inline-form">
        <label className="field">
          <span>Name</span>
          <input required value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>Key</span>
          <input required value={key} onChange={(e) => setKey(e.target.value)} />
        </label>
        <label className="field">
          <span>Time zone</span>
          <input required value={timeZone} onChange={(e) => setTimeZone(e.target.value)} />
        </label>
      </div>
      <fieldset className="week-hours">
        <legend>Working hours</legend>
        {WEEKDAYS.map((day) => (
          <div key={day} className="week-day">
            <label className="field-check">
              <input type="checkbox" checked={week[day].working} onChange={(e) => setWeek({ ...week, [day]: { ...week[day], working: e.target.checked } })} />
              <span>{day}</span>
            </label>
            <input type="time" aria-label={`${day} start`} disabled={!week[day].working} value={week[day].start} onChange={(e) => setWeek({ ...week, [day]: { ...week[day], start: e.target.value } })} />
            <input type="time" aria-label={`${day} end`} disabled={!week[day].working} value={week[day].end} onChange={(e) => setWeek({ ...week, [day]: { ...week[day], end: e.target.value } })} />
          </div>
        ))}
      </fieldset>
      <label className="field">
        <span>Holidays (yyyy-mm-dd, separated by commas)</span>
        <input value={holidays} onChange={(e) => setHolidays(e.target.value)} placeholder="2026-12-25, 2026-12-26" />
      </label>
      {formError || create.error ? (
        <p className="form-error" role="alert">
          {formError ?? errorMessage(create.error)}
        </p>
      ) : null}
      <button type="submit" className="button button-primary" disabled={create.isPending}>
        Create calendar
      </button>
    </form>
  );
}
