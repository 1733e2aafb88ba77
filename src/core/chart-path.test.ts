import { describe, expect, it } from 'vitest';
import { areaPath, envelopePaths, linePath } from './chart-path.ts';

const x = (t: number) => t * 10;
const y = (v: number) => 100 - v;

describe('chart paths', () => {
  it('draws a line through every point in order, with short coordinates', () => {
    expect(linePath([0, 1, 2], [10, 20.123, 15], x, y)).toBe('M0,90L10,79.9L20,85');
  });

  it('holds each value until the next time in a step line', () => {
    const d = linePath([0, 1, 2], [10, 20, 15], x, y, 'step');
    expect(d).toBe('M0,90H10V80H20V85');
    // Only horizontal and vertical moves after the start.
    expect(d.slice(d.indexOf('H'))).toMatch(/^([HV][\d.-]+)+$/);
  });

  it('leaves out what is not a finite number instead of drawing a spike', () => {
    expect(linePath([0, 1, 2, 3], [10, NaN, Infinity, 12], x, y)).toBe('M0,90L30,88');
    expect(linePath([], [], x, y)).toBe('');
    expect(linePath([0], [NaN], x, y)).toBe('');
  });

  it('closes an area down to the baseline and back to the first point', () => {
    expect(areaPath([1, 2], [10, 20], x, y, 100)).toBe('M10,90L20,80V100H10Z');
    expect(areaPath([], [], x, y, 100)).toBe('');
  });

  it('stays linear in the points: a day at two points per pixel column is one string', () => {
    const n = 2_400;
    const times = Float64Array.from({ length: n }, (_, i) => i);
    const values = Float64Array.from({ length: n }, (_, i) => Math.sin(i));
    const d = linePath(
      times,
      values,
      (t) => t / 2,
      (v) => 50 + v * 40,
    );
    expect(d.match(/[ML]/g)).toHaveLength(n);
  });
});

describe('dense chart lines as envelopes', () => {
  const identity = (v: number) => v;

  it('fills each pixel column from its lowest to its highest point, widened by half a line', () => {
    // Two points in column 0 (y 10 and 14), one in column 1 (y 12).
    const { fill, connectors } = envelopePaths(
      [0.2, 0.7, 1.5],
      [10, 14, 12],
      identity,
      identity,
      1,
    );
    // Column 1 reaches back to where the line was (14): top min(14,12)-1, bottom 14+1.
    expect(fill).toBe('M0.5,9L1.5,11L1.5,15L0.5,15Z');
    expect(connectors).toBe('');
  });

  it('keeps a steep jump a solid bar in the column where it happens', () => {
    const { fill } = envelopePaths([0.5, 1.5, 2.5], [10, 50, 50], identity, identity, 1);
    // Column 1 spans 10..50 (from the jump), so the fill covers every y between.
    expect(fill).toContain('L1.5,9');
    expect(fill).toContain('L1.5,51');
  });

  it('bridges empty columns with a line and starts a new band after them', () => {
    const { fill, connectors } = envelopePaths([0.5, 10.5], [10, 20], identity, identity, 1);
    expect(connectors).toBe('M0.5,10L10.5,20');
    // Two lone columns, a pixel wide each.
    expect(fill.match(/Z/g)).toHaveLength(2);
  });

  it('leaves out what is not a finite number, and is empty without points', () => {
    expect(envelopePaths([0.5, 1.5], [NaN, Infinity], identity, identity, 1)).toEqual({
      fill: '',
      connectors: '',
    });
  });
});
