import { describe, expect, it } from 'vitest';
import { chartChoices, closeCutJson, MAX_CHART_FIELDS } from './chartable.ts';

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

  it('offers nothing for text or a JSON payload without numbers', () => {
    expect(chartChoices('online')).toBeNull();
    expect(chartChoices('{"state":"on"}')).toBeNull();
    expect(chartChoices('{"t":21')).toBeNull();
    expect(chartChoices('')).toBeNull();
  });

  it('offers the fields complete in the head of a payload the tree cut off, never the one cut', () => {
    expect(chartChoices('{"t":21.4,"readings":[1,2')).toEqual({ fields: ['t', 'readings[0]'] });
    expect(chartChoices('{"a":{"b":1,"c":"x,y"},"d":{"e":5,"f":6')).toEqual({
      fields: ['a.b', 'd.e'],
    });
    expect(chartChoices('{"note":"a, b","t":2')).toBeNull();
  });

  it('stops at a dozen fields', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}`, i]));
    expect(chartChoices(JSON.stringify(many))).toEqual({
      fields: Array.from({ length: MAX_CHART_FIELDS }, (_, i) => `f${i}`),
    });
  });
});

describe('closeCutJson', () => {
  it('closes a cut-off head after its last complete value', () => {
    expect(closeCutJson('{"t":21.4,"rh":4')).toBe('{"t":21.4}');
    expect(closeCutJson('[{"v":1},{"v":2')).toBe('[{"v":1}]');
    expect(closeCutJson('{"s":"he said \\"a,b\\"","t":1,"u":')).toBe(
      '{"s":"he said \\"a,b\\"","t":1}',
    );
    expect(closeCutJson('{"t":21')).toBe('');
  });
});
