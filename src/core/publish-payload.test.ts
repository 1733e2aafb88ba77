import { describe, expect, it } from 'vitest';
import {
  checkPacketSize,
  encodePayload,
  findJsonError,
  formatJson,
  hexToBytes,
  publishPacketSize,
  utf8Length,
} from './publish-payload.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('hex payloads', () => {
  it('reads digits with or without spaces and line breaks, in either case', () => {
    expect(hexToBytes('01 ff A0')).toEqual({ ok: true, bytes: bytes(1, 255, 160) });
    expect(hexToBytes('01ffa0')).toEqual({ ok: true, bytes: bytes(1, 255, 160) });
    expect(hexToBytes('01\nff\r\n\ta0 ')).toEqual({ ok: true, bytes: bytes(1, 255, 160) });
    expect(hexToBytes('')).toEqual({ ok: true, bytes: bytes() });
  });

  it('refuses an odd number of digits, saying how many', () => {
    expect(hexToBytes('01 f')).toEqual({
      ok: false,
      reason: 'Not hex: 3 digits is an odd number; each byte needs two digits.',
    });
  });

  it('refuses a character that is not a hex digit, naming it and its position', () => {
    const result = hexToBytes('01 zz');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('"z" at position 4');
  });
});

describe('JSON payloads', () => {
  it('accepts any JSON value', () => {
    for (const text of ['{}', '[]', ' 1 ', '"a"', 'null', '{"a":[1,2.5e-3,true]}', '-0']) {
      expect(findJsonError(text)).toBeNull();
    }
  });

  it('says the line and column of the first error and what was expected there', () => {
    expect(findJsonError('{\n  "a": 1,\n  "b" 2\n}')).toEqual({
      offset: 18,
      line: 3,
      column: 7,
      reason: `Not JSON: at line 3, column 7 found "2"; expected ':' after the property name.`,
    });
    expect(findJsonError('{"a":1')?.reason).toBe(
      "Not JSON: at line 1, column 7 the text ends; expected ',' or '}'.",
    );
    expect(findJsonError("{'a':1}")?.reason).toContain('expected a property name in double quotes');
    expect(findJsonError('[1,]')?.column).toBe(4);
    expect(findJsonError('')?.reason).toContain('the text ends');
    expect(findJsonError('01')?.reason).toContain('column 2');
    expect(findJsonError('{} {}')?.reason).toContain('the end of the text');
  });

  it('formats valid JSON with two spaces and refuses to format invalid JSON', () => {
    expect(formatJson('{"a":[1,2]}')).toEqual({
      ok: true,
      text: '{\n  "a": [\n    1,\n    2\n  ]\n}',
    });
    expect(formatJson('{"a":}').ok).toBe(false);
  });

  it('refuses nesting deep enough to overflow a stack', () => {
    expect(findJsonError('['.repeat(100_000))?.reason).toContain('levels of nesting');
  });
});

describe('encoding the payload field', () => {
  it('sends text and JSON as UTF-8', () => {
    expect(encodePayload('text', 'héllo')).toEqual({
      ok: true,
      bytes: new TextEncoder().encode('héllo'),
    });
    expect(encodePayload('json', '{"t":"✓"}')).toEqual({
      ok: true,
      bytes: new TextEncoder().encode('{"t":"✓"}'),
    });
  });

  it('refuses what the chosen mode cannot read', () => {
    expect(encodePayload('json', '{oops}').ok).toBe(false);
    expect(encodePayload('hex', 'abc').ok).toBe(false);
    expect(encodePayload('base64', 'a*b=').ok).toBe(false);
    expect(encodePayload('base64', 'AQID')).toEqual({ ok: true, bytes: bytes(1, 2, 3) });
  });
});

describe('packet size', () => {
  it('counts header, topic, packet id, properties and payload (§3.3)', () => {
    // 1 fixed header + 1 length + (2 + 3 topic) + 5 payload = 12
    expect(publishPacketSize(3, 5, 0, { v5: false, length: 0 })).toBe(12);
    // + 2 packet id + 1 property length
    expect(publishPacketSize(3, 5, 1, { v5: true, length: 0 })).toBe(15);
    // a remaining length of 200 takes two bytes
    expect(publishPacketSize(0, 198, 0, { v5: false, length: 0 })).toBe(203);
  });

  it("refuses a packet over the broker's maximum, naming both sizes", () => {
    expect(checkPacketSize(2_048, 1_024)).toEqual({
      ok: false,
      reason:
        'The message is 2.0 KB as a packet; the broker accepts at most 1.0 KB (the Maximum Packet Size in its CONNACK).',
    });
    expect(checkPacketSize(1_024, 1_024)).toEqual({ ok: true });
    expect(checkPacketSize(300_000_000, null).ok).toBe(false);
    expect(checkPacketSize(3_000_000, null)).toEqual({ ok: true });
  });

  it('counts UTF-8 bytes as TextEncoder does', () => {
    for (const text of ['', 'abc', 'é', '✓', '😀', '\ud800x']) {
      expect(utf8Length(text)).toBe(new TextEncoder().encode(text).length);
    }
  });
});
