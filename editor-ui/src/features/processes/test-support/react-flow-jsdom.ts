import { vi } from 'vitest';

/**
 * jsdom has no layout: React Flow needs ResizeObserver, DOMMatrixReadOnly, element sizes and SVG getBBox to
 * measure and show its nodes (as in xyflow's "Testing" guide). Call in beforeEach: the globals are
 * stubbed, so vi.unstubAllGlobals() removes them again.
 */
export function stubReactFlowBrowserApis(): void {
  vi.stubGlobal(
    'ResizeObserver',
    class {
      constructor(private readonly callback: ResizeObserverCallback) {}
      observe(target: Element) {
        this.callback([{ target } as ResizeObserverEntry], this as unknown as ResizeObserver);
      }
      unobserve() {}
      disconnect() {}
    },
  );
  vi.stubGlobal(
    'DOMMatrixReadOnly',
    class {
      readonly m22: number;
      constructor(transform?: string) {
        const scale = transform?.match(/scale\(([\d.]+)\)/)?.[1];
        this.m22 = scale === undefined ? 1 : Number(scale);
      }
    },
  );
  Object.defineProperties(HTMLElement.prototype, {
    offsetHeight: { configurable: true, get(this: HTMLElement) { return parseFloat(this.style.height) || 100; } },
    offsetWidth: { configurable: true, get(this: HTMLElement) { return parseFloat(this.style.width) || 200; } },
  });
  // Edge labels measure their text.
  Object.defineProperty(SVGElement.prototype, 'getBBox', { configurable: true, value: () => ({ x: 0, y: 0, width: 80, height: 14 }) });
}
