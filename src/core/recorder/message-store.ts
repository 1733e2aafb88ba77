/**
 * The flight recorder's storage: every message of one connection, whole, in compact form.
 * Payload bytes live in a few large chunks, topics are interned once, and time, QoS, flags and
 * sizes sit in typed-array columns, so a million messages are a handful of objects, not a
 * million. The oldest messages go when the budget (messages or bytes) is reached; the newest
 * message of every topic is kept even then, because "last value" must never be forgotten.
 */
import type { MessageProperties } from './message-properties.ts';

export interface RecorderBudget {
  /** The most messages kept; older ones are evicted first. */
  maxMessages: number;
  /** The most memory the recorder's columns and payloads may take. */
  maxBytes: number;
  /** A longer payload keeps its first this-many bytes and is marked as cut. */
  maxPayloadBytes: number;
}

export const DEFAULT_RECORDER_BUDGET: RecorderBudget = {
  maxMessages: 1_000_000,
  maxBytes: 256 * 1024 * 1024,
  maxPayloadBytes: 1024 * 1024,
};

/** Bit flags of the `meta` column; the low two bits hold the QoS. */
export const META_RETAIN = 1 << 2;
export const META_DUP = 1 << 3;
/** Sent by this page rather than received. */
export const META_PUBLISHED = 1 << 4;
/** Longer than the per-message cap: only the head was kept. */
export const META_CUT = 1 << 5;

/** Bytes of column space per message: time 8, topic 4, meta 1, size 4, chunk 4, offset 4, length 4. */
export const COLUMN_BYTES_PER_MESSAGE = 29;

const EMPTY = new Uint8Array(0);
const FIRST_CHUNK_BYTES = 256 * 1024;
const LARGEST_CHUNK_BYTES = 4 * 1024 * 1024;
const FIRST_CAPACITY = 1_024;
/** A rough cost of one interned topic besides its characters (Map entry, array slot). */
const TOPIC_OVERHEAD_BYTES = 48;

/** One recorded message, read back from the columns. `payload` is a view, not a copy. */
export interface RecordedMessage {
  id: number;
  time: number;
  topic: string;
  topicId: number;
  qos: 0 | 1 | 2;
  retain: boolean;
  dup: boolean;
  published: boolean;
  /** The size the message had on the wire; larger than `payload.length` when cut. */
  size: number;
  cut: boolean;
  payload: Uint8Array;
  properties: MessageProperties | null;
}

/** What the status line shows for one connection. */
export interface RecorderStats {
  kept: number;
  evicted: number;
  /** Memory the recorder holds now: columns, payload chunks, topics, kept last values. */
  memoryBytes: number;
}

export interface RecordInput {
  time: number;
  topic: string;
  payload: Uint8Array;
  qos: 0 | 1 | 2;
  retain: boolean;
  dup?: boolean;
  published?: boolean;
  properties?: MessageProperties | null;
}

interface Chunk {
  bytes: Uint8Array;
  used: number;
  /** Messages still pointing into this chunk; it is let go when the last one is evicted. */
  live: number;
}

/** A topic's newest message kept after the budget evicted it from the columns. */
interface PinnedMessage {
  id: number;
  time: number;
  meta: number;
  size: number;
  payload: Uint8Array;
  properties: MessageProperties | null;
}

export class MessageStore {
  private budget: RecorderBudget;
  private capacity = 0;
  private times = new Float64Array(0);
  private topicIds = new Uint32Array(0);
  private metas = new Uint8Array(0);
  private sizes = new Uint32Array(0);
  private chunkSerials = new Uint32Array(0);
  private offsets = new Uint32Array(0);
  private lengths = new Uint32Array(0);

  /** Id of the oldest kept message; ids are consecutive from there to `nextId - 1`. */
  private firstId = 1;
  private nextId = 1;
  private evictedCount = 0;
  /** Payload bytes of the kept messages (not counting chunk slack). */
  private payloadBytes = 0;

  private readonly chunks: Chunk[] = [];
  /** Serial number of `chunks[0]`. */
  private firstChunkSerial = 0;

