import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Entity } from '../../api/types';
import { errorMessage } from '../../components/page-state';
import { entityKeys } from './entity-queries';

/** A prospect becomes a client and keeps its history. */
export function ConvertToClientButton({ entity }: { entity: Entity }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const convert = useMutation({
    mutationFn: () => api.post<Entity>(`/entities/${entity.id}/convert`, { toType: 'client' }),
    onSuccess: (client) => {
      void queryClient.invalidateQueries({ queryKey: entityKeys.detail(entity.id) });
      void queryClient.invalidateQueries({ queryKey: ['entities'] });
      void navigate(`/entities/${client.type}/${client.id}`);
    },
  });
  return (
    <>
      <button
        type="button"
        className="button"
        disabled={convert.isPending}
        onClick={() => {
          if (window.confirm(`Convert ${entity.name} to a client? Its history stays with it.`)) convert.mutate();
        }}
      >
        Convert to client
      </button>
      {convert.error ? (
        <span className="form-error" role="alert">
          {errorMessage(convert.error)}
        </span>
      ) : null}
    </>
  );
}
