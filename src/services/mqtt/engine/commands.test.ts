import { encode as encodeCbor } from 'cborg';
import { describe, expect, it, vi } from 'vitest';
import { emptyConnectionBatch } from '../protocol.ts';
import type { ConnectionEvent } from '../protocol.ts';
import type { ConnectFn } from '../sources/mqtt-source.ts';
import { runConnectionCommand } from './commands.ts';
import { createConnection } from './connection.ts';

const PROTO = 'syntax = "proto3"; package demo; message Reading { double value = 1; }';

function connection() {
  const connectFn = vi.fn() as unknown as ConnectFn;
  return createConnection('c1', connectFn, { pageProtocol: 'http:', fetch: null }, () => undefined);
}

const decoderEvents = (events: ConnectionEvent[]) =>
  events.filter((event) => event.type === 'decoders').map((event) => event.status);

describe('decoder commands', () => {
  it('set-decoder-rules applies the rules and reports the ones that cannot work', () => {
    const c = connection();
    runConnectionCommand(c, {
      type: 'set-decoder-rules',
      connectionId: 'c1',
      rules: [
        { filter: 'demo/cbor/#', decoder: 'cbor' },
        { filter: 'bad/#/x', decoder: 'cbor' },
      ],
    });
    expect(decoderEvents(c.events)).toEqual([
      { schemas: [], ruleProblems: [{ index: 1, filter: 'bad/#/x', reason: expect.any(String) }] },
    ]);
  });

  it('register-proto-schema reports compiling, then the message types', async () => {
    const c = connection();
    runConnectionCommand(c, {
      type: 'register-proto-schema',
      connectionId: 'c1',
      schemaId: 'demo',
      text: PROTO,
    });
    await vi.waitFor(() => expect(decoderEvents(c.events)).toHaveLength(2));
    expect(decoderEvents(c.events).map((status) => status.schemas)).toEqual([
      [{ schemaId: 'demo', state: { state: 'compiling' } }],
      [{ schemaId: 'demo', state: { state: 'ready', messageTypes: ['demo.Reading'] } }],
    ]);
  });

  it('register-proto-schema says in the log and the status why a .proto does not parse', async () => {
    const c = connection();
    runConnectionCommand(c, {
      type: 'register-proto-schema',
      connectionId: 'c1',
      schemaId: 'broken',
      text: 'message {',
    });
    await vi.waitFor(() => expect(decoderEvents(c.events)).toHaveLength(2));
    expect(decoderEvents(c.events)[1]?.schemas[0]?.state).toMatchObject({ state: 'failed' });
    const log = c.events.find((event) => event.type === 'log');
    expect(log).toMatchObject({
      entry: {
        level: 'warn',
        text: expect.stringMatching(
          /^The .proto schema 'broken' could not be read: it does not parse/,
        ),
      },
    });
  });

  it('gives a message detail its decoded value, by the rules of its connection', async () => {
    const c = connection();
    runConnectionCommand(c, {
      type: 'set-decoder-rules',
      connectionId: 'c1',
      rules: [{ filter: 'demo/cbor/#', decoder: 'cbor' }],
    });
    c.pipeline.ingest('demo/cbor/meter', encodeCbor({ kWh: 12.5 }), 0, false, 1);
    await vi.waitFor(() => expect(c.sinks.recorder.store.size).toBe(1));
    runConnectionCommand(c, {
      type: 'message-detail',
      connectionId: 'c1',
      id: c.sinks.recorder.store.newestId,
    });
    const batch = emptyConnectionBatch('c1');
    c.sinks.recorder.flush(batch, Date.now());
    expect(batch.rows[0]).toMatchObject({ format: 'cbor', preview: '{"kWh":12.5}' });
    expect(batch.detail?.detail?.decoded).toMatchObject({ format: 'cbor', value: { kWh: 12.5 } });
  });
});

describe('rate commands', () => {
  it('watch-rate reads the messages the connection receives on the filter, once a second', () => {
    const c = connection();
    const start = Date.now();
    runConnectionCommand(c, {
      type: 'watch-rate',
      connectionId: 'c1',
      watchId: 'r',
      filter: 'm/+',
    });
    const one = new Uint8Array([49]);
    for (let k = 0; k < 6; k += 1) c.pipeline.ingest(`m/${k % 2}`, one, 0, false, start + k);
    c.pipeline.ingest('other', one, 0, false, start);
    for (const sink of c.sinks.all) sink.tick?.(start + 2_000);
    const batch = emptyConnectionBatch('c1');
    c.sinks.rates.flush(batch);
    expect(batch.rates[0]?.history[0]).toBeCloseTo(3, 0);
    runConnectionCommand(c, { type: 'unwatch-rate', connectionId: 'c1', watchId: 'r' });
    for (const sink of c.sinks.all) sink.tick?.(start + 4_000);
    expect(c.sinks.rates.dueAt(start + 4_000)).toBeNull();
  });
});
