import type { ProcessCheck } from '../../../../api/types';
import type { DesignDefinition } from '../model/design-definition';
import type { DesignerStoreApi } from './designer-store';

/** How long after the last change the definition is checked, so typing asks once, not per keystroke. */
export const CHECK_DELAY_MS = 250;

export type CheckDefinition = (definition: DesignDefinition) => Promise<ProcessCheck>;

/**
 * Keeps the store's problems those of its current definition: checks it now and again CHECK_DELAY_MS after
 * each change. An answer for an older definition never replaces a newer one's. Returns the way to stop.
 */
export function watchDefinitionProblems(store: DesignerStoreApi, check: CheckDefinition, delayMs = CHECK_DELAY_MS): () => void {
  let asked = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    const ticket = ++asked;
    check(store.getState().definition).then(
      ({ problems }) => ticket === asked && store.getState().setProblems(problems),
      // The checklist keeps its last answer; saving reports what is wrong in its own words.
      () => undefined,
    );
  };
  run();
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.definition === previous.definition) return;
    clearTimeout(timer);
    timer = setTimeout(run, delayMs);
  });
  return () => {
    clearTimeout(timer);
    asked += 1;
    unsubscribe();
  };
}
