import { describe, expect, it } from 'vitest';
import { EMPTY_PROPERTIES } from '../../core/publish-properties.ts';
import { preparePublish, topicProblem } from './prepare-publish.ts';
import type { PublishDraft } from './publish-store.ts';

const draft = (changes: Partial<PublishDraft> = {}): PublishDraft => ({
  properties: EMPTY_PROPERTIES,
  topic: 'plant/valve',
  payload: 'on',
  mode: 'text',
  qos: 1,
  retain: false,
  ...changes,
});
const noLimit = { maximumPacketSize: null, v5: false, topicAliasMaximum: 0 };

describe('preparing a publish', () => {
  it('refuses a topic with a wildcard or none, with the reason', () => {
    expect(topicProblem('plant/#')).toContain("'+' or '#'");
    expect(topicProblem('a/+/b')).toContain("'+' or '#'");
    expect(topicProblem('  ')).toBe('A topic cannot be empty.');
    expect(topicProblem('a'.repeat(65_536))).toContain('at most 65535');
    expect(topicProblem('plant/valve')).toBeNull();
    expect(preparePublish(draft({ topic: 'plant/#' }), null, noLimit)).toMatchObject({
      ok: false,
      field: 'topic',
    });
  });

  it('reads the payload in its mode and refuses what the mode cannot read', () => {
    expect(preparePublish(draft({ mode: 'hex', payload: '00 ff' }), null, noLimit)).toEqual({
      ok: true,
      topic: 'plant/valve',
      bytes: new Uint8Array([0, 255]),
      properties: undefined,
    });
    expect(preparePublish(draft({ mode: 'hex', payload: '0ff' }), null, noLimit)).toMatchObject({
      ok: false,
      field: 'payload',
      reason: expect.stringContaining('odd'),
    });
    expect(preparePublish(draft({ mode: 'json', payload: '{' }), null, noLimit)).toMatchObject({
      ok: false,
      field: 'payload',
    });
  });

  it("sends a file's bytes, and refuses one over the broker's maximum packet size", () => {
    const file = { name: 'fw.bin', bytes: new Uint8Array(1_000) };
    expect(preparePublish(draft({ mode: 'file' }), null, noLimit)).toMatchObject({ ok: false });
    expect(preparePublish(draft({ mode: 'file' }), file, noLimit)).toMatchObject({
      ok: true,
      bytes: file.bytes,
    });
    const small = { maximumPacketSize: 512, v5: true, topicAliasMaximum: 0 };
    expect(preparePublish(draft({ mode: 'file' }), file, small)).toMatchObject({
      ok: false,
      field: 'payload',
      reason: expect.stringContaining('Maximum Packet Size'),
    });
  });

  it('clears a retained message with an empty payload whatever the field holds', () => {
    expect(
      preparePublish(draft({ mode: 'json', payload: 'not json' }), null, noLimit, { empty: true }),
    ).toEqual({ ok: true, topic: 'plant/valve', bytes: new Uint8Array(0), properties: undefined });
  });

  it('sends MQTT 5 properties on a v5 connection only, counted in the packet size', () => {
    const withExpiry = draft({ properties: { ...EMPTY_PROPERTIES, messageExpiry: '30' } });
    const v5 = { maximumPacketSize: null, v5: true, topicAliasMaximum: 0 };
    expect(preparePublish(withExpiry, null, v5)).toMatchObject({
      ok: true,
      properties: { messageExpiryInterval: 30 },
    });
    expect(preparePublish(withExpiry, null, noLimit)).toMatchObject({
      ok: true,
      properties: undefined,
    });
    const bad = draft({ properties: { ...EMPTY_PROPERTIES, topicAlias: '2' } });
    expect(preparePublish(bad, null, v5)).toMatchObject({ ok: false, field: 'properties' });
    // Header 2, topic 2 + 11, packet id 2, property length 1, payload 2: 20 bytes; expiry adds 5.
    const tight = { maximumPacketSize: 20, v5: true, topicAliasMaximum: 0 };
    expect(preparePublish(draft(), null, tight).ok).toBe(true);
    expect(preparePublish(withExpiry, null, tight)).toMatchObject({ ok: false, field: 'payload' });
  });
});
