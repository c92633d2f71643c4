import { useQuery } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { Calendar, MessageTemplateRef, Page, Queue } from '../../../api/types';
import { itemsOf } from '../../entities/entity-queries';
import type { OptionSource } from './model/step-schemas';

export interface Option {
  value: string;
  label: string;
}

const list = <T,>(path: string) => () => api.get<T[] | Page<T>>(path, { limit: 500 }).then(itemsOf);
const STALE = 5 * 60_000;

const STATIC: Record<'units' | 'directions' | 'priorities', Option[]> = {
  units: ['minutes', 'hours', 'days', 'weeks', 'months', 'businessDays'].map((unit) => ({ value: unit, label: unit === 'businessDays' ? 'business days' : unit })),
  directions: [
    { value: 'after', label: 'after' },
    { value: 'before', label: 'before' },
  ],
  priorities: ['1 low', '2 normal', '3 high', '4 urgent'].map((label) => ({ value: label.slice(0, 1), label })),
};

/** The choices the properties panel's selects offer: queues, calendars and message templates by key. */
export function useDesignerOptions(): Record<OptionSource, Option[]> {
  const queues = useQuery({ queryKey: ['queues', 'designer'], queryFn: list<Queue>('/queues'), staleTime: STALE });
  const calendars = useQuery({ queryKey: ['calendars', 'designer'], queryFn: list<Calendar>('/calendars'), staleTime: STALE });
  const templates = useQuery({ queryKey: ['message-templates', 'designer'], queryFn: list<MessageTemplateRef>('/message-templates'), staleTime: STALE });
  return {
    queues: (queues.data ?? []).map((queue) => ({ value: queue.key, label: queue.name })),
    calendars: (calendars.data ?? []).map((calendar) => ({ value: calendar.key, label: calendar.name })),
    templates: (templates.data ?? []).map((template) => ({ value: template.key, label: template.name ?? template.key })),
    ...STATIC,
  };
}
