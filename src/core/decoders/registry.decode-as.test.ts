// "Show as": one payload decoded as the user asks, whatever the evidence says.
import { encode as encodeCbor } from 'cborg';
import { describe, expect, it } from 'vitest';
import { createDecoderRegistry } from './registry.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeAs', () => {
  it('reads a payload as the decoder asked for, fetching it first', async () => {
    const registry = createDecoderRegistry();
    const payload = encodeCbor({ kWh: 12.5 });
    const decoded = await registry.decodeAs(
      { topic: 'plain/topic', payload },
      { filter: '#', decoder: 'cbor' },
    );
    expect(decoded.format).toBe('cbor');
    expect(decoded.value).toEqual({ kWh: 12.5 });
    expect(decoded.note).toBeUndefined();
  });

  it('shows a JSON payload as hex when asked', async () => {
    const registry = createDecoderRegistry();
    const decoded = await registry.decodeAs(
      { topic: 't', payload: utf8('{"a":1}') },
      { filter: '#', decoder: 'binary' },
    );
    expect(decoded.format).toBe('binary');
    expect(decoded.preview).toBe('7b 22 61 22 3a 31 7d');
  });

  it('says what failed when the payload is not in the format asked for', async () => {
    const registry = createDecoderRegistry();
    const decoded = await registry.decodeAs(
      { topic: 't', payload: utf8('{"a":') },
      { filter: '#', decoder: 'sparkplug' },
    );
    expect(decoded.format).toBe('text');
    expect(decoded.preview).toBe('{"a":');
    expect(decoded.note).toMatch(/^Could not decode as Sparkplug B: /);
  });

  it('names a schema that is not loaded', async () => {
    const registry = createDecoderRegistry();
    const decoded = await registry.decodeAs(
      { topic: 't', payload: new Uint8Array([8, 1]) },
      { filter: '#', decoder: 'protobuf', schemaId: 'gone.proto', messageType: 'a.B' },
    );
    expect(decoded.note).toContain("No .proto schema named 'gone.proto' is loaded.");
  });
});
