import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CategoryTick } from './category-tick';

function renderTick(label: string, maxChars: number) {
  return render(
    <svg>
      <CategoryTick x={100} y={20} payload={{ value: label }} maxChars={maxChars} />
    </svg>,
  ).container;
}

describe('CategoryTick', () => {
  it('shows a cut name and keeps the full name as its title', () => {
    const tick = renderTick('Course bookings · Send the booking confirmation', 20);
    const text = tick.querySelector('text');
    expect(text?.querySelector('title')?.textContent).toBe('Course bookings · Send the booking confirmation');
    expect(text?.lastChild?.textContent).toBe('Course bookings ·…');
    expect(text?.getAttribute('text-anchor')).toBe('end');
  });

  it('shows a name that fits as it is', () => {
    const text = renderTick('Review', 20).querySelector('text');
    expect(text?.lastChild?.textContent).toBe('Review');
  });
});
