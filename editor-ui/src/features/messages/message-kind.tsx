import { useId } from 'react';
import { MESSAGE_KINDS, type MessageKind } from '../../api/message-types';

export const KIND_LABELS: Record<MessageKind, string> = { customer: 'Customer', admin: 'Admin', finance: 'Finance' };

/** Which kind of communication a message or template is: customer, admin or finance. */
export function MessageKindBadge({ kind }: { kind: MessageKind | undefined }) {
  if (!kind) return null;
  return (
    <span className={`badge message-kind message-kind-${kind}`} data-kind={kind}>
      {KIND_LABELS[kind] ?? kind}
    </span>
  );
}

/** '' means every kind. */
export type KindChoice = MessageKind | '';

export function isKindChoice(value: string | null): value is KindChoice {
  return value === '' || (MESSAGE_KINDS as readonly string[]).includes(value ?? '-');
}

/** The All / customer / admin / finance select shared by the mailbox, the case timeline and the messages report. */
interface KindFilterProps {
  value: KindChoice;
  onChange: (kind: KindChoice) => void;
  label?: string;
  allLabel?: string;
  /** Appended to each kind's label ("Finance messages"). */
  suffix?: string;
}

export function MessageKindFilter({ value, onChange, label = 'Kind', allLabel = 'All kinds', suffix = '' }: KindFilterProps) {
  const id = useId();
  return (
    <div className="field field-inline">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(isKindChoice(e.target.value) ? e.target.value : '')}>
        <option value="">{allLabel}</option>
        {MESSAGE_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {`${KIND_LABELS[kind]}${suffix}`}
          </option>
        ))}
      </select>
    </div>
  );
}
