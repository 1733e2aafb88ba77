import { describe, expect, it } from 'vitest';
import {
  EMPTY_PROPERTIES,
  buildPublishProperties,
  hasProperties,
  readPropertiesDraft,
} from './publish-properties.ts';
import type { PropertiesDraft } from './publish-properties.ts';

const draft = (changes: Partial<PropertiesDraft>): PropertiesDraft => ({
  ...EMPTY_PROPERTIES,
  ...changes,
});
const text = (s: string) => new TextEncoder().encode(s);

describe('MQTT 5 publish properties', () => {
  it('sends nothing when nothing is set', () => {
    expect(buildPublishProperties(EMPTY_PROPERTIES, text('x'), 10)).toEqual({
      ok: true,
      properties: {},
      length: 0,
    });
    expect(hasProperties(EMPTY_PROPERTIES)).toBe(false);
  });

  it('builds every property with its encoded length (§3.3.2.3)', () => {
    const built = buildPublishProperties(
      draft({
        contentType: 'application/json',
        payloadFormat: 'utf8',
        messageExpiry: '60',
        topicAlias: '3',
        responseTopic: 'replies/me',
        correlationData: '0a ff',
        correlationMode: 'hex',
        userProperties: [
          { key: 'site', value: 'north' },
          { key: 'site', value: 'south' },
          { key: '', value: '' },
        ],
      }),
      text('{"a":1}'),
      10,
    );
    expect(built).toEqual({
      ok: true,
      properties: {
        contentType: 'application/json',
        payloadFormatIndicator: true,
        messageExpiryInterval: 60,
        topicAlias: 3,
        responseTopic: 'replies/me',
        correlationData: new Uint8Array([0x0a, 0xff]),
        userProperties: { site: ['north', 'south'] },
      },
      // 3+16, 2, 5, 3, 3+10, 3+2, (5+4+5) * 2
      length: 19 + 2 + 5 + 3 + 13 + 5 + 28,
    });
    expect(hasProperties(draft({ messageExpiry: '5' }))).toBe(true);
  });

  it('refuses what the broker or the specification would refuse, naming the field', () => {
    const refuse = (changes: Partial<PropertiesDraft>, max = 10, payload = text('x')) => {
      const built = buildPublishProperties(draft(changes), payload, max);
      return built.ok ? null : [built.field, built.reason];
    };
    expect(refuse({ messageExpiry: '-1' })?.[0]).toBe('messageExpiry');
    expect(refuse({ messageExpiry: '4294967296' })?.[0]).toBe('messageExpiry');
    expect(refuse({ topicAlias: '0' })?.[0]).toBe('topicAlias');
    expect(refuse({ topicAlias: '11' })?.[1]).toContain('from 1 to 10');
    expect(refuse({ topicAlias: '1' }, 0)?.[1]).toContain('no Topic Alias Maximum');
    expect(refuse({ responseTopic: 'replies/#' })?.[0]).toBe('responseTopic');
    expect(refuse({ correlationData: 'abc', correlationMode: 'hex' })?.[0]).toBe('correlationData');
    expect(refuse({ userProperties: [{ key: '', value: 'v' }] })?.[0]).toBe('userProperties');
    expect(refuse({ payloadFormat: 'utf8' }, 10, new Uint8Array([0xff]))?.[0]).toBe(
      'payloadFormat',
    );
    expect(refuse({ payloadFormat: 'bytes' }, 10, new Uint8Array([0xff]))).toBeNull();
  });

  it('keeps a user property named __proto__ as a name like any other', () => {
    const built = buildPublishProperties(
      draft({ userProperties: [{ key: '__proto__', value: 'x' }] }),
      text(''),
      0,
    );
    expect(built.ok && Object.keys(built.properties.userProperties ?? {})).toEqual(['__proto__']);
  });

  it('reads a saved draft field by field, dropping what is malformed', () => {
    expect(readPropertiesDraft(null)).toEqual(EMPTY_PROPERTIES);
    expect(
      readPropertiesDraft({
        contentType: 'text/plain',
        payloadFormat: 'weird',
        correlationMode: 'hex',
        userProperties: [{ key: 'a', value: 'b' }, { key: 1 }, null],
      }),
    ).toEqual(
      draft({
        contentType: 'text/plain',
        correlationMode: 'hex',
        userProperties: [{ key: 'a', value: 'b' }],
      }),
    );
  });
});
