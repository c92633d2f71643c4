import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { N8nGenerated } from '../../../../api/types';
import { PageHeader } from '../../../../components/page-header';
import { designerApi } from '../designer-api';
import type { DesignDefinition } from '../model/design-definition';
import { Checklist } from '../panel/checklist';
import { Palette } from '../panel/palette';
import { DesignerProperties } from '../panel/properties-panel';
import { watchDefinitionProblems } from '../store/definition-check';
import { selectDefinition, selectDirty } from '../store/designer-selectors';
import { createDesignerStore } from '../store/designer-store';
import { DesignerStoreProvider, useDesigner, useDesignerStoreApi } from '../store/designer-store-context';
import { CompareDialog } from './compare-dialog';
import { DesignerCanvas } from './designer-canvas';
import { DesignerToolbar } from './designer-toolbar';
import { GenerateDialog } from './generate-dialog';
import { placeUnplacedSteps } from './place-steps';
import { useCanvasActions } from './use-canvas-actions';
import { useDesignerKeys } from './use-designer-keys';
import { useDesignLeaveGuard } from './use-leave-guard';
import { useSaveAndPublish, type SaveTarget } from './use-save-and-publish';
import '../../diagram/process-diagram.css';
import './designer.css';

/** One designer session: its own store (loaded once), the check watching it, and the canvas. */
export function DesignerWorkspace({ initial, target }: { initial: DesignDefinition; target: SaveTarget }) {
  const [store] = useState(() => {
    const created = createDesignerStore();
    created.getState().load(initial);
    return created;
  });
  const [placed, setPlaced] = useState(() => initial.flow.steps.every((step) => step.position));
  useEffect(() => {
    if (placed) return;
    void placeUnplacedSteps(store.getState().definition).then((definition) => {
      store.getState().load(definition);
      setPlaced(true);
    });
  }, [placed, store]);
  useEffect(() => watchDefinitionProblems(store, designerApi.check), [store]);
  return (
    <DesignerStoreProvider store={store}>
      <ReactFlowProvider>
        <DesignerLayout target={target} fitOnOpen={target !== 'new'} placed={placed} />
      </ReactFlowProvider>
    </DesignerStoreProvider>
  );
}

function DesignerLayout({ target, fitOnOpen, placed }: { target: SaveTarget; fitOnOpen: boolean; placed: boolean }) {
  const store = useDesignerStoreApi();
  const definition = useDesigner(selectDefinition);
  const dirty = useDesigner(selectDirty);
  const actions = useCanvasActions();
  const { target: savedAs, busy, notice, setNotice, save, publish } = useSaveAndPublish(store, target);
  // Saving waits for a layout under way, so the places it finds are saved too.
  const [layingOut, setLayingOut] = useState(false);
  const autoLayout = () => {
    setLayingOut(true);
    void actions.autoLayout().finally(() => setLayingOut(false));
  };
  const [dialog, setDialog] = useState<'compare' | 'generate' | null>(null);
  const link = useQuery({ queryKey: ['n8n-link', definition.key], queryFn: () => designerApi.workflowLink(definition.key), enabled: savedAs !== 'new', retry: false });
  const [generated, setGenerated] = useState<N8nGenerated | null>(null);
  useDesignerKeys(store);
  useDesignLeaveGuard(dirty);
  const onGenerated = (result: N8nGenerated) => {
    setGenerated(result);
    setNotice({ kind: 'ok', text: 'Workflow generated' });
  };
  const editorUrl = generated?.editorUrl ?? link.data?.editorUrl ?? null;

  return (
    <>
      <PageHeader
        title={`Design: ${definition.name}`}
        subtitle={
          <>
            <code>{definition.key}</code> · {savedAs === 'new' ? 'not saved yet' : savedAs === 'draft' ? 'draft' : 'published, no draft yet'}
          </>
        }
        actions={savedAs === 'new' ? null : <Link to={`/processes/${encodeURIComponent(definition.key)}`}>All versions</Link>}
      />
      <DesignerToolbar
        busy={layingOut ? 'laying-out' : busy}
        editorUrl={editorUrl}
        onAutoLayout={autoLayout}
        onFitView={actions.fitView}
        onSave={() => void save()}
        onCompare={() => setDialog('compare')}
        onPublish={() => void publish()}
        onGenerate={() => setDialog('generate')}
      />
      {notice ? (
        <p className={notice.kind === 'error' ? 'form-error designer-notice' : 'designer-notice'} role={notice.kind === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </p>
      ) : null}
      <div className="designer-layout">
        <Palette onAdd={actions.addAtCentre} />
        {placed ? <DesignerCanvas fitOnOpen={fitOnOpen} /> : <div className="designer-canvas" />}
        <div className="designer-side">
          <DesignerProperties />
          <Checklist onJump={actions.jumpTo} />
        </div>
      </div>
      <CompareDialog open={dialog === 'compare'} onClose={() => setDialog(null)} />
      {dialog === 'generate' ? <GenerateDialog processKey={definition.key} open onClose={() => setDialog(null)} onGenerated={onGenerated} /> : null}
    </>
  );
}
