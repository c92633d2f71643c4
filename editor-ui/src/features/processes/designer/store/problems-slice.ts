import type { StateCreator } from 'zustand';
import type { FlowProblem } from '../../../../api/types';
import { groupByStep, type ProblemsByStep } from './designer-graph';
import type { DesignerStore } from './designer-store';

export interface ProblemsSlice {
  /** Every problem the check endpoint (or a refused publish) reported for the definition; null before the first answer. */
  problems: FlowProblem[] | null;
  problemsByStep: ProblemsByStep;
  setProblems: (problems: FlowProblem[]) => void;
}

export const createProblemsSlice: StateCreator<DesignerStore, [], [], ProblemsSlice> = (set, get) => ({
  problems: null,
  problemsByStep: {},
  setProblems: (problems) => {
    set({ problems, problemsByStep: groupByStep(problems) });
    get().redraw();
  },
});
