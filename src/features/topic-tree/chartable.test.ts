import { describe, expect, it } from 'vitest';
import { chartChoices, MAX_CHART_FIELDS } from './chartable.ts';

describe('chartChoices', () => {
  it('charts the payload itself when it is a number or a switch word', () => {
    expect(chartChoices('21.43')).toEqual({ payload: true });
    expect(chartChoices('ON')).toEqual({ payload: true });
  });

  it('offers the number fields of a JSON payload as paths the chart form reads', () => {
    expect(
      chartChoices('{"t":21.4,"unit":"C","ok":true,"readings":[{"value":3}],"my key":1}'),
    ).toEqual({ fields: ['t', 'readings[0].value', '["my key"]'] });
  });

  it('offers nothing for text, a JSON payload without numbers, or a cut-off payload', () => {
    expect(chartChoices('online')).toBeNull();
    expect(chartChoices('{"state":"on"}')).toBeNull();
    expect(chartChoices('{"t":21.4,"readings":[1,2')).toBeNull();
    expect(chartChoices('')).toBeNull();
  });

  it('stops at a dozen fields', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, i]));
    expect(chartChoices(JSON.stringify(many))).toEqual({
      fields: Array.from({ length: MAX_CHART_FIELDS }, (_, i) => `f${i}`),
    });
  });
});
