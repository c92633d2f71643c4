import { selectDirty, selectRedo, selectUndo } from '../store/designer-selectors';
import { useDesigner, useHistory } from '../store/designer-store-context';
import { selectCanRedo, selectCanUndo } from '../store/history-store';

interface ToolbarProps {
  /** Saving, publishing and generating wait while one of them, or an auto-layout, is under way. */
  busy: 'saving' | 'publishing' | 'laying-out' | null;
  /** Where the generated workflow opens in n8n, once there is one. */
  editorUrl: string | null;
  onAutoLayout: () => void;
  onFitView: () => void;
  onSave: () => void;
  onCompare: () => void;
  onPublish: () => void;
  onGenerate: () => void;
}

/** The designer's commands; undo and redo are also Ctrl/Cmd+Z and Ctrl/Cmd+Shift+Z (or Ctrl+Y). */
export function DesignerToolbar({ busy, editorUrl, onAutoLayout, onFitView, onSave, onCompare, onPublish, onGenerate }: ToolbarProps) {
  const undo = useDesigner(selectUndo);
  const redo = useDesigner(selectRedo);
  const dirty = useDesigner(selectDirty);
  const canUndo = useHistory(selectCanUndo);
  const canRedo = useHistory(selectCanRedo);
  return (
    <div className="designer-toolbar" role="toolbar" aria-label="Designer">
      <button type="button" className="button" onClick={undo} disabled={!canUndo} title="Ctrl+Z">
        Undo
      </button>
      <button type="button" className="button" onClick={redo} disabled={!canRedo} title="Ctrl+Shift+Z">
        Redo
      </button>
      <button type="button" className="button" onClick={onAutoLayout} disabled={busy !== null}>
        Auto-layout
      </button>
      <button type="button" className="button" onClick={onFitView}>
        Fit view
      </button>
      <span className="designer-toolbar-gap" />
      {dirty ? <span className="badge designer-unsaved">Unsaved changes</span> : null}
      <button type="button" className="button" onClick={onSave} disabled={busy !== null}>
        {busy === 'saving' ? 'Saving…' : 'Save draft'}
      </button>
      <button type="button" className="button" onClick={onCompare}>
        Compare with published
      </button>
      <button type="button" className="button button-primary" onClick={onPublish} disabled={busy !== null}>
        {busy === 'publishing' ? 'Publishing…' : 'Publish'}
      </button>
      <button type="button" className="button" onClick={onGenerate} disabled={busy !== null}>
        Generate n8n workflow
      </button>
      {editorUrl ? (
        <a className="button" href={editorUrl} target="_blank" rel="noreferrer">
          Open in n8n
        </a>
      ) : null}
    </div>
  );
}
