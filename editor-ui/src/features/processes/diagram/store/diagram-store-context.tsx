import { createContext, useContext, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createDiagramStore, type DiagramStore, type DiagramStoreApi } from './diagram-store';

const DiagramStoreContext = createContext<DiagramStoreApi | null>(null);

export function DiagramStoreProvider({ children }: { children: ReactNode }) {
  const [store] = useState(createDiagramStore);
  return <DiagramStoreContext.Provider value={store}>{children}</DiagramStoreContext.Provider>;
}

/** Subscribes to a slice of the surrounding diagram's store; pass a module-level selector. */
export function useDiagramStore<T>(selector: (state: DiagramStore) => T): T {
  const store = useContext(DiagramStoreContext);
  if (!store) throw new Error('useDiagramStore must be used inside <DiagramStoreProvider>');
  return useStore(store, selector);
}
