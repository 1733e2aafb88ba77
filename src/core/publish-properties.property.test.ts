import fc from 'fast-check';
import mqttPacket from 'mqtt-packet';
import { describe, expect, it } from 'vitest';
import { buildPublishProperties, readPropertiesDraft } from './publish-properties.ts';
import type { PropertiesDraft } from './publish-properties.ts';
import { publishPacketSize, utf8Length } from './publish-payload.ts';
import { parsedJson } from './test-arbitraries.ts';

const word = fc.string({ unit: fc.constantFrom('a', 'é', '✓', '/', ' ', 'Z'), maxLength: 12 });
const draftArb: fc.Arbitrary<PropertiesDraft> = fc.record({
  contentType: word,
  payloadFormat: fc.constantFrom('' as const, 'bytes' as const, 'utf8' as const),
  messageExpiry: fc.oneof(fc.constant(''), fc.nat().map(String)),
  topicAlias: fc.oneof(fc.constant(''), fc.integer({ min: 1, max: 10 }).map(String)),
  responseTopic: word.filter((w) => w !== ''),
  correlationData: word,
  correlationMode: fc.constant('text' as const),
  awaitReply: fc.boolean(),
  userProperties: fc.array(fc.record({ key: word.filter((w) => w !== ''), value: word }), {
    maxLength: 3,
  }),
});

describe('publish properties, for any draft', () => {
  it('the packet size counted is the size mqtt-packet writes', () => {
    fc.assert(
      fc.property(
        draftArb,
        word,
        fc.constantFrom(0 as const, 1 as const, 2 as const),
        (draft, text, qos) => {
          const payload = new TextEncoder().encode(text);
          const built = buildPublishProperties(draft, payload, 10);
          expect(built.ok).toBe(true);
          if (!built.ok) return;
          const { correlationData, ...rest } = built.properties;
          const packet = mqttPacket.generate(
            {
              cmd: 'publish',
              topic: 'a/b',
              payload: Buffer.from(payload),
              qos,
              messageId: qos > 0 ? 1 : undefined,
              dup: false,
              retain: false,
              properties: {
                ...rest,
                ...(correlationData ? { correlationData: Buffer.from(correlationData) } : {}),
              },
            } as mqttPacket.IPublishPacket,
            { protocolVersion: 5 },
          );
          expect(
            publishPacketSize(utf8Length('a/b'), payload.length, qos, {
              v5: true,
              length: built.length,
            }),
          ).toBe(packet.length);
        },
      ),
    );
  });

  it('reading any saved value never throws and gives strings', () => {
    fc.assert(
      fc.property(
        parsedJson({ keys: ['contentType', 'userProperties', 'key', 'value'] }),
        (saved) => {
          const draft = readPropertiesDraft(saved);
          expect(typeof draft.contentType).toBe('string');
          for (const row of draft.userProperties) expect(typeof row.key).toBe('string');
        },
      ),
    );
  });
});
