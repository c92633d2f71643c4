import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDiagramSlice, type DiagramSlice } from './diagram-slice';
import { createSelectionSlice, type SelectionSlice } from './selection-slice';

export type DiagramStore = DiagramSlice & SelectionSlice;
export type DiagramStoreApi = StoreApi<DiagramStore>;

/**
 * One store per drawn diagram, built from slices (the designer will add data changes, palette and
 * history slices). Not a module singleton as in workflowbuilder: the templates gallery draws
 * several diagrams on one page.
 */
export function createDiagramStore(): DiagramStoreApi {
  return createStore<DiagramStore>()((...args) => ({
    ...createDiagramSlice(...args),
    ...createSelectionSlice(...args),
  }));
}
