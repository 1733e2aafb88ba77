import { describe, expect, it } from 'vitest';
import {
  describeConnackCode,
  describeDisconnectReason,
  describePublishReason,
  describeSubackCode,
  isRetryableConnackCode,
  quoteBrokerText,
  reasonCodeName,
} from './mqtt-reasons.ts';

/** MQTT 5 §2.4 Table 2-6, copied from the specification (0x00 has one name per packet). */
const SPEC_TABLE: ReadonlyArray<[number, string]> = [
  [0x00, 'Success'],
  [0x01, 'Granted QoS 1'],
  [0x02, 'Granted QoS 2'],
  [0x04, 'Disconnect with Will Message'],
  [0x10, 'No matching subscribers'],
  [0x11, 'No subscription existed'],
  [0x18, 'Continue authentication'],
  [0x19, 'Re-authenticate'],
  [0x80, 'Unspecified error'],
  [0x81, 'Malformed Packet'],
  [0x82, 'Protocol Error'],
  [0x83, 'Implementation specific error'],
  [0x84, 'Unsupported Protocol Version'],
  [0x85, 'Client Identifier not valid'],
  [0x86, 'Bad User Name or Password'],
  [0x87, 'Not authorized'],
  [0x88, 'Server unavailable'],
  [0x89, 'Server busy'],
  [0x8a, 'Banned'],
  [0x8b, 'Server shutting down'],
  [0x8c, 'Bad authentication method'],
  [0x8d, 'Keep Alive timeout'],
  [0x8e, 'Session taken over'],
  [0x8f, 'Topic Filter invalid'],
  [0x90, 'Topic Name invalid'],
  [0x91, 'Packet Identifier in use'],
  [0x92, 'Packet Identifier not found'],
  [0x93, 'Receive Maximum exceeded'],
  [0x94, 'Topic Alias invalid'],
  [0x95, 'Packet too large'],
  [0x96, 'Message rate too high'],
  [0x97, 'Quota exceeded'],
  [0x98, 'Administrative action'],
  [0x99, 'Payload format invalid'],
  [0x9a, 'Retain not supported'],
  [0x9b, 'QoS not supported'],
  [0x9c, 'Use another server'],
  [0x9d, 'Server moved'],
  [0x9e, 'Shared Subscriptions not supported'],
  [0x9f, 'Connection rate exceeded'],
  [0xa0, 'Maximum connect time'],
  [0xa1, 'Subscription Identifiers not supported'],
  [0xa2, 'Wildcard Subscriptions not supported'],
];

/** The spec's words as this module spells them: lower case, British "authorised", hyphenated. */
function asWritten(specName: string): string {
  return specName
    .toLowerCase()
    .replace('authorized', 'authorised')
    .replace('implementation specific', 'implementation-specific')
    .replace('qos', 'QoS');
}

/** Reason codes each packet may carry (MQTT 5 §3.2.2.2, §3.14.2.1, §3.9.3, §3.4.2.1, §3.7.2.1). */
const CONNACK_CODES = [
  0x80, 0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8c, 0x90, 0x95, 0x97, 0x99,
  0x9a, 0x9b, 0x9c, 0x9d, 0x9f,
];
const DISCONNECT_CODES = [
  0x00, 0x04, 0x80, 0x81, 0x82, 0x83, 0x87, 0x89, 0x8b, 0x8d, 0x8e, 0x8f, 0x90, 0x93, 0x94, 0x95,
  0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xa0, 0xa1, 0xa2,
];
const SUBACK_CODES = [0x00, 0x01, 0x02, 0x80, 0x83, 0x87, 0x8f, 0x91, 0x97, 0x9e, 0xa1, 0xa2];
const PUBLISH_CODES = [0x00, 0x10, 0x80, 0x83, 0x87, 0x90, 0x91, 0x92, 0x97, 0x99];

describe('reasonCodeName', () => {
  it.each(SPEC_TABLE)('names code %i as the specification does (%s)', (code, specName) => {
    expect(reasonCodeName(code)).toBe(asWritten(specName));
  });

  it('knows no codes the specification does not define', () => {
    expect(reasonCodeName(0x03)).toBeUndefined();
    expect(reasonCodeName(0xa3)).toBeUndefined();
  });
});

