import type { FlowPosition } from '../../../../api/types';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Room a new step needs: the widest node and a tall decision, with a margin. */
export const STEP_ROOM = { width: 220, height: 150 };
const RINGS = 4;

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (box: Box, area: Box) => box.x >= area.x && box.y >= area.y && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;

/**
 * Where a step added by a click goes: centred on `centre` when there is room, else the nearest free place on
 * a grid around it, preferring places inside `visible` so the new step is seen (and can be clicked) at once.
 */
export function findFreeSpot(centre: FlowPosition, taken: Box[], visible: Box): FlowPosition {
  const origin = { x: centre.x - STEP_ROOM.width / 2, y: centre.y - STEP_ROOM.height / 2 };
  const candidates: Array<FlowPosition & { distance: number }> = [];
  for (let dx = -RINGS; dx <= RINGS; dx += 1) {
    for (let dy = -RINGS; dy <= RINGS; dy += 1) {
      candidates.push({ x: origin.x + dx * STEP_ROOM.width, y: origin.y + dy * STEP_ROOM.height, distance: Math.hypot(dx, dy * 1.2) });
    }
  }
  candidates.sort((a, b) => a.distance - b.distance);
  const free = candidates.filter((spot) => !taken.some((box) => overlaps(box, { ...spot, ...STEP_ROOM })));
  const seen = free.find((spot) => inside({ ...spot, ...STEP_ROOM }, visible)) ?? free[0] ?? origin;
  // A node is drawn from its top left; a little inset keeps it clear of the grid cell's edge.
  return { x: seen.x + 10, y: seen.y + 10 };
}
