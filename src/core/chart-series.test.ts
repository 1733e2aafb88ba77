import { describe, expect, it } from 'vitest';
import {
  describeLineKey,
  lineKey,
  lineLabels,
  MAX_EXTRA_SERIES,
  readChartSeries,
  splitLineKey,
  withChartSeries,
} from './chart-series.ts';
import type { ChartSeriesFields } from './chart-series.ts';

describe('line keys', () => {
  it('are the topic for the chart’s own series and round-trip for the others', () => {
    expect(lineKey('site/a/temp', 0)).toBe('site/a/temp');
    expect(splitLineKey(lineKey('site/a/temp', 0))).toEqual({ topic: 'site/a/temp', source: 0 });
    expect(splitLineKey(lineKey('site/a/temp', 3))).toEqual({ topic: 'site/a/temp', source: 3 });
  });

  it('read a key that is not one of theirs as a plain topic', () => {
    expect(splitLineKey('a/#x')).toEqual({ topic: 'a/#x', source: 0 });
    expect(splitLineKey('a#0')).toEqual({ topic: 'a#0', source: 0 });
  });
});

describe('readChartSeries', () => {
  const series = { filter: 'plant/+/env', jsonPath: 'humidity', name: 'Humidity' };

  it('reads a name and extra series, and leaves out what is not set', () => {
    expect(readChartSeries({ seriesName: 'Temperature', extraSeries: [series] })).toEqual({
      seriesName: 'Temperature',
      extraSeries: [series],
    });
    expect(readChartSeries({ seriesName: '', extraSeries: [] })).toEqual({});
    expect(readChartSeries({})).toEqual({});
  });

  it('says which series is wrong and why', () => {
    expect(readChartSeries({ extraSeries: [series, { ...series, filter: 'a/#/b' }] })).toMatch(
      /^series 3: '#' must be the last level/,
    );
    expect(readChartSeries({ extraSeries: [{ ...series, jsonPath: 'a[' }] })).toMatch(
      /^series 2: .*'\['/,
    );
    expect(readChartSeries({ extraSeries: [{ ...series, name: 'x'.repeat(41) }] })).toMatch(
      /at most 40 characters/,
    );
    expect(readChartSeries({ extraSeries: 'plant/#' })).toBe('"extraSeries" must be a list');
    expect(
      readChartSeries({ extraSeries: Array.from({ length: MAX_EXTRA_SERIES + 1 }, () => series) }),
    ).toBe(`a chart has at most ${MAX_EXTRA_SERIES} more series`);
    expect(readChartSeries({ seriesName: 7 })).toMatch(/"seriesName" must be text/);
  });

  it('keeps only the fields it knows, and withChartSeries drops empty ones', () => {
    const read = readChartSeries({ extraSeries: [{ ...series, extra: '<b>' }] });
    expect(read).toEqual({ extraSeries: [series] });
    const chart: { id: string } & ChartSeriesFields = {
      id: 'c',
      seriesName: 'old',
      extraSeries: [series],
    };
    expect(withChartSeries(chart, { seriesName: '', extraSeries: [] })).toEqual({ id: 'c' });
    const bare: { id: string } & ChartSeriesFields = { id: 'c' };
    expect(withChartSeries(bare, { seriesName: 'T', extraSeries: [series] })).toEqual({
      id: 'c',
      seriesName: 'T',
      extraSeries: [series],
    });
  });
});

describe('lineLabels', () => {
  const chart = {
    filter: 'site/+/temperature',
    jsonPath: '',
    extraSeries: [{ filter: 'plant/+/env', jsonPath: 'humidity', name: 'Humidity' }],
  };

  it('names lines by topic, and by the series name where one is given', () => {
    expect(
      lineLabels(chart, [
        { topic: 'site/a/temperature' },
        { topic: 'site/b/temperature' },
        { topic: 'plant/p1/env', source: 1 },
        { topic: 'plant/p2/env', source: 1 },
      ]),
    ).toEqual(['a', 'b', 'Humidity · p1', 'Humidity · p2']);
    expect(
      lineLabels({ ...chart, seriesName: 'Temperature' }, [
        { topic: 'site/a/temperature' },
        { topic: 'plant/p1/env', source: 1 },
      ]),
    ).toEqual(['Temperature', 'Humidity']);
  });

  it('tells apart one topic read at two fields', () => {
    const env = {
      filter: 'plant/p1/env',
      jsonPath: 'temperature',
      extraSeries: [{ filter: 'plant/p1/env', jsonPath: 'humidity', name: '' }],
    };
    expect(
      lineLabels(env, [{ topic: 'plant/p1/env' }, { topic: 'plant/p1/env', source: 1 }]),
    ).toEqual(['env · temperature', 'env · humidity']);
  });
});

describe('describeLineKey', () => {
  it('adds which series only when the chart has several', () => {
    const single = { filter: 'a/+', jsonPath: 'v' };
    expect(describeLineKey(single, 'a/1')).toBe('a/1');
    const mixed = {
      ...single,
      extraSeries: [
        { filter: 'b', jsonPath: 'rh', name: 'Humidity' },
        { filter: 'c', jsonPath: '', name: '' },
      ],
    };
    expect(describeLineKey(mixed, 'a/1')).toBe('a/1 (v)');
    expect(describeLineKey(mixed, lineKey('b', 1))).toBe('b (Humidity)');
    expect(describeLineKey(mixed, lineKey('c', 2))).toBe('c (series 3)');
  });
});
