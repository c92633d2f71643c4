/**
 * Bar charts put their categories (process and stage names) on the vertical axis, one row each,
 * so long names run across the card instead of colliding under narrow bars. The axis gets the
 * width its longest name needs, up to a share of a laptop-width card; longer names are cut with
 * an ellipsis and the tick carries the full name.
 */

/** Average width of a character of the 12px UI font, rounded up so names rarely overflow. */
const CHAR_PX = 7;
const TICK_GAP_PX = 12;
export const MIN_AXIS_PX = 64;
/** About 40% of a report card at its narrowest (440px), leaving the bars room to compare. */
export const MAX_AXIS_PX = 180;
export const ROW_PX = 32;
/** Room for the value axis and the legend under the bars. */
const CHROME_PX = 72;

export interface CategoryAxis {
  /** Width of the category axis in pixels. */
  width: number;
  /** Characters a tick shows before it is cut. */
  maxChars: number;
  /** Height of the whole chart: one row per category. */
  height: number;
}

export function categoryAxis(labels: string[]): CategoryAxis {
  const longest = labels.reduce((max, label) => Math.max(max, label.length), 0);
  const width = Math.min(MAX_AXIS_PX, Math.max(MIN_AXIS_PX, longest * CHAR_PX + TICK_GAP_PX));
  return {
    width,
    maxChars: Math.max(4, Math.floor((width - TICK_GAP_PX) / CHAR_PX)),
    height: labels.length * ROW_PX + CHROME_PX,
  };
}

/** The name as it fits on the axis: whole, or cut at a word where one is near, ending in "…". */
export function fitLabel(label: string, maxChars: number): string {
  if (label.length <= maxChars) return label;
  const cut = label.slice(0, maxChars - 1);
  const lastSpace = cut.lastIndexOf(' ');
  const atWord = lastSpace >= maxChars * 0.6 ? cut.slice(0, lastSpace) : cut;
  return `${atWord.trimEnd()}…`;
}
