// The bench's message source: a child process (see publisher-process.ts), plain mqtt.js over
// TCP, QoS 0. It publishes a bounded number of messages within a time budget, then reports.
import mqtt from 'mqtt';
import tahu from 'sparkplug-payload/lib/sparkplugPayloadProto.js';
import { SPARKPLUG_METRICS } from './publisher-process.ts';
import type { PublishPlan, PublishReport } from './publisher-process.ts';

const SparkplugPayload = tahu.org.eclipse.tahu.protobuf.Payload;
/** Sparkplug B datatype 10: Double (Sparkplug 3.0 §6.4.16). */
const DOUBLE = 10;

const TICK_MS = 5;
/** Above this much unsent data in the socket, wait for it to drain before publishing more. */
const HIGH_WATER_BYTES = 1 << 20;

const plan = JSON.parse(process.argv[2] ?? '{}') as PublishPlan;
const report: PublishReport = { sent: 0, firstAt: 0, lastAt: 0, rawBytes: 0 };
// The driver went away: do not outlive it.
process.on('disconnect', () => process.exit(1));

const client = await mqtt.connectAsync(plan.brokerUrl, {
  clientId: `bench-publisher-${process.pid}`,
  reconnectPeriod: 0,
});
const socket = client.stream as NodeJS.WritableStream & {
  writableLength: number;
  setNoDelay?: (noDelay: boolean) => void;
};
socket.setNoDelay?.(true);

function publishOne(): void {
  const seq = report.sent + 1;
  const now = Date.now();
  const v = (20 + 5 * Math.sin(seq / 500)).toFixed(2);
  const topic = `${plan.prefix}/${seq % plan.topicCount}`;
  if (plan.payload === 'sparkplug') {
    const payload = SparkplugPayload.encode({
      timestamp: now,
      seq: seq % 256,
      metrics: SPARKPLUG_METRICS.map((name, i) => ({
        name,
        datatype: DOUBLE,
        doubleValue: Number(v) + i,
      })),
    }).finish();
    client.publish(topic, Buffer.from(payload.buffer, payload.byteOffset, payload.length), {
      qos: 0,
    });
    report.rawBytes += topic.length + payload.length;
  } else {
    const payload = `{"v":${v},"seq":${seq},"ts":${now}}`;
    client.publish(topic, payload, { qos: 0 });
    // Both are ASCII: characters are bytes.
    report.rawBytes += topic.length + payload.length;
  }
  if (seq === 1) report.firstAt = now;
  report.lastAt = now;
  report.sent = seq;
}

const drained = () => new Promise((resolve) => socket.once('drain', resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const start = Date.now();
const deadline = start + plan.budgetMs;
while (report.sent < plan.count && Date.now() < deadline) {
  const due = plan.rate > 0 ? Math.floor(((Date.now() - start) * plan.rate) / 1_000) : Infinity;
  const target = Math.min(plan.count, due, report.sent + 2_000);
  while (report.sent < target) publishOne();
  if (socket.writableLength > HIGH_WATER_BYTES) await drained();
  else if (plan.rate > 0) await sleep(TICK_MS);
  else await new Promise((resolve) => setImmediate(resolve));
}

// end() flushes what is still queued before closing.
await client.endAsync();
process.send?.(report, () => process.exit(0));
