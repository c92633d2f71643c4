import type { StateCreator } from 'zustand';
import { PALETTE_KINDS, type PaletteKind } from '../model/new-step';
import type { DesignerStore } from './designer-store';

export interface PaletteSlice {
  paletteKinds: readonly PaletteKind[];
  /** The kind being dragged from the palette, until it is dropped or the drag ends. */
  draggedKind: PaletteKind | null;
  setDraggedKind: (kind: PaletteKind | null) => void;
}

export const createPaletteSlice: StateCreator<DesignerStore, [], [], PaletteSlice> = (set) => ({
  paletteKinds: PALETTE_KINDS,
  draggedKind: null,
  setDraggedKind: (draggedKind) => set({ draggedKind }),
});
