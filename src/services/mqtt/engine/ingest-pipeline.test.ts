import { encode as encodeCbor } from 'cborg';
import sparkplug from 'sparkplug-payload';
import tahu from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { describe, expect, it, vi } from 'vitest';
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import type { DecoderEntry, FormatDecoder } from '../../../core/decoders/index.ts';
import { IngestPipeline, MAX_HELD_MESSAGES } from './ingest-pipeline.ts';
import type { IngestedMessage } from './ingested-message.ts';
import type { Sink } from './sink.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const CBOR = { contentType: 'application/cbor' };

/** A sink that remembers what reached it, in order, without decoding anything. */
class Recording implements Sink {
  readonly messages: IngestedMessage[] = [];
  ingest(message: IngestedMessage) {
    this.messages.push(message);
  }
  ingestPublished(message: IngestedMessage) {
    this.messages.push(message);
  }
  dueAt() {
    return null;
  }
  flush() {}
  get topics() {
    return this.messages.map((m) => m.topic);
  }
}

/** A CBOR decoder entry whose code "arrives" when the test says so. */
function slowCbor() {
  const real: Promise<FormatDecoder> = import('../../../core/decoders/cbor-decoder.ts').then(
    (module) => module.cborDecoder,
  );
  let arrive: () => void = () => undefined;
  let fail: (error: Error) => void = () => undefined;
  const entry: DecoderEntry = {
    id: 'cbor',
    label: 'CBOR',
    contentTypes: ['application/cbor'],
    load: () =>
      new Promise<FormatDecoder>((resolve, reject) => {
        arrive = () => void real.then(resolve);
        fail = reject;
      }),
  };
  return { entry, arrive: () => arrive(), fail: (error: Error) => fail(error) };
}

function pipelineWith(entries: DecoderEntry[]) {
  const sink = new Recording();
  const onIngest = vi.fn();
  const decoders = createDecoderRegistry({ entries });
  const pipeline = new IngestPipeline('c1', [sink], decoders, onIngest);
  return { sink, onIngest, pipeline };
}

describe('IngestPipeline while a decoder is fetched', () => {
  it('holds a message its decoder is not loaded for, and every later one, then passes them on in order', async () => {
    const cbor = slowCbor();
    const { sink, onIngest, pipeline } = pipelineWith([cbor.entry]);
    pipeline.ingest('a/text', utf8('21.5'), 0, false, 1);
    pipeline.ingest('a/cbor', encodeCbor({ t: 1 }), 0, false, 2, false, CBOR);
    pipeline.ingest('a/text', utf8('22.0'), 0, false, 3);
    pipeline.ingestPublished('a/cmd', utf8('on'), 1, false, 4);
    pipeline.ingest('a/cbor', encodeCbor({ t: 2 }), 0, false, 5, false, CBOR);

    expect(sink.topics).toEqual(['a/text']);
    expect(pipeline.heldCount).toBe(4);
    expect(onIngest).toHaveBeenCalledTimes(1);

    cbor.arrive();
    await vi.waitFor(() => expect(pipeline.heldCount).toBe(0));
    expect(sink.messages.map((m) => [m.topic, m.time])).toEqual([
      ['a/text', 1],
      ['a/cbor', 2],
      ['a/text', 3],
      ['a/cmd', 4],
      ['a/cbor', 5],
    ]);
    expect(sink.messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(sink.messages[1]?.decoded()).toMatchObject({ format: 'cbor', value: { t: 1 } });
    expect(sink.messages[3]?.published).toBe(true);
    expect(onIngest).toHaveBeenCalledTimes(5);
    // Once the decoder is there, nothing waits.
    pipeline.ingest('a/cbor', encodeCbor({ t: 3 }), 0, false, 6, false, CBOR);
    expect(sink.messages).toHaveLength(6);
  });

  it('never holds messages no lazy decoder applies to', () => {
    const { sink, pipeline } = pipelineWith([slowCbor().entry]);
    for (let i = 0; i < 100; i++) pipeline.ingest(`t/${i}`, utf8(String(i)), 0, false, i);
    expect(sink.messages).toHaveLength(100);
    expect(pipeline.heldCount).toBe(0);
  });

  it('lets the oldest go on, noted as undecoded, when more than it may hold are waiting', async () => {
    const cbor = slowCbor();
    const { sink, pipeline } = pipelineWith([cbor.entry]);
    pipeline.ingest('a/cbor', encodeCbor(1), 0, false, 0, false, CBOR);
    for (let i = 1; i <= MAX_HELD_MESSAGES; i++) pipeline.ingest('a/text', utf8('x'), 0, false, i);
    expect(sink.topics).toEqual(['a/cbor']);
    expect(sink.messages[0]?.decoded().note).toBe(
      'Not decoded as CBOR: its decoder was still loading.',
    );
    expect(pipeline.heldCount).toBe(MAX_HELD_MESSAGES);
    cbor.arrive();
    await vi.waitFor(() => expect(pipeline.heldCount).toBe(0));
    expect(sink.messages).toHaveLength(MAX_HELD_MESSAGES + 1);
    expect(sink.messages.every((m, i) => m.time === i)).toBe(true);
  });

  it('passes held messages on with a note when the decoder cannot be fetched', async () => {
    const cbor = slowCbor();
    const { sink, pipeline } = pipelineWith([cbor.entry]);
    pipeline.ingest('a/cbor', new Uint8Array([0xa1, 0x61, 0x74, 0x01]), 0, false, 1, false, CBOR);
    pipeline.ingest('a/text', utf8('ok'), 0, false, 2);
    cbor.fail(new Error('Failed to fetch dynamically imported module'));
    await vi.waitFor(() => expect(sink.messages).toHaveLength(2));
    expect(sink.messages[0]?.decoded()).toMatchObject({
      format: 'binary',
      note: expect.stringContaining('could not be loaded (Failed to fetch'),
    });
    expect(sink.messages[1]?.decoded().format).toBe('text');
  });
});

describe('IngestPipeline and Sparkplug B', () => {
  const codec = sparkplug.get('spBv1.0');
  if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');

  it('decodes a BIRTH as it arrives, so later DATA by alias is named even if no view read the BIRTH', async () => {
    const sink = new Recording();
    const pipeline = new IngestPipeline('c1', [sink], createDecoderRegistry(), () => undefined);
    const birth = codec.encodePayload({
      seq: 0,
      metrics: [{ name: 'Temperature', type: 'Float', value: 20, alias: 7 }],
    });
    const data = tahu.org.eclipse.tahu.protobuf.Payload.encode({
      seq: 1,
      metrics: [{ alias: 7, floatValue: 21.5 }],
    }).finish();
    pipeline.ingest('spBv1.0/plant/NBIRTH/edge1', birth, 0, false, 1);
    pipeline.ingest('spBv1.0/plant/NDATA/edge1', data, 0, false, 2);
    await vi.waitFor(() => expect(sink.messages).toHaveLength(2));
    expect(sink.messages[1]?.decoded().value).toMatchObject({
      metrics: { Temperature: { value: 21.5, datatype: 'Float', alias: 7 } },
    });
  });
});
