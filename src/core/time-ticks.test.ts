import { describe, expect, it } from 'vitest';
import { timeTicks } from './time-ticks.ts';

const at = (h: number, m = 0, s = 0, ms = 0, day = 2) =>
  new Date(2026, 11, day, h, m, s, ms).getTime();
const labels = (min: number, max: number, count = 6) =>
  timeTicks(min, max, count).map((t) => t.label);

describe('time axis ticks', () => {
  it('labels a 10-second window to the second, on round seconds', () => {
    expect(labels(at(3, 26, 11, 400), at(3, 26, 21, 400))).toEqual([
      '03:26:12',
      '03:26:14',
      '03:26:16',
      '03:26:18',
      '03:26:20',
    ]);
  });

  it('never repeats a label on a window of a few seconds', () => {
    // Evenly spaced ticks used to read 03:26:12 twice here.
    const shown = labels(at(3, 26, 11, 100), at(3, 26, 14, 900), 4);
    expect(new Set(shown).size).toBe(shown.length);
    expect(shown).toEqual(['03:26:12', '03:26:13', '03:26:14']);
  });

  it('labels an hour window in minutes on round quarter hours', () => {
    expect(labels(at(9, 37), at(10, 37), 5)).toEqual(['09:45', '10:00', '10:15', '10:30']);
  });

  it('labels a 6-hour window on whole hours', () => {
    expect(labels(at(8, 10), at(14, 10), 4)).toEqual(['10:00', '12:00', '14:00']);
  });

  it('puts the date on the first tick and on the first after midnight', () => {
    expect(labels(at(21, 5), at(3, 5, 0, 0, 3), 4)).toEqual([
      '2 Dec 22:00',
      '3 Dec 00:00',
      '02:00',
    ]);
  });

  it('dates every tick of a window of a day or more, so the clock times stay distinct', () => {
    const shown = labels(at(12), at(12, 0, 0, 0, 3), 5);
    expect(shown).toEqual([
      '2 Dec 12:00',
      '2 Dec 18:00',
      '3 Dec 00:00',
      '3 Dec 06:00',
      '3 Dec 12:00',
    ]);
  });

  it('gives one tick for a window shorter than a second, and none for nonsense', () => {
    expect(labels(at(1, 2, 3, 100), at(1, 2, 3, 400))).toEqual(['01:02:03']);
    expect(timeTicks(NaN, 5, 4)).toEqual([]);
    expect(timeTicks(10, 5, 4)).toEqual([]);
    expect(timeTicks(0, Infinity, 4)).toEqual([]);
  });

  it('fits the number of ticks asked for', () => {
    expect(timeTicks(at(0), at(23, 59), 3).length).toBeLessThanOrEqual(3);
    expect(timeTicks(at(0), at(0, 0, 0, 0, 30), 4).length).toBeLessThanOrEqual(4);
  });
});
