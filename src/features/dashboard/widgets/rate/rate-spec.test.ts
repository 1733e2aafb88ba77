import { describe, expect, it } from 'vitest';
import { readWidget } from '../../dashboard-model.ts';
import { SpecProblem } from '../spec-reader.ts';
import { RATE_DEFAULTS, rateNote, readRate } from './rate-spec.ts';

const saved = (fields: Record<string, unknown>) => ({
  id: 'r1',
  title: 'Fleet traffic',
  connectionId: 'c1',
  filter: 'fleet/#',
  jsonPath: '',
  width: 1,
  height: 1,
  ...RATE_DEFAULTS,
  ...fields,
});

describe('rate widget spec', () => {
  it('reads a saved rate widget back as it was', () => {
    expect(readWidget(saved({ decimals: 0, historySeconds: 60 }))).toEqual(
      saved({ decimals: 0, historySeconds: 60 }),
    );
  });

  it.each([
    [{ decimals: 4 }, '"decimals" must be a whole number from 0 to 3'],
    [{ decimals: 1.5 }, '"decimals" must be a whole number from 0 to 3'],
    [{ historySeconds: 181 }, '"historySeconds" must be a whole number from 10 to 180'],
    [{ historySeconds: 5 }, '"historySeconds" must be a whole number from 10 to 180'],
    [{ historySeconds: '60' }, '"historySeconds" must be a finite number'],
    [{ historySeconds: undefined }, '"historySeconds" must be a finite number'],
  ])('refuses %o: %s', (fields, reason) => {
    expect(() => readRate({ ...RATE_DEFAULTS, ...fields })).toThrow(new SpecProblem(reason));
  });

  it('says how long the filter has been quiet once the rate is zero', () => {
    expect(rateNote(12, 1_000, 2_000)).toEqual({ text: 'over the last 5 s', quiet: false });
    expect(rateNote(0, null, 2_000)).toEqual({ text: 'No messages yet', quiet: true });
    expect(rateNote(0, 1_000, 9_400).text).toBe('No messages for 8 s');
    expect(rateNote(0, 0, 600_000).text).toBe('No messages for 10 min');
    expect(rateNote(0, 0, 3 * 3_600_000).text).toBe('No messages for 3 h');
  });
});
