import type { DecoderRegistry } from '../../../core/decoders/index.ts';
import type { QoS } from '../protocol.ts';
import { IngestedMessage } from './ingested-message.ts';
import type { Sink } from './sink.ts';

/**
 * The one road every message of a connection takes: numbered, wrapped for a single decode,
 * handed to each sink in turn. Sources (an MQTT client, later a replay) call `ingest`.
 */
export class IngestPipeline {
  private seq = 0;

  constructor(
    readonly connectionId: string,
    private readonly sinks: readonly Sink[],
    private readonly decoders: DecoderRegistry,
    /** Told after each message, so the pump can answer a waiting page. */
    private readonly onIngest: () => void,
  ) {}

  ingest(topic: string, payload: Uint8Array, qos: QoS, retain: boolean, time: number): void {
    this.seq += 1;
    const message = new IngestedMessage(
      this.connectionId,
      this.seq,
      time,
      topic,
      payload,
      qos,
      retain,
      this.decoders,
    );
    for (const sink of this.sinks) sink.ingest(message);
    message.settle();
    this.onIngest();
  }
}
