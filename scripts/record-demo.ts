// Records the simulator's traffic into the shipped demo recording, which the Recordings panel
// opens with "Demo recording" and replays to any broker (a demo with no devices and no
// simulator):   npx tsx scripts/record-demo.ts [out.jsonl] [seconds]
// Needs a production build (npm run build), as the server serves it.
import { writeFileSync } from 'node:fs';
import mqtt from 'mqtt';
import { DEMO_SPARKPLUG_NODE } from '../src/app/demo-layout.ts';
import { exportHeader, exportLine } from '../src/core/recorder/export-format.ts';
import { rebirthPayload, rebirthTopic } from '../src/core/sparkplug-rebirth.ts';
import { startScope } from '../server/scope-server.ts';

const out = process.argv[2] ?? 'public/demo-recording.jsonl';
const seconds = Number(process.argv[3] ?? 60);

const scope = await startScope({ port: 0, wsPort: 0, tcpPort: 0, seed: 3 });
const lines: string[] = [];
try {
  if (!scope.brokerTcpUrl) throw new Error('the embedded broker has no TCP listener');
  const client = await mqtt.connectAsync(scope.brokerTcpUrl, { clientId: 'record-demo' });
  const startedAt = Date.now();
  client.on('message', (topic, payload, packet) => {
    // Our own Rebirth request is not the plant's traffic.
    if (topic.includes('/NCMD/')) return;
    lines.push(
      exportLine('jsonl', {
        time: Date.now(),
        connection: 'Demo broker',
        topic,
        qos: packet.qos,
        retain: packet.retain,
        dup: false,
        published: false,
        size: payload.length,
        cut: false,
        payload: new Uint8Array(payload),
        properties: null,
      }),
    );
  });
  await client.subscribeAsync(['demo/#', 'spBv1.0/#'], { qos: 1 });
  // The node's births went out before this subscription: ask again, so the recording names
  // the metrics its data sends by alias.
  const { group, edgeNode } = DEMO_SPARKPLUG_NODE;
  await client.publishAsync(rebirthTopic(group, edgeNode), Buffer.from(rebirthPayload(Date.now())));
  await new Promise((resolve) => setTimeout(resolve, seconds * 1_000));
  await client.endAsync();
  writeFileSync(out, exportHeader('jsonl', startedAt) + lines.join(''));
  console.log(`wrote ${lines.length} messages over ${seconds} s to ${out}`);
} finally {
  await scope.close();
}
