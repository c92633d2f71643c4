import { useId } from 'react';
import { MESSAGE_KINDS, type MessageKind } from '../../api/message-types';
import { KIND_LABELS } from '../messages/message-kind';
import { DocumentsEditor } from './documents-editor';
import { DraftField } from './draft-field';
import type { TemplateDraft } from './template-draft';

interface TemplateFieldsProps {
  draft: TemplateDraft;
  onChange: (draft: TemplateDraft) => void;
  errors: Record<string, string>;
  /** A new template chooses its key; a saved one keeps it (a save is its next version). */
  isNew: boolean;
  readOnly?: boolean;
}

export function TemplateFields({ draft, onChange, errors, isNew, readOnly }: TemplateFieldsProps) {
  const kindId = useId();
  const set = (change: Partial<TemplateDraft>) => onChange({ ...draft, ...change });
  return (
    <div className="stack template-fields">
      <div className="inline-form">
        <DraftField label="Name" value={draft.name} onChange={(name) => set({ name })} error={errors.name} readOnly={readOnly} required />
        <DraftField label="Key" value={draft.key} onChange={(key) => set({ key })} error={errors.key} readOnly={readOnly || !isNew} required />
        <div className="field field-inline">
          <label htmlFor={kindId}>Kind</label>
          <select id={kindId} value={draft.kind} disabled={readOnly} onChange={(e) => set({ kind: e.target.value as MessageKind })}>
            {MESSAGE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {KIND_LABELS[kind]}
              </option>
            ))}
          </select>
          {errors.kind ? <small className="form-error">{errors.kind}</small> : null}
        </div>
      </div>
      <DraftField label="Subject" value={draft.subject} onChange={(subject) => set({ subject })} error={errors.subject} readOnly={readOnly} required />
      <DraftField label="HTML" rows={10} value={draft.html} onChange={(html) => set({ html })} error={errors.html} readOnly={readOnly} />
      <DraftField label="Text" rows={8} value={draft.text} onChange={(text) => set({ text })} error={errors.text} readOnly={readOnly} />
      <DocumentsEditor documents={draft.documents} onChange={(documents) => set({ documents })} errors={errors} readOnly={readOnly} />
      <DraftField
        label="Sample data (JSON)"
        rows={6}
        value={draft.sampleData}
        onChange={(sampleData) => set({ sampleData })}
        error={errors.sampleData}
        readOnly={readOnly}
        hint="Rendered when the preview has no case: the same shape as a case's context (entity, data, related …)."
      />
    </div>
  );
}
