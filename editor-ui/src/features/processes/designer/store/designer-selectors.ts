import type { DesignerStore } from './designer-store';

/** Module-level selectors, so subscriptions keep the same function between renders. */
export const selectNodes = (state: DesignerStore) => state.nodes;
export const selectEdges = (state: DesignerStore) => state.edges;
export const selectDefinition = (state: DesignerStore) => state.definition;
export const selectDirty = (state: DesignerStore) => state.dirty;
export const selectProblems = (state: DesignerStore) => state.problems;
export const selectProblemsByStep = (state: DesignerStore) => state.problemsByStep;
export const selectSelected = (state: DesignerStore) => state.selected;
export const selectSelect = (state: DesignerStore) => state.select;
export const selectClearSelection = (state: DesignerStore) => state.clearSelection;
export const selectApplyNodeChanges = (state: DesignerStore) => state.applyNodeChanges;
export const selectApplyEdgeChanges = (state: DesignerStore) => state.applyEdgeChanges;
export const selectAddStep = (state: DesignerStore) => state.addStep;
export const selectUpdateStep = (state: DesignerStore) => state.updateStep;
export const selectUpdateStage = (state: DesignerStore) => state.updateStage;
export const selectAddStageReminder = (state: DesignerStore) => state.addStageReminder;
export const selectRemoveStageReminder = (state: DesignerStore) => state.removeStageReminder;
export const selectAddDecisionRow = (state: DesignerStore) => state.addDecisionRow;
export const selectUpdateDecisionRow = (state: DesignerStore) => state.updateDecisionRow;
export const selectRemoveDecisionRow = (state: DesignerStore) => state.removeDecisionRow;
export const selectSetLink = (state: DesignerStore) => state.setLink;
export const selectMoveSteps = (state: DesignerStore) => state.moveSteps;
export const selectRemoveSelection = (state: DesignerStore) => state.removeSelection;
export const selectUndo = (state: DesignerStore) => state.undo;
export const selectRedo = (state: DesignerStore) => state.redo;
export const selectPaletteKinds = (state: DesignerStore) => state.paletteKinds;
export const selectSetDraggedKind = (state: DesignerStore) => state.setDraggedKind;

// These return stored objects themselves (never a new wrapper), so zustand sees a stable snapshot.
export const selectSelectedStep = (state: DesignerStore) =>
  state.selected?.kind === 'node' ? (state.definition.flow.steps.find((step) => step.id === state.selected?.id) ?? null) : null;
export const selectSelectedEdge = (state: DesignerStore) =>
  state.selected?.kind === 'edge' ? (state.edges.find((edge) => edge.id === state.selected?.id) ?? null) : null;
