import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { HistoryState } from './history-store';
import type { DesignerStore, DesignerStoreApi } from './designer-store';

const DesignerStoreContext = createContext<DesignerStoreApi | null>(null);

export function DesignerStoreProvider({ store, children }: { store: DesignerStoreApi; children: ReactNode }) {
  return <DesignerStoreContext.Provider value={store}>{children}</DesignerStoreContext.Provider>;
}

/** The surrounding designer's store itself, for event handlers that read it once (getState) rather than subscribe. */
export function useDesignerStoreApi(): DesignerStoreApi {
  const store = useContext(DesignerStoreContext);
  if (!store) throw new Error('useDesigner must be used inside <DesignerStoreProvider>');
  return store;
}

/** Subscribes to a slice of the designer's store; pass a module-level selector. */
export function useDesigner<T>(selector: (state: DesignerStore) => T): T {
  return useStore(useDesignerStoreApi(), selector);
}

export function useHistory<T>(selector: (state: HistoryState) => T): T {
  return useStore(useDesignerStoreApi().getState().history, selector);
}
