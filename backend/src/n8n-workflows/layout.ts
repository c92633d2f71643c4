import type { FlowPosition, ProcessFlow } from '../processes/process-flow';

const COLUMN = 280;
const ROW = 200;

/**
 * Where each step's node goes: the designer's position when the step has one, else a left-to-right layout
 * by distance from the start (a column per step of the longest path found breadth-first, a row per sibling).
 */
export function layoutSteps(flow: ProcessFlow): Map<string, FlowPosition> {
  const start = flow.steps.find((step) => step.kind === 'start');
  const depth = new Map<string, number>();
  if (start) depth.set(start.id, 0);
  const queue = start ? [start.id] : [];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const link of flow.links.filter((candidate) => candidate.from === id)) {
      if (depth.has(link.to)) continue;
      depth.set(link.to, depth.get(id)! + 1);
      queue.push(link.to);
    }
  }
  const rowsUsed = new Map<number, number>();
  const positions = new Map<string, FlowPosition>();
  for (const step of flow.steps) {
    // Steps no path reaches go in a column after the rest.
    const column = depth.get(step.id) ?? Math.max(0, ...depth.values()) + 1;
    const row = rowsUsed.get(column) ?? 0;
    rowsUsed.set(column, row + 1);
    // Column 0 is the webhook's; the start and its answer take the next two.
    positions.set(step.id, step.position ?? { x: (column === 0 ? 1 : column + 2) * COLUMN, y: row * ROW });
  }
  return positions;
}
