import { parseRecording } from '../../../core/recorder/import-format.ts';
import type { IngestPipeline } from '../engine/ingest-pipeline.ts';
import type { ConnectionEvent } from '../protocol.ts';

/** Messages handed to the pipeline between two yields: the worker stays responsive. */
const SLICE = 20_000;

/**
 * A saved recording (our JSON Lines export) as a read-only source: its messages go down the
 * same pipeline as a broker's, with their recorded times, so the recorder, the topic tree,
 * search and charts work on them with no broker.
 */
export class RecordingSource {
  private cancelled = false;

  constructor(
    private readonly pipeline: IngestPipeline,
    private readonly emit: (event: ConnectionEvent) => void,
  ) {}

  async open(file: Blob): Promise<void> {
    this.emit({ type: 'recording', recording: { state: 'loading' } });
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      const reason = `The file could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return this.emit({ type: 'recording', recording: { state: 'failed', reason } });
    }
    const parsed = parseRecording(text);
    if (!parsed.ok) {
      return this.emit({
        type: 'recording',
        recording: { state: 'failed', reason: parsed.reason },
      });
    }
    const { messages, skipped, skippedLines, connections } = parsed.recording;
    for (let start = 0; start < messages.length && !this.cancelled; start += SLICE) {
      for (const message of messages.slice(start, start + SLICE)) {
        const { topic, payload, qos, retain, time } = message;
        if (message.published) this.pipeline.ingestPublished(topic, payload, qos, retain, time);
        else
          this.pipeline.ingest(topic, payload, qos, retain, time, message.dup, message.properties);
      }
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    this.emit({
      type: 'recording',
      recording: { state: 'ready', messages: messages.length, skipped, skippedLines, connections },
    });
  }

  dispose(): void {
    this.cancelled = true;
  }
}
