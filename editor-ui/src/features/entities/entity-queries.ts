import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { RelatedRecords } from '../../api/message-types';
import type { Entity, EntityType, InstanceStatus, Page, Process } from '../../api/types';

export interface EntityInstanceSummary {
  id: string;
  processKey: string;
  status: InstanceStatus;
  currentStageKey: string | null;
  createdAt: string;
}

export interface EntityDetail extends Entity {
  instances: EntityInstanceSummary[];
}

export const entityKeys = {
  types: ['entity-types'] as const,
  list: (type: string, q: string, offset: number) => ['entities', type, { q, offset }] as const,
  detail: (id: string) => ['entity', id] as const,
  related: (id: string) => ['entity', id, 'related'] as const,
  startable: (type: string) => ['processes', { entityType: type }] as const,
};

export function useEntityTypes(enabled = true) {
  return useQuery({
    queryKey: entityKeys.types,
    queryFn: () => api.get<EntityType[] | Page<EntityType>>('/entity-types').then(itemsOf),
    staleTime: 5 * 60_000,
    enabled,
  });
}

export function useEntities(type: string, q: string, offset: number, limit: number) {
  return useQuery({
    queryKey: entityKeys.list(type, q, offset),
    queryFn: ({ signal }) => api.get<Page<Entity>>('/entities', { type, q, limit, offset }, signal),
    placeholderData: (previous) => previous,
  });
}

export function useEntity(id: string) {
  return useQuery({ queryKey: entityKeys.detail(id), queryFn: () => api.get<EntityDetail>(`/entities/${id}`) });
}

/** The records this one links to and the ones linking to it. */
export function useRelatedRecords(id: string) {
  return useQuery({ queryKey: entityKeys.related(id), queryFn: () => api.get<RelatedRecords>(`/entities/${id}/related`) });
}

/** Published processes that may start for this entity type. */
export function useStartableProcesses(type: string, enabled: boolean) {
  return useQuery({
    queryKey: entityKeys.startable(type),
    queryFn: () => api.get<Process[] | Page<Process>>('/processes', { entityType: type }).then(itemsOf),
    enabled,
  });
}

/** Some list endpoints answer with a page, some with a bare array. */
export function itemsOf<T>(response: T[] | Page<T>): T[] {
  return Array.isArray(response) ? response : response.items;
}