  private readonly topicIndex = new Map<string, number>();
  private readonly topics: string[] = [];
  private topicChars = 0;
  /** Per topic id: the id of its newest message (0: none recorded). */
  private latestIds = new Float64Array(64);
  private readonly pinned = new Map<number, PinnedMessage>();
  private pinnedBytes = 0;
  /** MQTT 5 properties, for the few messages that carry any. */
  private readonly properties = new Map<number, MessageProperties>();

  constructor(budget: RecorderBudget = DEFAULT_RECORDER_BUDGET) {
    this.budget = { ...budget };
  }

  get size(): number {
    return this.nextId - this.firstId;
  }

  /** The oldest kept id (equal to `lastId + 1` when empty). */
  get oldestId(): number {
    return this.firstId;
  }

  /** The newest id given out; 0 before the first message. */
  get newestId(): number {
    return this.nextId - 1;
  }

  get topicCount(): number {
    return this.topics.length;
  }

  getBudget(): RecorderBudget {
    return { ...this.budget };
  }

  /** Changes the budget; a smaller one evicts at once. */
  setBudget(budget: RecorderBudget): void {
    this.budget = { ...budget };
    this.evictOverBudget();
  }

  stats(): RecorderStats {
    let chunkBytes = 0;
    for (const chunk of this.chunks) chunkBytes += chunk.bytes.length;
    const topicBytes = this.topicChars * 2 + this.topics.length * TOPIC_OVERHEAD_BYTES;
    return {
      kept: this.size,
      evicted: this.evictedCount,
      memoryBytes:
        this.capacity * COLUMN_BYTES_PER_MESSAGE +
        chunkBytes +
        topicBytes +
        this.latestIds.byteLength +
        this.pinnedBytes,
    };
  }

  /** Records one message and returns its id. O(1) apart from the copy of its payload. */
  record(input: RecordInput): number {
    const id = this.nextId;
    this.ensureRoom();
    const keptLength = Math.min(input.payload.length, this.budget.maxPayloadBytes);
    const { serial, offset } = this.writePayload(input.payload, keptLength);
    const slot = id % this.capacity;
    const topicId = this.intern(input.topic);
    this.times[slot] = input.time;
    this.topicIds[slot] = topicId;
    this.metas[slot] =
      input.qos |
      (input.retain ? META_RETAIN : 0) |
      (input.dup ? META_DUP : 0) |
      (input.published ? META_PUBLISHED : 0) |
      (keptLength < input.payload.length ? META_CUT : 0);
    this.sizes[slot] = input.payload.length;
    this.chunkSerials[slot] = serial;
    this.offsets[slot] = offset;
    this.lengths[slot] = keptLength;
    this.payloadBytes += keptLength;
    if (input.properties) this.properties.set(id, input.properties);
    this.nextId = id + 1;
    this.unpin(topicId);
    this.latestIds[topicId] = id;
    this.evictOverBudget();
    return id;
  }

  /** True while `id` is in the columns (not evicted, not yet given). */
  has(id: number): boolean {
    return id >= this.firstId && id < this.nextId;
  }

  /** Time of a kept message, for queries that only need the time. */
  timeOf(id: number): number {
    return this.times[id % this.capacity] ?? 0;
  }

  topicIdOf(id: number): number {
    return this.topicIds[id % this.capacity] ?? 0;
  }

  metaOf(id: number): number {
    return this.metas[id % this.capacity] ?? 0;
  }

  /** The kept bytes of a message's payload, as a view into its chunk. */
  payloadOf(id: number): Uint8Array {
    const slot = id % this.capacity;
    const chunk = this.chunks[(this.chunkSerials[slot] ?? 0) - this.firstChunkSerial];
    const offset = this.offsets[slot] ?? 0;
    if (!chunk) return EMPTY;
    return chunk.bytes.subarray(offset, offset + (this.lengths[slot] ?? 0));
  }

  /**
   * The chunk that holds a payload, for searches that read it in place; with
   * {@link payloadStart} and {@link payloadLength} it spares a view per message.
   */
  chunkOf(id: number): Uint8Array {
    const chunk = this.chunks[(this.chunkSerials[id % this.capacity] ?? 0) - this.firstChunkSerial];
    return chunk?.bytes ?? EMPTY;
  }

