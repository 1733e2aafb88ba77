import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRedrawPacer } from './redraw-pacer.ts';

describe('the redraw pacer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function pacerAt(intervalMs: number) {
    const pacer = createRedrawPacer(intervalMs, () => Date.now());
    const redraws: number[] = [];
    pacer.subscribe(() => redraws.push(Date.now()));
    return { pacer, redraws };
  }

  it('redraws at once after a quiet spell', () => {
    const { pacer, redraws } = pacerAt(50);
    const start = Date.now();
    pacer.request();
    expect(redraws).toEqual([start]);
    expect(pacer.tick()).toBe(1);
  });

  it('folds a burst of changes into one redraw per interval, and never loses the last', () => {
    const { pacer, redraws } = pacerAt(50);
    const start = Date.now();
    // A change every frame for 200 ms.
    for (let t = 0; t < 200; t += 16) {
      pacer.request();
      vi.advanceTimersByTime(16);
    }
    vi.advanceTimersByTime(100);
    expect(redraws.map((at) => at - start)).toEqual([0, 50, 100, 150, 200]);
  });

  it('every view on the clock redraws in the same turn', () => {
    const pacer = createRedrawPacer(50, () => Date.now());
    const seen: string[] = [];
    pacer.subscribe(() => seen.push(`rows ${pacer.tick()}`));
    pacer.subscribe(() => seen.push(`counter ${pacer.tick()}`));
    pacer.request();
    pacer.request();
    vi.advanceTimersByTime(50);
    expect(seen).toEqual(['rows 1', 'counter 1', 'rows 2', 'counter 2']);
  });
});
