import sparkplug from 'sparkplug-payload';
import { describe, expect, it } from 'vitest';
import { rebirthPayload, rebirthTopic } from './sparkplug-rebirth.ts';

const codec = sparkplug.get('spBv1.0');

describe('rebirth request', () => {
  it('is the NCMD the reference library reads as Node Control/Rebirth = true', () => {
    const time = 1_764_694_123_456;
    const decoded = codec?.decodePayload(rebirthPayload(time));
    expect(Number(decoded?.timestamp)).toBe(time);
    expect(decoded?.metrics).toHaveLength(1);
    expect(decoded?.metrics?.[0]).toMatchObject({
      name: 'Node Control/Rebirth',
      type: 'Boolean',
      value: true,
    });
  });

  it('goes to the node command topic', () => {
    expect(rebirthTopic('plant1', 'line1-edge')).toBe('spBv1.0/plant1/NCMD/line1-edge');
  });
});
