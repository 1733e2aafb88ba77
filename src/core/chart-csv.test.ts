import { describe, expect, it } from 'vitest';
import { plottedCsv } from './chart-csv.ts';

describe('plottedCsv', () => {
  it('lists every plotted point as time, topic and value, in time order', () => {
    const csv = plottedCsv([
      { topic: 'site/a', times: [1_000, 3_000], values: [1.5, -2] },
      { topic: 'site/b', times: [2_000], values: [40] },
    ]);
    expect(csv).toBe(
      'time,topic,value\r\n' +
        '1970-01-01T00:00:01.000Z,site/a,1.5\r\n' +
        '1970-01-01T00:00:02.000Z,site/b,40\r\n' +
        '1970-01-01T00:00:03.000Z,site/a,-2\r\n',
    );
  });

  it('quotes topics with commas and keeps a formula-like topic as text', () => {
    const csv = plottedCsv([
      { topic: 'a,"b"', times: [0], values: [1] },
      { topic: '=cmd', times: [0], values: [2] },
    ]);
    expect(csv).toContain('"a,""b""",1');
    expect(csv).toContain(`'=cmd,2`);
  });

  it('says which series drew each point when the chart has several', () => {
    const csv = plottedCsv([
      { topic: 'plant/p1/env', series: 'temperature', times: [1_000], values: [19] },
      { topic: 'plant/p1/env', series: 'Humidity, %', times: [1_000], values: [48] },
    ]);
    expect(csv).toBe(
      'time,topic,value,series\r\n' +
        '1970-01-01T00:00:01.000Z,plant/p1/env,19,temperature\r\n' +
        '1970-01-01T00:00:01.000Z,plant/p1/env,48,"Humidity, %"\r\n',
    );
  });

  it('is only the header when nothing is plotted', () => {
    expect(plottedCsv([])).toBe('time,topic,value\r\n');
  });
});
