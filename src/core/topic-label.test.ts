import { describe, expect, it } from 'vitest';
import { wildcardLabel } from './topic-label.ts';

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
