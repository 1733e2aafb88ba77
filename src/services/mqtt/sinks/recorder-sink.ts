import type { DecodedPayload, DecoderRegistry } from '../../../core/decoders/index.ts';
import { MessageStore, META_CUT } from '../../../core/recorder/message-store.ts';
import type { RecordedMessage, RecorderBudget } from '../../../core/recorder/message-store.ts';
import { RingBuffer } from '../../../core/ring-buffer.ts';
import type { IngestedMessage } from '../engine/ingested-message.ts';
import type { Sink } from '../engine/sink.ts';
import type {
  ConnectionBatch,
  DetailAnswer,
  MessageDetail,
  MessageRow,
  ShowAs,
} from '../protocol.ts';

/** More rows than any screen shows at once: a live batch carries only what may be visible. */
export const LIVE_ROWS_PER_BATCH = 100;
/** The status line's figures change with every message; twice a second is enough to read them. */
const STATS_INTERVAL_MS = 500;

/**
 * The flight recorder of one connection: every message goes into its {@link MessageStore};
 * the newest few also stay as ingested messages, so live rows reuse the decode the charts
 * already did. Older rows, search results and a message's detail are read back from the store.
 */
export class RecorderSink implements Sink {
  readonly store = new MessageStore();
  private readonly recent = new RingBuffer<{ message: IngestedMessage; id: number }>(
    LIVE_ROWS_PER_BATCH,
  );
  /** Messages that arrived since rows were last sent. */
  private unsent = 0;
  private statsDueAt = 0;
  private statsChanged = true;
  private detailAnswer: DetailAnswer | null = null;
  private requestedDetail = 0;

  constructor(
    private readonly connectionId: string,
    private readonly decoders: DecoderRegistry,
  ) {}

  ingest(message: IngestedMessage): void {
    const id = this.store.record({
      time: message.time,
      topic: message.topic,
      payload: message.bytes,
      qos: message.qos,
      retain: message.retain,
      dup: message.dup,
      published: message.published,
      properties: message.properties,
    });
    this.recent.push({ message, id });
    this.unsent += 1;
    this.statsChanged = true;
  }

  ingestPublished(message: IngestedMessage): void {
    this.ingest(message);
  }

  setBudget(budget: RecorderBudget): void {
    this.store.setBudget(budget);
    this.statsChanged = true;
    this.statsDueAt = 0;
  }

  /**
   * Answers with the message whole. With `as`, decoded as the user picked; that decoder may
   * have to be fetched first, so the answer can come later, and `wake` says when it is there.
   */
  requestDetail(id: number, as?: ShowAs, wake?: () => void): void {
    const detail = this.detail(id, as === undefined);
    this.requestedDetail = id;
    if (!detail || !as) {
      this.detailAnswer = { id, detail };
      return;
    }
    const { topic, payload, properties } = detail;
    const decoded = this.decoders.decodeAs({ topic, payload, properties }, { filter: '#', ...as });
    if (!(decoded instanceof Promise)) {
      this.detailAnswer = { id, detail: { ...detail, decoded } };
      return;
    }
    void decoded.then((late) => {
      // A newer request (another message, another choice) wins over this one.
      if (this.requestedDetail !== id) return;
      this.detailAnswer = { id, detail: { ...detail, decoded: late } };
      wake?.();
    });
  }

  dueAt(now: number): number | null {
    if (this.unsent > 0 || this.detailAnswer) return now;
    return this.statsChanged ? Math.max(now, this.statsDueAt) : null;
  }

  flush(batch: ConnectionBatch, now: number): void {
    if (this.unsent > 0) {
      const newest = this.recent.newest(Math.min(this.unsent, LIVE_ROWS_PER_BATCH));
      batch.rows = newest.map(({ message, id }) => {
        const row = message.toRow(id);
        if (this.store.has(id) && (this.store.metaOf(id) & META_CUT) !== 0) row.cut = true;
        return row;
      });
      this.unsent = 0;
    }
    if (this.detailAnswer) {
      batch.detail = this.detailAnswer;
      this.detailAnswer = null;
    }
    if (this.statsChanged && now >= this.statsDueAt) {
      batch.recorder = this.store.stats();
      this.statsChanged = false;
      this.statsDueAt = now + STATS_INTERVAL_MS;
    }
  }

  clear(): void {
    this.store.clear();
    this.recent.clear();
    this.unsent = 0;
    this.statsChanged = true;
    this.statsDueAt = 0;
  }

  /**
   * A recorded message decoded again with the connection's decoders (its rules and schemas as
   * they are now); read back, so it teaches them nothing. Null once the budget evicted it.
   */
  decodeRecorded(id: number): DecodedPayload | null {
    const message = this.store.get(id);
    return message ? this.decodeStored(message) : null;
  }

  private decodeStored({ topic, payload, properties }: RecordedMessage): DecodedPayload {
    return this.decoders.decode({ topic, payload, properties });
  }

  /** A row of the list read back from the store; null once the budget evicted it. */
  rowFor(id: number): MessageRow | null {
    const message = this.store.get(id);
    if (!message) return null;
    const { format, preview, truncated, note } = this.decodeStored(message);
    const row: MessageRow = {
      connectionId: this.connectionId,
      seq: id,
      time: message.time,
      topic: message.topic,
      format,
      preview,
      size: message.size,
      truncated: truncated || message.cut,
      qos: message.qos,
      retain: message.retain,
      dup: message.dup,
      cut: message.cut,
      published: message.published,
    };
    if (note !== undefined) row.note = note;
    return row;
  }

  private detail(id: number, decode = true): MessageDetail | null {
    const message = this.store.get(id);
    if (!message) return null;
    const previousId = this.store.previousOnTopic(id);
    const previous = previousId > 0 ? this.store.get(previousId) : null;
    return {
      connectionId: this.connectionId,
      id,
      topic: message.topic,
      time: message.time,
      qos: message.qos,
      retain: message.retain,
      dup: message.dup,
      published: message.published,
      size: message.size,
      cut: message.cut,
      // Copies: the page owns them, and the store's chunks must not cross the thread boundary.
      payload: message.payload.slice(),
      properties: message.properties,
      // The decoded value (a Sparkplug payload's metrics, a CBOR map) for the detail's tree.
      ...(decode ? { decoded: this.decodeStored(message) } : {}),
      previous: previous
        ? { id: previous.id, time: previous.time, payload: previous.payload.slice() }
        : null,
    };
  }
}
