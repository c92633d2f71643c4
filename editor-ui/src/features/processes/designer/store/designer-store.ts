import { createStore, type StoreApi } from 'zustand/vanilla';
import { createCanvasSlice, type CanvasSlice } from './canvas-slice';
import { createDefinitionSlice, type DefinitionSlice } from './definition-slice';
import { createHistoryStore, type HistoryStoreApi } from './history-store';
import { createPaletteSlice, type PaletteSlice } from './palette-slice';
import { createProblemsSlice, type ProblemsSlice } from './problems-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

export type DesignerStore = CanvasSlice &
  DefinitionSlice &
  SelectionSlice &
  PaletteSlice &
  ProblemsSlice & {
    /** Undo and redo live in a store of their own; the data slice records into it. */
    history: HistoryStoreApi;
  };
export type DesignerStoreApi = StoreApi<DesignerStore>;

/** One store per open designer, built from slices: canvas (diagram), data changes, selection, palette and problems. */
export function createDesignerStore(history: HistoryStoreApi = createHistoryStore()): DesignerStoreApi {
  return createStore<DesignerStore>()((...args) => ({
    ...createCanvasSlice(...args),
    ...createDefinitionSlice(...args),
    ...createSelectionSlice(...args),
    ...createPaletteSlice(...args),
    ...createProblemsSlice(...args),
    history,
  }));
}
