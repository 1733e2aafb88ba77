// `npx tsx bench/ingest-micro.ts`: the cost of MQTT Scope's own per-message work in the worker
// (the ingest pipeline with its sinks: counters, recorder, topic tree, four chart series, read
// as four charts or as one chart of four series), without mqtt.js, in µs per message.
import { createDecoderRegistry } from '../src/core/decoders/index.ts';
import { IngestPipeline } from '../src/services/mqtt/engine/ingest-pipeline.ts';
import { createConnectionSinks } from '../src/services/mqtt/sinks/index.ts';
import { emptyConnectionBatch } from '../src/services/mqtt/protocol.ts';

const MESSAGES = 300_000;
const encoder = new TextEncoder();
const payloads = Array.from({ length: 1_000 }, (_, i) =>
  encoder.encode(`{"v":${(20 + Math.sin(i)).toFixed(2)},"seq":${i},"ts":1764150000000}`),
);

const READS = [
  { filter: 'bench/#', jsonPath: 'v' },
  { filter: 'bench/#', jsonPath: 'seq' },
  { filter: 'bench/+/+', jsonPath: 'ts' },
  { filter: 'bench/+/0', jsonPath: 'v' },
];

for (const [name, topicCount, oneChart] of [
  ['one', 1, false],
  ['spread', 10_000, false],
  ['one', 1, true],
  ['spread', 10_000, true],
] as const) {
  const sinks = createConnectionSinks('bench', createDecoderRegistry(), 0);
  const pipeline = new IngestPipeline('bench', sinks.all, createDecoderRegistry(), () => undefined);
  if (oneChart) {
    const [first, ...more] = READS;
    sinks.series.watch('m', first?.filter ?? '', first?.jsonPath ?? '', undefined, undefined, more);
  } else {
    for (const [i, read] of READS.entries())
      sinks.series.watch(`s${i}`, read.filter, read.jsonPath);
  }
  const topics = Array.from({ length: topicCount }, (_, i) => `bench/${name}/${i}`);
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i += 1) {
    const topic = topics[i % topicCount] ?? '';
    const payload = payloads[i % payloads.length] ?? new Uint8Array();
    pipeline.ingest(topic, payload, 0, false, i);
    // About one batch per 200 messages, as at 12,000 msg/s and 60 frames a second.
    if (i % 200 === 0) sinks.recorder.flush(emptyConnectionBatch('bench'), i);
  }
  const micros = ((performance.now() - started) * 1_000) / MESSAGES;
  console.log(
    `${name === 'one' ? 'one topic' : '10,000 topics'}, ${oneChart ? 'one chart of four series' : 'four charts'}: ${micros.toFixed(2)} µs per message`,
  );
}
