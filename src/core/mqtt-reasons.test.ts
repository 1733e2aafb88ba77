import { describe, expect, it } from 'vitest';
import { describeConnackCode, describePublishReason, describeSubackCode } from './mqtt-reasons.ts';

describe('describeConnackCode', () => {
  it('reads 3.1.1 return code 4 as a bad login', () => {
    expect(describeConnackCode(4, 4)).toBe(
      'The broker refused the connection: bad user name or password (code 4).',
    );
  });

  it('reads MQTT 5 reason code 135 as not authorised', () => {
    expect(describeConnackCode(135, 5)).toContain('not authorised (code 135)');
  });

  it('does not confuse the two code tables', () => {
    // 4 in MQTT 5 is not a CONNACK refusal code at all.
    expect(describeConnackCode(4, 5)).toContain('unknown reason (code 4)');
  });
});

describe('describeSubackCode', () => {
  it('explains the 3.1.1 failure code 0x80', () => {
    expect(describeSubackCode(0x80)).toMatch(/refused the subscription/);
  });

  it('names MQTT 5 reasons such as shared subscriptions not supported', () => {
    expect(describeSubackCode(158)).toContain('shared subscriptions not supported');
  });
});

describe('describePublishReason', () => {
  it('names quota exceeded', () => {
    expect(describePublishReason(151)).toContain('quota exceeded');
  });
});
