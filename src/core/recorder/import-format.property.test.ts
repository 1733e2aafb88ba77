import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  anyText,
  codeUnits,
  hostileObjects,
  parsedJson,
  recordOf,
  textOf,
  truncated,
} from '../test-arbitraries.ts';
import { exportHeader, exportLine, RECORDING_KIND } from './export-format.ts';
import type { ExportMessage } from './export-format.ts';
import { parseRecording } from './import-format.ts';
import type { MessageProperties } from './message-properties.ts';

const LINE_KEYS = [
  'time',
  'ts',
  'connection',
  'topic',
  'qos',
  'retain',
  'dup',
  'direction',
  'payload',
  'payloadBase64',
  'size',
  'cut',
  'properties',
];
const PROPERTY_KEYS: string[] = [
  'payloadFormatIndicator',
  'messageExpiryInterval',
  'contentType',
  'responseTopic',
  'correlationData',
  'userProperties',
  'subscriptionIdentifier',
  'topicAlias',
];
const VALUES = [RECORDING_KIND, 'sent', 'received', 0, 1, 2, 'QUJD', 'a/b'];

const header = recordOf(['kind', 'version', 'exportedAt'], { values: [...VALUES, 1, 2] }).map(
  (fields) => ({ kind: RECORDING_KIND, ...fields }),
);
/** Any value a field could hold: JSON of any shape, extremes, objects that break String(). */
const anyField = fc.oneof(
  parsedJson({ values: VALUES }),
  hostileObjects(),
  fc.array(fc.oneof(hostileObjects(), fc.string({ maxLength: 3 })), { maxLength: 3 }),
  fc.double(),
  fc.constantFrom(1e300, -1e300, 8.64e15 + 1, Number.MAX_SAFE_INTEGER),
  // User properties as mqtt.js gives them ({ key: value | value[] }), with odd values inside.
  fc
    .array(fc.tuple(fc.constantFrom('k', '__proto__', 'toString'), anyTextOrHostile()), {
      maxLength: 3,
    })
    .map((entries) => Object.fromEntries(entries)),
);

function anyTextOrHostile() {
  return fc.oneof(
    fc.string({ maxLength: 3 }),
    hostileObjects(),
    fc.array(fc.oneof(fc.string({ maxLength: 3 }), hostileObjects(), fc.integer()), {
      maxLength: 3,
    }),
  );
}

/** A good line with one or two fields (its properties' too) replaced by anything. */
const nearlyGood = fc
  .array(fc.tuple(fc.constantFrom(...LINE_KEYS, ...PROPERTY_KEYS), anyField), {
    minLength: 1,
    maxLength: 2,
  })
  .map((damage) => {
    const good: Record<string, unknown> = {
      ts: 1_700_000_000_000,
      topic: 'a/b',
      qos: 1,
      payload: 'x',
    };
    const properties: Record<string, unknown> = {
      contentType: 'text/plain',
      userProperties: { k: 'v' },
    };
    for (const [key, value] of damage) {
      Object.defineProperty(PROPERTY_KEYS.includes(key) ? properties : good, key, {
        value,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    if (!Object.hasOwn(good, 'properties')) good.properties = properties;
    return good;
  });
const line = fc.oneof(
  { weight: 4, arbitrary: nearlyGood },
  recordOf(LINE_KEYS, { keys: PROPERTY_KEYS, values: VALUES }),
  parsedJson({ keys: [...LINE_KEYS, ...PROPERTY_KEYS], values: VALUES }),
);
const goodHeader = { kind: RECORDING_KIND, version: 1, exportedAt: '2026-01-01T00:00:00.000Z' };
const jsonLines = fc
  .tuple(
    fc.oneof({ weight: 4, arbitrary: fc.constant(goodHeader) }, header, parsedJson()),
    fc.array(line, { maxLength: 6 }),
  )
  .map(([first, rest]) => [first, ...rest].map((v) => JSON.stringify(v) ?? '').join('\n'));

const message: fc.Arbitrary<ExportMessage> = fc
  .record({
    time: fc.integer({ min: 0, max: 4_102_444_800_000 }),
    topic: anyText(20).filter((t) => t !== ''),
    qos: fc.constantFrom(0 as const, 1 as const, 2 as const),
    retain: fc.boolean(),
    dup: fc.boolean(),
    published: fc.boolean(),
    payload: fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      anyText(40).map((t) => new TextEncoder().encode(t)),
    ),
    connection: anyText(10),
    properties: fc.option(
      fc.record(
        {
          contentType: anyText(10),
          messageExpiryInterval: fc.nat(),
          userProperties: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), {
            noNullPrototype: true,
          }),
        },
        { requiredKeys: [] },
      ) as fc.Arbitrary<MessageProperties>,
    ),
  })
  .map((m) => ({ ...m, size: m.payload.length, cut: false }));

