import type { StateCreator } from 'zustand';
import type { FlowLink, FlowPosition } from '../../../../api/types';
import { copySteps, pasteClip, type Clip } from '../model/clipboard';
import { addDecisionRow, removeDecisionRow, updateDecisionRow, type DecisionRowPatch } from '../model/decision-edits';
import { newDefinition, type DesignDefinition } from '../model/design-definition';
import { addStep, moveSteps, removeLinks, removeSteps, setLink, updateStep } from '../model/flow-edits';
import { newStep, type PaletteKind } from '../model/new-step';
import { updateStage, type StagePatch } from '../model/stage-edits';
import { addStageReminder, removeStageReminder } from '../model/stage-reminders';
import type { DesignerStore } from './designer-store';

type Edit = (definition: DesignDefinition) => DesignDefinition;

/**
 * The data changes: every action is one user gesture and one undo step, except that changes sharing a
 * `gesture` (the keystrokes typed into one field while it has focus) make one step together.
 */
export interface DefinitionSlice {
  definition: DesignDefinition;
  /** Changed since it was loaded or last saved. */
  dirty: boolean;
  clipboard: Clip | null;
  /** Starts editing a definition afresh: nothing to undo, nothing unsaved. */
  load: (definition: DesignDefinition) => void;
  markSaved: () => void;
  change: (edit: Edit, gesture?: string) => void;
  /** Adds a step of `kind` at `position` and selects it; returns its id. */
  addStep: (kind: PaletteKind, position: FlowPosition) => string;
  updateStep: (id: string, patch: Record<string, unknown>, gesture?: string) => void;
  updateStage: (stepId: string, patch: StagePatch, gesture?: string) => void;
  /** A reminder this many minutes before a task of the step's stage is due; one already listed changes nothing. */
  addStageReminder: (stepId: string, beforeMinutes: number) => void;
  removeStageReminder: (stepId: string, beforeMinutes: number) => void;
  addDecisionRow: (stepId: string) => void;
  updateDecisionRow: (stepId: string, index: number, patch: DecisionRowPatch, gesture?: string) => void;
  removeDecisionRow: (stepId: string, index: number) => void;
  setLink: (from: string, on: string | undefined, to: string | null) => void;
  moveSteps: (positions: Map<string, FlowPosition>) => void;
  /** Removes the selected steps (not the start) and links. */
  removeSelection: () => void;
  copySelection: () => void;
  paste: () => void;
  undo: () => void;
  redo: () => void;
}

const selectedNodeIds = (state: DesignerStore) => state.nodes.filter((node) => node.selected).map((node) => node.id);

export const createDefinitionSlice: StateCreator<DesignerStore, [], [], DefinitionSlice> = (set, get) => {
  const show = (definition: DesignDefinition, dirty = true) => {
    set({ definition, dirty });
    get().redraw();
  };
  return {
    definition: newDefinition('', '', []),
    dirty: false,
    clipboard: null,
    load: (definition) => {
      get().history.getState().clear();
      set({ selected: null, nodes: [], edges: [] });
      show(definition, false);
    },
    markSaved: () => set({ dirty: false }),
    change: (edit, gesture) => {
      const before = get().definition;
      const after = edit(before);
      if (after === before) return;
      get().history.getState().record(before, gesture);
      show(after);
    },
    addStep: (kind, position) => {
      const { step, stage } = newStep(get().definition, kind, position);
      get().change((definition) => addStep(definition, step, stage));
      get().select({ kind: 'node', id: step.id });
      return step.id;
    },
    updateStep: (id, patch, gesture) => get().change((definition) => updateStep(definition, id, patch), gesture),
    updateStage: (stepId, patch, gesture) => get().change((definition) => updateStage(definition, stepId, patch), gesture),
    addStageReminder: (stepId, beforeMinutes) => get().change((definition) => addStageReminder(definition, stepId, beforeMinutes)),
    removeStageReminder: (stepId, beforeMinutes) => get().change((definition) => removeStageReminder(definition, stepId, beforeMinutes)),
    addDecisionRow: (stepId) => get().change((definition) => addDecisionRow(definition, stepId)),
    updateDecisionRow: (stepId, index, patch, gesture) => get().change((definition) => updateDecisionRow(definition, stepId, index, patch), gesture),
    removeDecisionRow: (stepId, index) => get().change((definition) => removeDecisionRow(definition, stepId, index)),
    setLink: (from, on, to) => get().change((definition) => setLink(definition, from, on, to)),
    moveSteps: (positions) => get().change((definition) => moveSteps(definition, positions)),
    removeSelection: () => {
      const state = get();
      const stepIds = selectedNodeIds(state);
      const links = state.edges.filter((edge) => edge.selected).flatMap((edge): FlowLink[] => (edge.data?.link ? [edge.data.link] : []));
      state.change((definition) => removeSteps(removeLinks(definition, links), stepIds));
    },
    copySelection: () => {
      const clip = copySteps(get().definition, selectedNodeIds(get()));
      if (clip) set({ clipboard: clip });
    },
    paste: () => {
      const { clipboard } = get();
      if (!clipboard) return;
      let pasted: string[] = [];
      get().change((definition) => {
        const result = pasteClip(definition, clipboard);
        pasted = result.ids;
        return result.definition;
      });
      const ids = new Set(pasted);
      const [only] = pasted;
      set((state) => ({ nodes: state.nodes.map((node) => ({ ...node, selected: ids.has(node.id) })), selected: pasted.length === 1 && only ? { kind: 'node', id: only } : null }));
      // A second paste lands one offset further on, not on top of the first copy.
      set({ clipboard: copySteps(get().definition, pasted) });
    },
    undo: () => {
      const previous = get().history.getState().undo(get().definition);
      if (previous) show(previous);
    },
    redo: () => {
      const next = get().history.getState().redo(get().definition);
      if (next) show(next);
    },
  };
};
