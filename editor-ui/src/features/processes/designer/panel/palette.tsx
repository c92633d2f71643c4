import type { DragEvent } from 'react';
import { KIND_NAMES, type PaletteKind } from '../model/new-step';
import { selectPaletteKinds, selectSetDraggedKind } from '../store/designer-selectors';
import { useDesigner } from '../store/designer-store-context';

/** The drag data type a palette item carries, so a drop of anything else (a file, text) adds nothing. */
export const PALETTE_MIME = 'application/x-caseflow-step';

/** The step kinds, each a button: drag it onto the canvas to place it, or click it (or press Enter) to add it mid-view. */
export function Palette({ onAdd }: { onAdd: (kind: PaletteKind) => void }) {
  const kinds = useDesigner(selectPaletteKinds);
  const setDraggedKind = useDesigner(selectSetDraggedKind);
  const onDragStart = (kind: PaletteKind) => (event: DragEvent<HTMLButtonElement>) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
    setDraggedKind(kind);
  };
  return (
    <section className="card designer-palette" aria-label="Palette">
      <h2>Steps</h2>
      {kinds.map((kind) => (
        <button key={kind} type="button" draggable className={`button designer-palette-item designer-kind-${kind}`} onDragStart={onDragStart(kind)} onDragEnd={() => setDraggedKind(null)} onClick={() => onAdd(kind)}>
          {KIND_NAMES[kind]}
        </button>
      ))}
    </section>
  );
}