describe('no code in the specification reads as "unknown reason"', () => {
  it.each(SPEC_TABLE)('DISCONNECT %i (%s)', (code) => {
    expect(describeDisconnectReason(code)).not.toContain('unknown reason');
  });

  it.each(CONNACK_CODES)('CONNACK %i', (code) => {
    expect(describeConnackCode(code, 5)).not.toContain('unknown reason');
  });

  it.each([1, 2, 3, 4, 5])('3.1.1 CONNACK %i', (code) => {
    expect(describeConnackCode(code, 4)).not.toContain('unknown reason');
  });

  it.each(DISCONNECT_CODES)('DISCONNECT %i has its own sentence or the generic one', (code) => {
    expect(describeDisconnectReason(code)).toMatch(/\(.+, code \d+ \/ 0x[0-9A-F]{2}\)\./);
  });

  it.each(SUBACK_CODES)('SUBACK %i', (code) => {
    expect(describeSubackCode(code)).not.toContain('unknown reason');
  });

  it.each(PUBLISH_CODES)('PUBACK %i', (code) => {
    expect(describePublishReason(code)).not.toContain('unknown reason');
  });
});

describe('describeConnackCode', () => {
  it('reads 3.1.1 return code 4 as a bad login and says what to check', () => {
    expect(describeConnackCode(4, 4)).toBe(
      'The broker refused the connection: bad user name or password (code 4). Check the user name and password.',
    );
  });

  it('reads MQTT 5 reason code 135 as not authorised and points at the ACL', () => {
    const text = describeConnackCode(135, 5);
    expect(text).toContain('not authorised (code 135 / 0x87)');
    expect(text).toContain('access rules (ACL) do not let this user or client ID connect');
  });

  it('does not confuse the two code tables', () => {
    // 4 in MQTT 5 is not a CONNACK refusal code at all.
    expect(describeConnackCode(4, 5)).toContain('unknown reason (code 4 / 0x04)');
  });

  it('suggests MQTT 3.1.1 when a 3.1.1 broker answers an MQTT 5 CONNECT with return code 1', () => {
    expect(describeConnackCode(1, 5)).toBe(
      'The broker refused the connection: unacceptable protocol version (code 1). Try MQTT 3.1.1 in the connection settings.',
    );
  });

  it('suggests MQTT 3.1.1 for MQTT 5 code 0x84', () => {
    expect(describeConnackCode(0x84, 5)).toContain(
      'unsupported protocol version (code 132 / 0x84). Try MQTT 3.1.1',
    );
  });

  it('suggests MQTT 5 when a broker refuses 3.1.1', () => {
    expect(describeConnackCode(1, 4)).toContain('Try MQTT 5 in the connection settings.');
  });

  it('asks for a shorter client ID when the broker rejects it', () => {
    expect(describeConnackCode(2, 4)).toContain(
      'Use a shorter client ID of letters and digits, or generate a new one.',
    );
    expect(describeConnackCode(0x85, 5)).toContain('Use a shorter client ID');
  });

  it('says try again later when the server is busy or unavailable', () => {
    expect(describeConnackCode(3, 4)).toMatch(/server unavailable \(code 3\)\. Try again later\.$/);
    expect(describeConnackCode(0x89, 5)).toMatch(/server busy .* Try again later\.$/);
  });

  it('says a banned client should ask the administrator', () => {
    expect(describeConnackCode(0x8a, 5)).toContain(
      "banned this client (by client ID, user or address); ask the broker's administrator",
    );
  });

  it("quotes the broker's reason string before the advice", () => {
    expect(describeConnackCode(0x86, 5, { reasonString: 'Password expired' })).toBe(
      'The broker refused the connection: bad user name or password (code 134 / 0x86). The broker said: “Password expired”. Check the user name and password.',
    );
  });

  it('names the server reference for use another server and server moved', () => {
    expect(
      describeConnackCode(0x9c, 5, { serverReference: 'wss://b2.example.com/mqtt' }),
    ).toContain(
      'use another server (code 156 / 0x9C). It names “wss://b2.example.com/mqtt”: connect there instead',
    );
    expect(describeConnackCode(0x9d, 5, { serverReference: 'b3.example.com' })).toContain(
      'It names “b3.example.com” as its new address',
    );
    expect(describeConnackCode(0x9d, 5)).toContain('It did not say which server to use');
  });

  it('reads code 0 as accepted', () => {
    expect(describeConnackCode(0, 5)).toBe('The broker accepted the connection (code 0).');
  });
});

describe('isRetryableConnackCode', () => {
  it.each([
    [3, 4],
    [0x88, 5],
    [0x89, 5],
    [0x97, 5],
    [0x9f, 5],
  ] as const)('retries code %i (MQTT version %i): the broker may accept later', (code, version) => {
    expect(isRetryableConnackCode(code, version)).toBe(true);
  });

  it.each([
    [1, 4],
    [2, 4],
    [4, 4],
    [5, 4],
    [1, 5],
    [0x84, 5],
    [0x85, 5],
    [0x86, 5],
    [0x87, 5],
    [0x8a, 5],
    [0x8c, 5],
    [0x80, 5],
    [0x9c, 5],
    [0xff, 5],
  ] as const)(
    'does not retry code %i (MQTT version %i): it would fail the same way',
    (code, version) => {
      expect(isRetryableConnackCode(code, version)).toBe(false);
    },
  );
});

