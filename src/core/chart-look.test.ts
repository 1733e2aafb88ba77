import { describe, expect, it } from 'vitest';
import {
  bandEndsError,
  bandInDomain,
  chartLookOf,
  isChartBand,
  isChartThreshold,
  lookValues,
  parseLookNumber,
  readChartLook,
  roomForOpenBands,
  withChartLook,
} from './chart-look.ts';

const red = '#dc2626';
const green = '#22c55e';

describe('reading a saved chart look', () => {
  it('reads absent fields as a line chart with no thresholds or bands', () => {
    expect(readChartLook({})).toEqual({ style: 'line', thresholds: [], bands: [] });
  });

  it('turns the single threshold of an older chart into its only threshold line', () => {
    expect(readChartLook({ threshold: { value: 25, color: red } })).toEqual({
      style: 'line',
      thresholds: [{ value: 25, color: red }],
      bands: [],
    });
    // A chart that has both keeps the list.
    expect(
      readChartLook({ threshold: { value: 1, color: red }, thresholds: [] })?.thresholds,
    ).toEqual([]);
  });

  it('refuses a damaged look: unknown style, bad threshold, bad band, too many', () => {
    expect(readChartLook({ style: 'bar' })).toBeNull();
    expect(readChartLook({ threshold: { value: 'x', color: 'red' } })).toBeNull();
    expect(readChartLook({ thresholds: { value: 1, color: red } })).toBeNull();
    expect(readChartLook({ thresholds: [{ value: null, color: red }] })).toBeNull();
    expect(readChartLook({ bands: [{ from: 30, to: 20, color: red }] })).toBeNull();
    const six = Array.from({ length: 6 }, (_, i) => ({ value: i, color: red }));
    expect(readChartLook({ thresholds: six })).toBeNull();
  });

  it('keeps a full look as saved', () => {
    const look = {
      style: 'step',
      thresholds: [
        { value: 25, color: red, label: 'alarm' },
        { value: 10, color: green },
      ],
      bands: [
        { from: 18, to: 24, color: green, label: 'normal' },
        { from: 30, color: red },
      ],
    };
    expect(readChartLook(look)).toEqual(look);
  });
});

describe('a threshold line', () => {
  it('is a finite value, a #rrggbb colour and an optional short label', () => {
    expect(isChartThreshold({ value: -3.5, color: '#A0b0C0' })).toBe(true);
    expect(isChartThreshold({ value: 1, color: red, label: 'max' })).toBe(true);
    expect(isChartThreshold({ value: Infinity, color: red })).toBe(false);
    expect(isChartThreshold({ value: NaN, color: red })).toBe(false);
    expect(isChartThreshold({ value: 1, color: 'red' })).toBe(false);
    expect(isChartThreshold({ value: 1, color: red, label: 'x'.repeat(25) })).toBe(false);
    expect(isChartThreshold(null)).toBe(false);
  });
});

