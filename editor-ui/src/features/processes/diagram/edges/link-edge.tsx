import { BezierEdge, SmoothStepEdge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { ProcessEdge } from '../process-graph';
import { labelWithShare } from './edge-label';

/**
 * A flow link. Decision paths curve (each leaves its own handle, so their labels sit at different heights);
 * plain links run in right angles. The label adds the share of cases once the live map fills it in.
 */
export const LinkEdge = memo(function LinkEdge(props: EdgeProps<ProcessEdge>) {
  const label = labelWithShare(typeof props.label === 'string' ? props.label : undefined, props.data);
  return props.data?.link?.on === undefined ? <SmoothStepEdge {...props} label={label} /> : <BezierEdge {...props} label={label} />;
});
