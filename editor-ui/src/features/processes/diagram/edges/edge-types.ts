import type { EdgeTypes } from '@xyflow/react';
import { LinkEdge } from './link-edge';

/** Module-level, like NODE_TYPES. The stage list's edges keep React Flow's built-in types. */
export const EDGE_TYPES = {
  link: LinkEdge,
} satisfies EdgeTypes;