const exported = (messages: readonly ExportMessage[]) =>
  exportHeader('jsonl', 0) + messages.map((m) => exportLine('jsonl', m)).join('');

describe('reading a recording, for any text', () => {
  it('never throws on any text, and refuses what is not ours in words', () => {
    const text = fc.oneof(
      codeUnits(200),
      textOf([
        '{',
        '}',
        '"kind"',
        ':',
        RECORDING_KIND,
        '"',
        ',',
        '\n',
        '"version"',
        '1',
        'time,connection,topic',
      ]),
      jsonLines,
    );
    fc.assert(
      fc.property(text, (input) => {
        const result = parseRecording(input);
        if (!result.ok) expect(result.reason.length).toBeGreaterThan(20);
      }),
    );
  });

  it('keeps only well-formed messages from lines of any shape, and counts the others', () => {
    fc.assert(
      fc.property(jsonLines, (input) => {
        const result = parseRecording(input);
        if (!result.ok) return;
        const { messages, skipped, skippedLines } = result.recording;
        const lines = input
          .split('\n')
          .slice(1)
          .filter((l) => l.trim() !== '');
        expect(messages.length + skipped).toBe(lines.length);
        expect(skippedLines.length).toBe(Math.min(skipped, 10));
        for (const m of messages) {
          expect(Number.isFinite(m.time)).toBe(true);
          expect(typeof m.topic === 'string' && m.topic !== '').toBe(true);
          expect([0, 1, 2]).toContain(m.qos);
          expect(m.payload).toBeInstanceOf(Uint8Array);
        }
      }),
    );
  });

  it('what it accepts can be exported and read again, the same', () => {
    fc.assert(
      fc.property(jsonLines, (input) => {
        const first = parseRecording(input);
        if (!first.ok) return;
        const again = exported(
          first.recording.messages.map((m) => ({
            ...m,
            dup: m.dup ?? false,
            published: m.published ?? false,
            properties: m.properties ?? null,
            size: m.payload.length,
            cut: false,
            connection: '',
          })),
        );
        const second = parseRecording(again);
        expect(second.ok).toBe(true);
        if (second.ok) expect(second.recording.messages).toEqual(first.recording.messages);
      }),
    );
  });

  it('reads back every message it exported, in time order', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), (messages) => {
        const result = parseRecording(exported(messages));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        const sorted = [...messages].sort((a, b) => a.time - b.time);
        expect(result.recording.skipped).toBe(0);
        expect(result.recording.messages.map((m) => [m.time, m.topic, m.qos, m.payload])).toEqual(
          sorted.map((m) => [m.time, m.topic, m.qos, m.payload]),
        );
      }),
      { numRuns: 50 },
    );
  });

  it('keeps what came before the cut of a file cut short', () => {
    const cut = fc
      .array(message, { minLength: 1, maxLength: 6 })
      .chain((messages) => truncated(exported(messages)).map((text) => ({ messages, text })));
    fc.assert(
      fc.property(cut, ({ messages, text }) => {
        const result = parseRecording(text);
        if (!result.ok) return; // cut inside the header line: refused in words
        // At most the last line is damaged, and nothing is invented.
        expect(result.recording.skipped).toBeLessThanOrEqual(1);
        expect(result.recording.messages.length).toBeLessThanOrEqual(messages.length);
      }),
      { numRuns: 50 },
    );
  });
});
