import { describe, expect, it } from 'vitest';
import { MIN_ZOOM_MS, dragSpan, liveSpan, panSpan, timeAt, zoomSpan } from './chart-zoom.ts';

const span = { from: 10_000, to: 20_000 };

describe('chart zoom', () => {
  it('reads the time under a pixel, clamped to the plot', () => {
    expect(timeAt(50, 50, 150, span)).toBe(10_000);
    expect(timeAt(100, 50, 150, span)).toBe(15_000);
    expect(timeAt(400, 50, 150, span)).toBe(20_000);
  });

  it('zooms to the dragged pixels in either direction, and ignores a click', () => {
    expect(dragSpan(75, 125, 50, 150, span)).toEqual({ from: 12_500, to: 17_500 });
    expect(dragSpan(125, 75, 50, 150, span)).toEqual({ from: 12_500, to: 17_500 });
    expect(dragSpan(100, 102, 50, 150, span)).toBeNull();
  });

  it('zooms in and out around the middle, never below the minimum span', () => {
    expect(zoomSpan(span, 0.5)).toEqual({ from: 12_500, to: 17_500 });
    expect(zoomSpan(span, 2)).toEqual({ from: 5_000, to: 25_000 });
    const tiny = zoomSpan({ from: 0, to: 10 }, 0.5);
    expect(tiny.to - tiny.from).toBe(MIN_ZOOM_MS);
  });

  it('pans by a fraction of the span', () => {
    expect(panSpan(span, -0.5)).toEqual({ from: 5_000, to: 15_000 });
    expect(panSpan(span, 0.5)).toEqual({ from: 15_000, to: 25_000 });
  });
});

describe('liveSpan', () => {
  const window = { from: 0, to: 60_000 };

  it('shows from the oldest point while the data is shorter than the window', () => {
    expect(liveSpan(window, 50_000)).toEqual({ from: 50_000, to: 60_000 });
  });

  it('shows the whole window once the data (nearly) covers it', () => {
    expect(liveSpan(window, 0)).toEqual(window);
    expect(liveSpan(window, 1_000)).toEqual(window);
  });

  it('shows the whole window for a single point or no points', () => {
    expect(liveSpan(window, 60_000)).toEqual(window);
    expect(liveSpan(window, Infinity)).toEqual(window);
  });
});
