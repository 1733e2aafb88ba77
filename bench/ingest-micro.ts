// `npx tsx bench/ingest-micro.ts`: the cost of MQTT Scope's own per-message work in the worker
// (counters, history, topic tree, four chart series), without mqtt.js, in µs per message.
import { MessageCollector } from '../src/services/mqtt/message-collector.ts';
import { SeriesRegistry } from '../src/services/mqtt/series-registry.ts';

const MESSAGES = 300_000;
const encoder = new TextEncoder();
const payloads = Array.from({ length: 1_000 }, (_, i) =>
  encoder.encode(`{"v":${(20 + Math.sin(i)).toFixed(2)},"seq":${i},"ts":1764150000000}`),
);

for (const [name, topicCount] of [
  ['one', 1],
  ['spread', 10_000],
] as const) {
  const collector = new MessageCollector(0);
  const series = new SeriesRegistry();
  series.watch('a', 'bench/#', 'v');
  series.watch('b', 'bench/#', 'seq');
  series.watch('c', 'bench/+/+', 'ts');
  series.watch('d', 'bench/+/0', 'v');
  const topics = Array.from({ length: topicCount }, (_, i) => `bench/${name}/${i}`);
  const started = performance.now();
  for (let i = 0; i < MESSAGES; i += 1) {
    const topic = topics[i % topicCount] ?? '';
    const payload = payloads[i % payloads.length] ?? new Uint8Array();
    collector.ingest(topic, payload, 0, false, i);
    series.ingest(topic, payload, i);
    // About one batch per 200 messages, as at 12,000 msg/s and 60 frames a second.
    if (i % 200 === 0) collector.takeRows();
  }
  const micros = ((performance.now() - started) * 1_000) / MESSAGES;
  console.log(
    `${name === 'one' ? 'one topic' : '10,000 topics'}: ${micros.toFixed(2)} µs per message`,
  );
}
