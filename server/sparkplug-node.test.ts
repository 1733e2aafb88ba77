import type { MqttClient } from 'mqtt';
import sparkplug from 'sparkplug-payload';
import { afterEach, describe, expect, it } from 'vitest';
import { sparkplugDecoder } from '../src/core/decoders/sparkplug-decoder.ts';
import type { SparkplugValue } from '../src/core/decoders/sparkplug-decoder.ts';
import { DEFAULT_DECODE_LIMITS } from '../src/core/decoders/types.ts';
import { startBroker } from './broker.ts';
import type { RunningBroker } from './broker.ts';
import { collect, connectClient } from './mqtt-test-helpers.ts';
import type { Received } from './mqtt-test-helpers.ts';
import { startSparkplugNode } from './sparkplug-node.ts';
import type { RunningSparkplugNode } from './sparkplug-node.ts';

const codec = sparkplug.get('spBv1.0');
if (!codec) throw new Error('sparkplug-payload has no spBv1.0 codec');

let broker: RunningBroker | null = null;
let node: RunningSparkplugNode | null = null;
let host: MqttClient | null = null;

afterEach(async () => {
  await node?.stop();
  await host?.endAsync(true);
  await broker?.close();
  broker = node = host = null;
});

const NODE = 'spBv1.0/plant1/NBIRTH/line1-edge';
const PUMP = 'spBv1.0/plant1/DDATA/line1-edge/pump-01';

/** A host application listening to the namespace before the node starts, as SCADA would. */
async function setUp(reconnectPeriodMs = 1000) {
  broker = await startBroker({ wsPort: 0, tcpPort: 0 });
  host = await connectClient(broker.wsUrl);
  await host.subscribeAsync('spBv1.0/#', { qos: 1 });
  const started = startSparkplugNode({
    brokerUrl: broker.tcpUrl ?? '',
    intervalMs: 100,
    reconnectPeriodMs,
  });
  return { host, started };
}

const count = (received: Received[], topic: string) =>
  received.filter((r) => r.topic === topic).length;
const decodeTahu = (message: Received | undefined) =>
  codec.decodePayload(message?.payload ?? new Uint8Array());
const bdSeqOf = (message: Received | undefined) =>
  Number(decodeTahu(message).metrics?.find((m) => m.name === 'bdSeq')?.value);

describe('startSparkplugNode', () => {
  it('is born, then publishes DDATA by alias that the page decoder names from the births', async () => {
    const { host, started } = await setUp();
    const received = collect(host, (r) => count(r, PUMP) >= 3);
    node = await started;
    const messages = await received;

    const topics = messages.map((m) => m.topic);
    expect(topics.slice(0, 3)).toEqual([
      NODE,
      'spBv1.0/plant1/DBIRTH/line1-edge/pump-01',
      'spBv1.0/plant1/DBIRTH/line1-edge/tank-01',
    ]);
    const birth = decodeTahu(messages[0]);
    expect(birth.metrics?.map((m) => m.name)).toEqual(['bdSeq', 'Node Control/Rebirth', 'Uptime']);
    expect(bdSeqOf(messages[0])).toBe(0);

    // seq counts every message of the node and its devices: 0 in NBIRTH, then one up each.
    const seqs = messages.map((m) => Number(decodeTahu(m).seq));
    expect(seqs).toEqual(seqs.map((_, i) => i % 256));

    // DATA metrics carry an alias only (Sparkplug 3.0 §6.4.8); our decoder names them.
    const ddata = messages.find((m) => m.topic === PUMP);
    expect(decodeTahu(ddata).metrics?.every((m) => m.name === undefined)).toBe(true);
    const context = { schemas: new Map(), memory: new Map() };
    for (const message of messages.slice(0, 3)) {
      sparkplugDecoder.decode(
        { topic: message.topic, payload: message.payload, live: true },
        DEFAULT_DECODE_LIMITS,
        context,
      );
    }
    const decoded = sparkplugDecoder.decode(
      { topic: PUMP, payload: ddata?.payload ?? new Uint8Array() },
      DEFAULT_DECODE_LIMITS,
      context,
    ).value as SparkplugValue;
    expect(Object.keys(decoded.metrics)).toEqual(['Flow', 'Pressure', 'Speed', 'Running']);
    expect(decoded.metrics.Flow?.datatype).toBe('Float');
  });

  it('leaves an NDEATH will when its link is cut, and is born again with the next bdSeq', async () => {
    const { host, started } = await setUp(100);
    const born = collect(host, (r) => count(r, NODE) >= 1);
    node = await started;
    await born;
    const received = collect(host, (r) => count(r, NODE) >= 1, 5000);
    const deaths = collect(host, (r) => count(r, 'spBv1.0/plant1/NDEATH/line1-edge') >= 1, 5000);
    node.dropConnection();
    const [death] = await deaths;
    expect(bdSeqOf(death)).toBe(0);
    expect(decodeTahu(death).seq).toBeFalsy(); // NDEATH has no seq
    const rebirth = (await received).find((m) => m.topic === NODE);
    expect(bdSeqOf(rebirth)).toBe(1);
    expect(Number(decodeTahu(rebirth).seq)).toBe(0);
  });

  it('publishes its NDEATH, with the bdSeq of its birth, when stopped', async () => {
    const { host, started } = await setUp();
    node = await started;
    const deaths = collect(host, (r) => count(r, 'spBv1.0/plant1/NDEATH/line1-edge') >= 1);
    await node.stop();
    const messages = await deaths;
    expect(bdSeqOf(messages.find((m) => m.topic.includes('NDEATH')))).toBe(0);
    expect(messages.filter((m) => m.topic.includes('/DDEATH/')).map((m) => m.topic)).toEqual([
      'spBv1.0/plant1/DDEATH/line1-edge/pump-01',
      'spBv1.0/plant1/DDEATH/line1-edge/tank-01',
    ]);
  });

  it('publishes its births again when a host asks with Node Control/Rebirth', async () => {
    const { host, started } = await setUp();
    const born = collect(host, (r) => count(r, NODE) >= 1);
    node = await started;
    await born;
    const births = collect(host, (r) => count(r, NODE) >= 1);
    const command = codec.encodePayload({
      timestamp: Date.now(),
      metrics: [{ name: 'Node Control/Rebirth', type: 'Boolean', value: true }],
    });
    await host.publishAsync('spBv1.0/plant1/NCMD/line1-edge', Buffer.from(command), { qos: 1 });
    const rebirth = (await births).find((m) => m.topic === NODE);
    expect(bdSeqOf(rebirth)).toBe(0); // the same session: the same bdSeq
  });
});
