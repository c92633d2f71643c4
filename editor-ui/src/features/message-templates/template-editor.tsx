import { useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { PageHeader } from '../../components/page-header';
import { errorMessage } from '../../components/page-state';
import { MessageKindBadge } from '../messages/message-kind';
import { CasePicker, loadPickedCase, type PickedCase } from './case-picker';
import { useSaveTemplate } from './message-template-queries';
import { PreviewPane } from './preview-pane';
import { draftOf, errorsByField, previewBody, sameDraft, saveBody, type TemplateDraft } from './template-draft';
import { TemplateFields } from './template-fields';
import { templatePath, TEMPLATES_PATH } from './template-paths';
import { TemplateVersions } from './template-versions';
import { useLivePreview } from './use-live-preview';
import { useUnsavedGuard, type SavedState } from './use-unsaved-guard';
import './message-templates.css';

const detailsOf = (error: unknown) => (error instanceof ApiError ? error.details : []);

interface TemplateEditorProps {
  initial: TemplateDraft;
  /** The saved version the draft started from; absent for a new template. */
  version?: number;
}

/** Edits a template with a live preview beside it; every save is a new version. */
export function TemplateEditor({ initial, version }: TemplateEditorProps) {
  const isNew = version === undefined;
  const navigate = useNavigate();
  const location = useLocation();
  const [baseline, setBaseline] = useState(initial);
  const [draft, setDraft] = useState(initial);
  const [savedVersion, setSavedVersion] = useState<number | null>((location.state as Partial<SavedState> | null)?.savedVersion ?? null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [picked, setPicked] = useState<PickedCase | null>(loadPickedCase);
  const save = useSaveTemplate();
  const dirty = !sameDraft(draft, baseline);
  useUnsavedGuard(dirty);

  const request = previewBody(draft, picked?.id ?? null);
  const preview = useLivePreview(request);
  const errors = { ...errorsByField(detailsOf(preview.error)), ...errorsByField(detailsOf(save.error)), ...localErrors };

  const edit = (next: TemplateDraft) => {
    setDraft(next);
    setLocalErrors({});
    setSavedVersion(null);
  };
  const submit = () => {
    const result = saveBody(draft);
    if ('errors' in result) return setLocalErrors(errorsByField(result.errors));
    save.mutate(result.body, {
      onSuccess: (saved) => {
        const next = draftOf(saved);
        setBaseline(next);
        setDraft(next);
        setSavedVersion(saved.version);
        if (isNew) void navigate(templatePath(saved.key), { replace: true, state: { savedVersion: saved.version } satisfies SavedState });
      },
    });
  };

  return (
    <article>
      <PageHeader
        title={isNew ? 'New message template' : baseline.name}
        subtitle={
          isNew ? (
            'Saved as version 1 of the key you choose.'
          ) : (
            <>
              <code>{baseline.key}</code> · version {savedVersion ?? version} <MessageKindBadge kind={baseline.kind} />
            </>
          )
        }
        actions={
          <>
            <Link to={TEMPLATES_PATH}>All message templates</Link>
            <button type="button" className="button button-primary" disabled={!dirty || save.isPending} onClick={submit}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          </>
        }
      />
      {savedVersion !== null && !dirty ? (
        <p className="notice notice-ok" role="status">
          Saved as version {savedVersion}.
        </p>
      ) : null}
      {save.error && detailsOf(save.error).length === 0 ? (
        <p className="notice notice-error" role="alert">
          {errorMessage(save.error)}
        </p>
      ) : null}
      <div className="template-editor">
        <div className="stack">
          <section className="card" aria-label="Template">
            <TemplateFields draft={draft} onChange={edit} errors={errors} isNew={isNew} />
          </section>
          {isNew ? null : <TemplateVersions templateKey={baseline.key} />}
        </div>
        <div className="stack template-preview-column">
          <CasePicker value={picked} onChange={setPicked} />
          <PreviewPane preview={preview.data} error={preview.error} waiting={preview.waiting} body={request} />
        </div>
      </div>
    </article>
  );
}
