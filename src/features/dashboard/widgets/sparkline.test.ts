import { describe, expect, it } from 'vitest';
import { sparklinePoints } from './sparkline.tsx';

describe('sparklinePoints', () => {
  it('spans the box: oldest at the left, newest at the right, low at the bottom', () => {
    expect(sparklinePoints({ xs: [0, 5, 10], ys: [10, 30, 20], from: 0, to: 10 })).toEqual([
      '0,23',
      '50,1',
      '100,12',
    ]);
  });

  it('draws a steady value as a flat line in the middle', () => {
    expect(sparklinePoints({ xs: [1, 2], ys: [7, 7], from: 1, to: 2 })).toEqual(['0,12', '100,12']);
  });

  it('keeps its floor in view, so a steady rate is not drawn as nothing', () => {
    expect(sparklinePoints({ xs: [0, 1], ys: [4, 4], from: 0, to: 1, floor: 0 })).toEqual([
      '0,1',
      '100,1',
    ]);
  });

  it('leaves out gaps and values that are not numbers, and draws nothing from nothing', () => {
    const ys = new Float64Array([1, NaN, Infinity, 3]);
    expect(sparklinePoints({ xs: [0, 1, 2, 3], ys, from: 0, to: 3 })).toEqual(['0,23', '100,1']);
    expect(sparklinePoints({ xs: [], ys: [], from: 0, to: 1 })).toEqual([]);
    expect(sparklinePoints({ xs: [0], ys: [1], from: 5, to: 5 })).toEqual([]);
  });
});
