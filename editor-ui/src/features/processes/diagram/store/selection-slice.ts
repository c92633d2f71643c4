import type { StateCreator } from 'zustand';
import type { DiagramStore } from './diagram-store';

export type Selected = { kind: 'node' | 'edge'; id: string };

export interface SelectionSlice {
  selected: Selected | null;
  select: (selected: Selected) => void;
  clearSelection: () => void;
}

export const createSelectionSlice: StateCreator<DiagramStore, [], [], SelectionSlice> = (set) => ({
  selected: null,
  select: (selected) => set({ selected }),
  clearSelection: () => set({ selected: null }),
});