  payloadStart(id: number): number {
    return this.offsets[id % this.capacity] ?? 0;
  }

  payloadLength(id: number): number {
    return this.lengths[id % this.capacity] ?? 0;
  }

  topicName(topicId: number): string {
    return this.topics[topicId] ?? '';
  }

  /** The id of a topic, or -1 when it never had a message. */
  topicIdFor(topic: string): number {
    return this.topicIndex.get(topic) ?? -1;
  }

  /** Reads one message back, from the columns or, for a topic's evicted newest one, its pin. */
  get(id: number): RecordedMessage | null {
    if (this.has(id)) {
      const slot = id % this.capacity;
      const meta = this.metas[slot] ?? 0;
      const topicId = this.topicIds[slot] ?? 0;
      return this.toMessage(id, topicId, this.times[slot] ?? 0, meta, this.sizes[slot] ?? 0, {
        payload: this.payloadOf(id),
        properties: this.properties.get(id) ?? null,
      });
    }
    for (const [topicId, pin] of this.pinned) {
      if (pin.id === id) return this.toMessage(id, topicId, pin.time, pin.meta, pin.size, pin);
    }
    return null;
  }

  /** The newest message of a topic, even when the budget evicted it. */
  latest(topic: string): RecordedMessage | null {
    const topicId = this.topicIndex.get(topic);
    if (topicId === undefined) return null;
    const pin = this.pinned.get(topicId);
    if (pin) return this.toMessage(pin.id, topicId, pin.time, pin.meta, pin.size, pin);
    return this.get(this.latestIds[topicId] ?? 0);
  }

  /** The id of the kept message on the same topic just before `id`, or 0. Scans back. */
  previousOnTopic(id: number, scanLimit = 1_000_000): number {
    if (!this.has(id)) return 0;
    const topicId = this.topicIdOf(id);
    const stop = Math.max(this.firstId, id - scanLimit);
    for (let other = id - 1; other >= stop; other -= 1) {
      if (this.topicIds[other % this.capacity] === topicId) return other;
    }
    return 0;
  }

  clear(): void {
    this.firstId = this.nextId;
    this.evictedCount = 0;
    this.payloadBytes = 0;
    this.firstChunkSerial += this.chunks.length;
    this.chunks.length = 0;
    this.pinned.clear();
    this.pinnedBytes = 0;
    this.properties.clear();
    this.latestIds.fill(0);
  }

  private toMessage(
    id: number,
    topicId: number,
    time: number,
    meta: number,
    size: number,
    { payload, properties }: { payload: Uint8Array; properties: MessageProperties | null },
  ): RecordedMessage {
    return {
      id,
      time,
      topic: this.topicName(topicId),
      topicId,
      qos: (meta & 3) as 0 | 1 | 2,
      retain: (meta & META_RETAIN) !== 0,
      dup: (meta & META_DUP) !== 0,
      published: (meta & META_PUBLISHED) !== 0,
      size,
      cut: (meta & META_CUT) !== 0,
      payload,
      properties,
    };
  }

  private intern(topic: string): number {
    let topicId = this.topicIndex.get(topic);
    if (topicId === undefined) {
      topicId = this.topics.length;
      this.topics.push(topic);
      this.topicIndex.set(topic, topicId);
      this.topicChars += topic.length;
      if (topicId >= this.latestIds.length) {
        const grown = new Float64Array(this.latestIds.length * 2);
        grown.set(this.latestIds);
        this.latestIds = grown;
      }
    }
    return topicId;
  }

  private writePayload(payload: Uint8Array, length: number): { serial: number; offset: number } {
    let chunk = this.chunks[this.chunks.length - 1];
    if (!chunk || chunk.bytes.length - chunk.used < length) {
      const previous = chunk?.bytes.length ?? FIRST_CHUNK_BYTES / 2;
      const size = Math.max(length, Math.min(LARGEST_CHUNK_BYTES, previous * 2));
      chunk = { bytes: new Uint8Array(size), used: 0, live: 0 };
      this.chunks.push(chunk);
    }
    const offset = chunk.used;
    if (length > 0)
      chunk.bytes.set(length === payload.length ? payload : payload.subarray(0, length), offset);
    chunk.used += length;
    chunk.live += 1;
    return { serial: this.firstChunkSerial + this.chunks.length - 1, offset };
  }