describe('describeDisconnectReason', () => {
  it('explains a session taken over and asks for another client ID', () => {
    expect(describeDisconnectReason(0x8e)).toBe(
      'Another client connected with the same client ID, so the broker closed this one (session taken over, code 142 / 0x8E). Use a different client ID (another tab or device may be using this one).',
    );
  });

  it('explains a keep alive timeout with the 1.5 × rule', () => {
    expect(describeDisconnectReason(0x8d)).toContain('1.5 times the keep alive interval');
  });

  it('says the server is shutting down', () => {
    expect(describeDisconnectReason(0x8b)).toMatch(
      /^The broker is shutting down \(server shutting down/,
    );
  });

  it.each([
    [0x98, 'An administrator or a broker rule disconnected this client'],
    [0x97, 'exceeded a quota'],
    [0x96, 'Publish less often.'],
    [0x95, 'Publish a smaller payload.'],
    [0x9e, 'Remove the $share/ subscription.'],
    [0xa2, 'Subscribe to exact topic names.'],
  ])('words code %i', (code, words) => {
    expect(describeDisconnectReason(code)).toContain(words);
  });

  it('names the server reference for 0x9C and 0x9D', () => {
    expect(describeDisconnectReason(0x9c, undefined, 'wss://other:8884/mqtt')).toContain(
      'for now (use another server, code 156 / 0x9C). It names “wss://other:8884/mqtt”',
    );
    expect(describeDisconnectReason(0x9d, 'moving', 'new.example.com')).toBe(
      'The broker has moved to another server (server moved, code 157 / 0x9D). The broker said: “moving”. It names “new.example.com” as its new address: change the broker URL to its ws:// or wss:// address.',
    );
  });

  it('reads 0 as a normal disconnection', () => {
    expect(describeDisconnectReason(0)).toContain('normal disconnection');
  });

  it('keeps unknown codes readable', () => {
    expect(describeDisconnectReason(0xfe)).toBe(
      'The broker closed the connection (unknown reason, code 254 / 0xFE).',
    );
  });
});

describe('quoteBrokerText', () => {
  it('quotes the text as the broker sent it, markup included', () => {
    expect(quoteBrokerText('<b>nope</b>')).toBe('“<b>nope</b>”');
  });

  it('turns control and bidi characters into spaces so they cannot reorder the sentence', () => {
    expect(quoteBrokerText('a\u0000b\nc\u202Ed')).toBe('“a b c d”');
  });

  it('cuts long text', () => {
    const quoted = quoteBrokerText('x'.repeat(500)) ?? '';
    expect(quoted.length).toBeLessThan(210);
    expect(quoted.endsWith('…”')).toBe(true);
  });

  it('returns null for nothing', () => {
    expect(quoteBrokerText('  ')).toBeNull();
    expect(quoteBrokerText(undefined)).toBeNull();
  });
});

describe('describeSubackCode', () => {
  it('explains the 3.1.1 failure code 0x80', () => {
    expect(describeSubackCode(0x80)).toMatch(/refused the subscription/);
  });

  it('names MQTT 5 reasons such as shared subscriptions not supported', () => {
    expect(describeSubackCode(158)).toContain(
      'shared subscriptions not supported (code 158 / 0x9E). Subscribe without the $share/ prefix.',
    );
  });

  it('points at the ACL when not authorised', () => {
    expect(describeSubackCode(0x87, 'no access to secret/#')).toBe(
      "The broker refused the subscription: not authorised (code 135 / 0x87). The broker said: “no access to secret/#”. The broker's access rules (ACL) do not let this user subscribe to this filter.",
    );
  });

  it('reports a granted QoS', () => {
    expect(describeSubackCode(1)).toBe('The broker granted the subscription with QoS 1.');
  });
});

describe('describePublishReason', () => {
  it('names quota exceeded', () => {
    expect(describePublishReason(151)).toContain('quota exceeded');
  });

  it('reads no matching subscribers as accepted, not as a failure', () => {
    expect(describePublishReason(0x10)).toBe(
      'The broker accepted the message, but no subscription matched it (no matching subscribers, code 16 / 0x10).',
    );
  });

  it('names a PUBCOMP packet identifier not found', () => {
    expect(describePublishReason(0x92)).toContain('packet identifier not found');
  });
});
