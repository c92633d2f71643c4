import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DesignDefinition } from '../model/design-definition';

/** How many gestures can be undone; older ones are forgotten. */
export const HISTORY_LIMIT = 100;

export interface HistoryState {
  /** The definitions before each gesture, oldest first. */
  past: DesignDefinition[];
  future: DesignDefinition[];
  /** The gesture the newest entry belongs to: changes of the same gesture (typing in one field) share it. */
  gesture: string | null;
  /** Remembers `before` as one undo step, unless it continues the newest entry's gesture. A new change forgets what was undone. */
  record: (before: DesignDefinition, gesture?: string) => void;
  /** The definition to go back to from `current`, or undefined when there is none. */
  undo: (current: DesignDefinition) => DesignDefinition | undefined;
  redo: (current: DesignDefinition) => DesignDefinition | undefined;
  clear: () => void;
}

export type HistoryStoreApi = StoreApi<HistoryState>;

/** Undo and redo as snapshots of the whole definition, one per user gesture (workflowbuilder's idea), kept apart from the diagram's store. */
export function createHistoryStore(): HistoryStoreApi {
  return createStore<HistoryState>()((set, get) => ({
    past: [],
    future: [],
    gesture: null,
    record: (before, gesture) => {
      const { past, gesture: last } = get();
      if (gesture !== undefined && gesture === last && past.length > 0) return set({ future: [] });
      set({ past: [...past, before].slice(-HISTORY_LIMIT), future: [], gesture: gesture ?? null });
    },
    undo: (current) => {
      const { past, future } = get();
      const previous = past.at(-1);
      if (!previous) return undefined;
      set({ past: past.slice(0, -1), future: [current, ...future], gesture: null });
      return previous;
    },
    redo: (current) => {
      const { past, future } = get();
      const [next, ...rest] = future;
      if (!next) return undefined;
      set({ past: [...past, current], future: rest, gesture: null });
      return next;
    },
    clear: () => set({ past: [], future: [], gesture: null }),
  }));
}

export const selectCanUndo = (state: HistoryState) => state.past.length > 0;
export const selectCanRedo = (state: HistoryState) => state.future.length > 0;