  /** Grows the columns (doubling, up to the message budget) so the next id has a free slot. */
  private ensureRoom(): void {
    if (this.size < this.capacity) return;
    if (this.capacity >= this.budget.maxMessages) {
      this.evictOldest();
      return;
    }
    const capacity = Math.min(this.budget.maxMessages, Math.max(FIRST_CAPACITY, this.capacity * 2));
    this.resize(capacity);
  }

  private resize(capacity: number): void {
    const old = {
      times: this.times,
      topicIds: this.topicIds,
      metas: this.metas,
      sizes: this.sizes,
      chunkSerials: this.chunkSerials,
      offsets: this.offsets,
      lengths: this.lengths,
    };
    const oldCapacity = this.capacity;
    this.times = new Float64Array(capacity);
    this.topicIds = new Uint32Array(capacity);
    this.metas = new Uint8Array(capacity);
    this.sizes = new Uint32Array(capacity);
    this.chunkSerials = new Uint32Array(capacity);
    this.offsets = new Uint32Array(capacity);
    this.lengths = new Uint32Array(capacity);
    this.capacity = capacity;
    for (let id = this.firstId; id < this.nextId; id += 1) {
      const from = id % oldCapacity;
      const to = id % capacity;
      this.times[to] = old.times[from] ?? 0;
      this.topicIds[to] = old.topicIds[from] ?? 0;
      this.metas[to] = old.metas[from] ?? 0;
      this.sizes[to] = old.sizes[from] ?? 0;
      this.chunkSerials[to] = old.chunkSerials[from] ?? 0;
      this.offsets[to] = old.offsets[from] ?? 0;
      this.lengths[to] = old.lengths[from] ?? 0;
    }
  }

  private evictOverBudget(): void {
    while (this.size > 0 && this.size > this.budget.maxMessages) this.evictOldest();
    while (this.size > 1 && this.memoryInUse() > this.budget.maxBytes) this.evictOldest();
    if (this.capacity > Math.max(FIRST_CAPACITY, this.budget.maxMessages)) {
      this.resize(Math.max(FIRST_CAPACITY, this.budget.maxMessages));
    }
  }

  /** What the byte budget counts: the kept payloads and a column row per kept message. */
  private memoryInUse(): number {
    return this.payloadBytes + this.size * COLUMN_BYTES_PER_MESSAGE + this.pinnedBytes;
  }

  private evictOldest(): void {
    const id = this.firstId;
    const slot = id % this.capacity;
    const topicId = this.topicIds[slot] ?? 0;
    const properties = this.properties.size > 0 ? (this.properties.get(id) ?? null) : null;
    if (this.latestIds[topicId] === id) {
      // The topic's newest message: keep a copy outside the columns.
      const payload = this.payloadOf(id).slice();
      this.pinned.set(topicId, {
        id,
        time: this.times[slot] ?? 0,
        meta: this.metas[slot] ?? 0,
        size: this.sizes[slot] ?? 0,
        payload,
        properties,
      });
      this.pinnedBytes += payload.length;
    }
    if (properties) this.properties.delete(id);
    this.payloadBytes -= this.lengths[slot] ?? 0;
    const chunkIndex = (this.chunkSerials[slot] ?? 0) - this.firstChunkSerial;
    const chunk = this.chunks[chunkIndex];
    if (chunk) chunk.live -= 1;
    this.firstId = id + 1;
    this.evictedCount += 1;
    // Chunks empty from the front once all their messages are gone (the newest stays open).
    while (this.chunks.length > 1 && this.chunks[0]?.live === 0) {
      this.chunks.shift();
      this.firstChunkSerial += 1;
    }
  }

  private unpin(topicId: number): void {
    const pin = this.pinned.get(topicId);
    if (!pin) return;
    this.pinnedBytes -= pin.payload.length;
    this.pinned.delete(topicId);
  }
}
