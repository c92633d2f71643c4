import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../../api/client';
import type { Entity } from '../../api/types';
import { Dialog } from '../../components/dialog';
import { errorMessage } from '../../components/page-state';

interface CreateEntityDialogProps {
  type: string;
  typeName: string;
  open: boolean;
  onClose: () => void;
}

export function CreateEntityDialog({ type, typeName, open, onClose }: CreateEntityDialogProps) {
  const [form, setForm] = useState({ externalId: '', name: '', email: '', managerEmail: '' });
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useMutation({
    mutationFn: () =>
      api.post<Entity>('/entities', {
        type,
        externalId: form.externalId.trim(),
        name: form.name.trim(),
        email: form.email.trim() || undefined,
        managerEmail: form.managerEmail.trim() || undefined,
      }),
    onSuccess: (entity) => {
      void queryClient.invalidateQueries({ queryKey: ['entities', type] });
      onClose();
      void navigate(`/entities/${type}/${entity.id}`);
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  const field = (key: keyof typeof form, label: string, inputType = 'text', required = false) => (
    <label className="field">
      <span>{label}</span>
      <input type={inputType} required={required} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} />
    </label>
  );
  return (
    <Dialog title={`New ${typeName.toLowerCase()} record`} open={open} onClose={onClose}>
      <form className="stack" onSubmit={submit}>
        {field('name', 'Name', 'text', true)}
        {field('externalId', 'Reference (unique)', 'text', true)}
        {field('email', 'Email', 'email')}
        {field('managerEmail', 'Manager email', 'email')}
        {create.error ? (
          <p className="form-error" role="alert">
            {errorMessage(create.error)}
          </p>
        ) : null}
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          Create
        </button>
      </form>
    </Dialog>
  );
}
