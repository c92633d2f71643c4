import type { ProcessCheck } from '../../../api/types';
import { newDefinition, type DesignDefinition } from './model/design-definition';
import { createDesignerStore, type DesignerStoreApi } from './store/designer-store';

/** A designer store holding a fresh process ("Equipment request"), with nothing to undo. */
export function aDesignerStore(definition: DesignDefinition = newDefinition('equipment-request', 'Equipment request', ['request'])): DesignerStoreApi {
  const store = createDesignerStore();
  store.getState().load(definition);
  return store;
}

export const noProblems: ProcessCheck = { valid: true, problems: [] };
