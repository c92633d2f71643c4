import { fitLabel } from './category-axis';

interface CategoryTickProps {
  /** Set by recharts for each tick. */
  x?: number | string;
  y?: number | string;
  payload?: { value?: unknown };
  maxChars: number;
}

/** A category name on the vertical axis, cut to fit; the full name is its title, shown on hover and read by screen readers. */
export function CategoryTick({ x = 0, y = 0, payload, maxChars }: CategoryTickProps) {
  const label = String(payload?.value ?? '');
  return (
    <text x={Number(x)} y={Number(y)} dx={-6} dy={4} textAnchor="end" fontSize={12} fill="currentColor">
      <title>{label}</title>
      {fitLabel(label, maxChars)}
    </text>
  );
}
