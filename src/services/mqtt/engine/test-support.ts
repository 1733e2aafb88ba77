// Shared by the engine's and the sinks' tests: messages made the way the pipeline makes them.
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { IngestedMessage } from './ingested-message.ts';
import type { QoS } from '../protocol.ts';

const decoders = createDecoderRegistry();
let seq = 0;

export const bytes = (text: string) => new TextEncoder().encode(text);

export function message(
  topic: string,
  payload: Uint8Array | string,
  time = 0,
  {
    qos = 0,
    retain = false,
    published = false,
  }: { qos?: QoS; retain?: boolean; published?: boolean } = {},
): IngestedMessage {
  seq += 1;
  const body = typeof payload === 'string' ? bytes(payload) : payload;
  return new IngestedMessage(
    'c1',
    seq,
    time,
    topic,
    body,
    qos,
    retain,
    decoders,
    false,
    null,
    published,
  );
}
