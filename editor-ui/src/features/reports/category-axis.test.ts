import { describe, expect, it } from 'vitest';
import { categoryAxis, fitLabel, MAX_AXIS_PX, MIN_AXIS_PX, ROW_PX } from './category-axis';

describe('categoryAxis', () => {
  it('gives every category a row of its own, so names cannot overlap however many there are', () => {
    const few = categoryAxis(['A', 'B']);
    const many = categoryAxis(Array.from({ length: 12 }, (_, i) => `Stage ${i}`));
    expect(many.height - few.height).toBe(10 * ROW_PX);
  });

  it('widens the axis to fit a medium name whole', () => {
    const label = 'Course bookings · Review';
    const axis = categoryAxis(['Short', label]);
    expect(axis.width).toBeGreaterThan(MIN_AXIS_PX);
    expect(axis.width).toBeLessThanOrEqual(MAX_AXIS_PX);
    expect(fitLabel(label, axis.maxChars)).toBe(label);
  });

  it('stops widening at a share of the card and cuts longer names instead', () => {
    const label = 'Student support requests · Waiting for the academic department to decide';
    const axis = categoryAxis([label]);
    expect(axis.width).toBe(MAX_AXIS_PX);
    expect(fitLabel(label, axis.maxChars).length).toBeLessThanOrEqual(axis.maxChars);
  });

  it('keeps short names on a narrow axis', () => {
    expect(categoryAxis(['A']).width).toBe(MIN_AXIS_PX);
  });
});

describe('fitLabel', () => {
  it('leaves a name that fits alone', () => {
    expect(fitLabel('Review', 10)).toBe('Review');
  });

  it('cuts at a word near the end and marks the cut', () => {
    expect(fitLabel('Course bookings · Send confirmation', 20)).toBe('Course bookings ·…');
  });

  it('cuts mid-word when no word break is near', () => {
    expect(fitLabel('Supercalifragilistic', 8)).toBe('Superca…');
  });
});
