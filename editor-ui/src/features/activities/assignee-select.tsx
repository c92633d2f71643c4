import type { PersonRef } from '../../api/activity-types';
import { formatDate } from '../../lib/format';
import { useSession } from '../../session/session';
import { usePeople } from './activity-queries';

interface AssigneeSelectProps {
  id: string;
  value: string;
  onChange: (personId: string) => void;
  /** The current assignee, kept as a choice even when no longer among the active people. */
  current?: PersonRef;
}

/** Colleagues to give an activity to, from GET /people; the signed-in user is marked "(me)". */
export function AssigneeSelect({ id, value, onChange, current }: AssigneeSelectProps) {
  const people = usePeople();
  const { me } = useSession();
  const choices: Array<PersonRef & { away?: { until: string } | null }> = [...(people.data ?? [])];
  for (const known of [me, current]) {
    const knownId = known?.id;
    if (known && knownId && !choices.some((person) => person.id === knownId)) choices.unshift({ id: knownId, name: known.name });
  }
  return (
    <select id={id} value={value} onChange={(event) => onChange(event.target.value)} aria-busy={people.isPending}>
      {choices.map((person) => (
        <option key={person.id} value={person.id}>
          {person.name}
          {person.id === me?.id ? ' (me)' : ''}
          {person.away ? ` — away until ${formatDate(person.away.until)}` : ''}
        </option>
      ))}
    </select>
  );
}
