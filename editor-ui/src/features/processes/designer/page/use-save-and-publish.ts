import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { ApiError } from '../../../../api/client';
import type { FlowProblem } from '../../../../api/types';
import { errorMessage } from '../../../../components/page-state';
import { designerApi } from '../designer-api';
import type { DesignerStoreApi } from '../store/designer-store';

/** Which version the canvas will be saved as: a process not created yet, its open draft, or a new draft after the published one. */
export type SaveTarget = 'new' | 'draft' | 'published';

const problemsOf = (error: unknown): FlowProblem[] | null => {
  if (!(error instanceof ApiError) || error.status !== 422) return null;
  const body = error.body as { problems?: FlowProblem[] } | undefined;
  return Array.isArray(body?.problems) ? body.problems : null;
};

/** "Save draft" (creates the process, or starts and patches its draft) and "Publish" (saves, then publishes). */
export function useSaveAndPublish(store: DesignerStoreApi, initialTarget: SaveTarget) {
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<SaveTarget>(initialTarget);
  const [busy, setBusy] = useState<'saving' | 'publishing' | null>(null);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const persist = useCallback(async () => {
    const definition = store.getState().definition;
    if (target === 'new') await designerApi.create(definition);
    else {
      if (target === 'published') await designerApi.startDraft(definition.key);
      await designerApi.saveDraft(definition);
    }
    setTarget('draft');
    // Edits made while the request was on its way are still unsaved.
    if (store.getState().definition === definition) store.getState().markSaved();
    await queryClient.invalidateQueries({ queryKey: ['processes'] });
  }, [queryClient, store, target]);

  const save = useCallback(async () => {
    setBusy('saving');
    setNotice(null);
    try {
      await persist();
      setNotice({ kind: 'ok', text: 'Draft saved' });
    } catch (error) {
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }, [persist]);

  const publish = useCallback(async () => {
    if (target === 'published' && !store.getState().dirty) {
      setNotice({ kind: 'ok', text: 'Nothing to publish: the canvas shows the published version.' });
      return;
    }
    setBusy('publishing');
    setNotice(null);
    try {
      if (target !== 'draft' || store.getState().dirty) await persist();
      const published = await designerApi.publish(store.getState().definition.key);
      setTarget('published');
      await queryClient.invalidateQueries({ queryKey: ['processes'] });
      setNotice({ kind: 'ok', text: `Version ${published.version} published` });
    } catch (error) {
      const problems = problemsOf(error);
      if (problems) store.getState().setProblems(problems);
      setNotice({ kind: 'error', text: errorMessage(error) });
    } finally {
      setBusy(null);
    }
  }, [persist, queryClient, store, target]);

  return { target, busy, notice, setNotice, save, publish };
}
