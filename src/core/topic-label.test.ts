import { describe, expect, it } from 'vitest';
import { distinctLabels, wildcardLabel } from './topic-label.ts';

describe('wildcardLabel', () => {
  it('names a topic by the levels its + wildcards matched', () => {
    expect(wildcardLabel('demo/+/+/telemetry', 'demo/lab/t-01/telemetry')).toBe('lab/t-01');
  });

  it('names a topic by everything a # matched', () => {
    expect(wildcardLabel('plant/#', 'plant/line-2/press/temp')).toBe('line-2/press/temp');
  });

  it('uses the last level when the filter has no wildcard', () => {
    expect(wildcardLabel('home/kitchen/temperature', 'home/kitchen/temperature')).toBe(
      'temperature',
    );
  });

  it('ignores the $share prefix of a shared subscription', () => {
    expect(wildcardLabel('$share/g/sensors/+', 'sensors/a')).toBe('a');
  });
});

describe('distinctLabels', () => {
  const filter = 'demo/+/+/temperature';

  it('keeps only the last matched level when that tells the topics apart', () => {
    expect(
      distinctLabels(filter, [
        'demo/greenhouse/gh-01/temperature',
        'demo/office/of-01/temperature',
      ]),
    ).toEqual(['gh-01', 'of-01']);
  });

  it('keeps more levels when the last one repeats', () => {
    expect(
      distinctLabels(filter, [
        'demo/greenhouse/dev-1/temperature',
        'demo/office/dev-1/temperature',
      ]),
    ).toEqual(['greenhouse/dev-1', 'office/dev-1']);
  });

  it('names a single topic by its last matched level', () => {
    expect(distinctLabels(filter, ['demo/lab/t-9/temperature'])).toEqual(['t-9']);
  });
});