describe('a band', () => {
  it('has from below to, or one open end, and a colour', () => {
    expect(isChartBand({ from: 18, to: 24, color: green })).toBe(true);
    expect(isChartBand({ from: 30, color: red })).toBe(true);
    expect(isChartBand({ to: 0, color: red })).toBe(true);
    expect(isChartBand({ color: red })).toBe(false);
    expect(isChartBand({ from: 24, to: 24, color: red })).toBe(false);
    expect(isChartBand({ from: 25, to: 24, color: red })).toBe(false);
    expect(isChartBand({ from: 1, to: Infinity, color: red })).toBe(false);
    expect(isChartBand({ from: '1', to: 2, color: red })).toBe(false);
    expect(isChartBand({ from: 1, to: 2, color: 'green' })).toBe(false);
  });

  it('is clamped to the value axis, open ends reaching its edges', () => {
    const domain = { min: 0, max: 40 };
    expect(bandInDomain({ from: 18, to: 24, color: green }, domain)).toEqual({ min: 18, max: 24 });
    expect(bandInDomain({ from: 30, color: red }, domain)).toEqual({ min: 30, max: 40 });
    expect(bandInDomain({ to: 5, color: red }, domain)).toEqual({ min: 0, max: 5 });
    expect(bandInDomain({ from: -10, to: 100, color: red }, domain)).toEqual(domain);
    expect(bandInDomain({ from: 50, color: red }, domain)).toBeNull();
  });

  it('with an open end at the edge of the values still shows, the axis gaining room', () => {
    const above = { from: 30, color: red };
    const below = { to: 10, color: green };
    expect(roomForOpenBands({ min: 10, max: 30 }, [above])).toEqual({ min: 10, max: 32 });
    expect(roomForOpenBands({ min: 10, max: 30 }, [below])).toEqual({ min: 8, max: 30 });
    expect(roomForOpenBands({ min: 10, max: 40 }, [above, below])).toEqual({ min: 7, max: 40 });
    // Room is needed only where the band would have none.
    expect(roomForOpenBands({ min: 0, max: 40 }, [above])).toEqual({ min: 0, max: 40 });
    expect(roomForOpenBands({ min: 5, max: 5 }, [{ from: 5, color: red }])).toEqual({
      min: 5,
      max: 5.5,
    });
  });

  it('explains ends that cannot be drawn', () => {
    expect(bandEndsError(undefined, undefined)).toMatch(/Give From, To or both/);
    expect(bandEndsError(30, 20)).toBe('Must be more than From (30).');
    expect(bandEndsError(20, 20)).toBe('Must be more than From (20).');
    expect(bandEndsError(18, 24)).toBeNull();
    expect(bandEndsError(30, undefined)).toBeNull();
  });
});

describe('the values a look keeps in view', () => {
  it('are the thresholds and the closed band ends', () => {
    const values = lookValues({
      thresholds: [{ value: 25, color: red }],
      bands: [
        { from: 18, to: 24, color: green },
        { from: 30, color: red },
      ],
    });
    expect(Array.from(values)).toEqual([25, 18, 24, 30]);
  });
});

describe('changing a look', () => {
  it('saves only what differs from the default and drops a legacy threshold', () => {
    const spec = { id: 'c', threshold: { value: 1, color: red }, style: 'area' as const };
    expect(withChartLook(spec, { style: 'line' })).toEqual({ id: 'c' });
    expect(withChartLook(spec, { thresholds: [{ value: 2, color: red }] })).toEqual({
      id: 'c',
      style: 'area',
      thresholds: [{ value: 2, color: red }],
    });
    expect(withChartLook({ id: 'c', bands: [{ from: 1, color: red }] }, { bands: [] })).toEqual({
      id: 'c',
    });
  });

  it('reads defaults for what a spec leaves out, keeping its own arrays', () => {
    const thresholds = [{ value: 2, color: red }];
    const look = chartLookOf({ thresholds });
    expect(look.style).toBe('line');
    expect(look.thresholds).toBe(thresholds);
    expect(look.bands).toEqual([]);
    expect(chartLookOf({}).bands).toBe(chartLookOf({}).bands);
  });
});

describe('a number typed in the look editor', () => {
  it('is refused when it is not a finite number, with a message', () => {
    expect(parseLookNumber('25', false)).toEqual({ ok: true, value: 25 });
    expect(parseLookNumber(' -3.5 ', false)).toEqual({ ok: true, value: -3.5 });
    expect(parseLookNumber('lots', false)).toEqual({
      ok: false,
      error: 'Not a number: write e.g. 25 or -3.5.',
    });
    expect(parseLookNumber('NaN', false)).toMatchObject({ ok: false, error: /Not a number/ });
    expect(parseLookNumber('Infinity', false)).toEqual({ ok: false, error: 'Must be finite.' });
    expect(parseLookNumber('-Infinity', true)).toMatchObject({ ok: false, error: /open end/ });
    expect(parseLookNumber('1e400', false)).toMatchObject({ ok: false });
    expect(parseLookNumber('1e16', false)).toMatchObject({ ok: false, error: /between/ });
  });

  it('is an open end when empty, where one is allowed', () => {
    expect(parseLookNumber('', true)).toEqual({ ok: true, value: undefined });
    expect(parseLookNumber('  ', false)).toEqual({ ok: false, error: 'Give a value.' });
  });
});
