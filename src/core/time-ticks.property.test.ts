import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks.ts';

const HOUR = 3_600_000;
const window = fc.record({
  start: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2100, 0, 1) }),
  // From a blink to three days, the windows a chart may show.
  span: fc.oneof(
    fc.integer({ min: 0, max: 60_000 }),
    fc.integer({ min: 0, max: 24 * HOUR }),
    fc.integer({ min: 0, max: 72 * HOUR }),
  ),
  maxTicks: fc.integer({ min: 1, max: 20 }),
});

describe('time axis ticks, for any window', () => {
  it('are strictly increasing, inside the window, no more than asked for, with distinct labels', () => {
    fc.assert(
      fc.property(window, ({ start, span, maxTicks }) => {
        const ticks = timeTicks(start, start + span, maxTicks);
        expect(ticks.length).toBeGreaterThanOrEqual(1);
        expect(ticks.length).toBeLessThanOrEqual(maxTicks);
        for (let i = 0; i < ticks.length; i += 1) {
          const tick = ticks[i]!;
          expect(tick.time).toBeGreaterThanOrEqual(start);
          expect(tick.time).toBeLessThanOrEqual(start + span);
          if (i > 0) expect(tick.time).toBeGreaterThan(ticks[i - 1]!.time);
        }
        expect(new Set(ticks.map((t) => t.label)).size).toBe(ticks.length);
      }),
      { numRuns: 500 },
    );
  });

  it('show seconds only when the step is under a minute', () => {
    fc.assert(
      fc.property(window, ({ start, span, maxTicks }) => {
        const ticks = timeTicks(start, start + span, maxTicks);
        if (ticks.length < 2) return;
        const step = ticks[1]!.time - ticks[0]!.time;
        const withSeconds = ticks.every((t) => /\d\d:\d\d:\d\d$/.test(t.label));
        expect(withSeconds).toBe(step < 60_000);
      }),
      { numRuns: 300 },
    );
  });
});
