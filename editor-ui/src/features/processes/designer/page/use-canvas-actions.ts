import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useCallback } from 'react';
import type { FlowStep } from '../../../../api/types';
import { omitFields } from '../model/plain-data';
import { toFlowGraph } from '../../diagram/flow-graph';
import { layoutGraph } from '../../diagram/layout-graph';
import type { ProcessEdge, ProcessNode } from '../../diagram/process-graph';
import { findFreeSpot, STEP_ROOM } from '../model/free-spot';
import type { PaletteKind } from '../model/new-step';
import { useDesignerStoreApi } from '../store/designer-store-context';
import { FIT_VIEW_OPTIONS } from './designer-canvas';

const size = (node: ProcessNode) => ({ width: node.measured?.width ?? STEP_ROOM.width, height: node.measured?.height ?? 80 });

/** What the palette, the checklist and the toolbar do to the canvas's view. */
export function useCanvasActions() {
  const store = useDesignerStoreApi();
  const flow = useStoreApi<ProcessNode, ProcessEdge>();
  const { fitView, setCenter, getViewport } = useReactFlow<ProcessNode, ProcessEdge>();

  const addAtCentre = useCallback(
    (kind: PaletteKind) => {
      const { width, height } = flow.getState();
      const { x, y, zoom } = getViewport();
      const visible = { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
      const centre = { x: visible.x + visible.width / 2, y: visible.y + visible.height / 2 };
      const taken = store.getState().nodes.map((node) => ({ ...node.position, ...size(node) }));
      const spot = findFreeSpot(centre, taken, visible);
      store.getState().addStep(kind, spot);
      const seen = spot.x >= visible.x && spot.y >= visible.y && spot.x + STEP_ROOM.width <= visible.x + visible.width && spot.y + STEP_ROOM.height <= visible.y + visible.height;
      if (!seen) window.requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
    },
    [fitView, flow, getViewport, store],
  );

  const jumpTo = useCallback(
    (stepId: string) => {
      const node = store.getState().nodes.find((candidate) => candidate.id === stepId);
      if (!node) return;
      store.getState().select({ kind: 'node', id: stepId });
      const { width, height } = size(node);
      void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: getViewport().zoom, duration: 200 });
    },
    [getViewport, setCenter, store],
  );

  /** Lets elk place every step afresh; one undo step. */
  const autoLayout = useCallback(async () => {
    const { definition } = store.getState();
    const unplaced = { ...definition, flow: { ...definition.flow, steps: definition.flow.steps.map((step) => omitFields(step, 'position') as unknown as FlowStep) } };
    const laidOut = await layoutGraph(toFlowGraph(unplaced));
    store.getState().moveSteps(new Map(laidOut.nodes.map((node) => [node.id, { x: Math.round(node.position.x), y: Math.round(node.position.y) }])));
    window.requestAnimationFrame(() => void fitView(FIT_VIEW_OPTIONS));
  }, [fitView, store]);

  return { addAtCentre, jumpTo, autoLayout, fitView: () => void fitView(FIT_VIEW_OPTIONS) };
}
