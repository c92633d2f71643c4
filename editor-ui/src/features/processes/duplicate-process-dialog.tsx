import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { Process } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/page-state';
import { designerApi } from './designer/designer-api';
import { fromProcess } from './designer/model/design-definition';

/** Asks a new key and name and creates the process as draft version 1 of a copy of `source`, then opens it in the designer. */
export function DuplicateProcessDialog({ source, onClose }: { source: Process; onClose: () => void }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ key: `${source.key}-copy`, name: `${source.name} (copy)` });
  const duplicate = useMutation({
    mutationFn: () => designerApi.create({ ...fromProcess(source), key: form.key.trim(), name: form.name.trim() }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['processes'] });
      onClose();
      await navigate(`/processes/${encodeURIComponent(created.key)}/design`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    duplicate.mutate();
  };
  return (
    <Dialog title={`Duplicate ${source.name}`} open onClose={onClose}>
      <form className="inline-form" aria-label="Duplicate process" onSubmit={submit}>
        <label className="field">
          <span>New key</span>
          <input required pattern="[a-z0-9][a-z0-9_\-]*" maxLength={100} value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} />
        </label>
        <label className="field">
          <span>New name</span>
          <input required maxLength={200} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </label>
        <button type="submit" className="button button-primary" disabled={duplicate.isPending}>
          Create copy
        </button>
        {duplicate.error ? (
          <p className="form-error" role="alert">
            {errorMessage(duplicate.error)}
          </p>
        ) : null}
      </form>
    </Dialog>
  );
}
