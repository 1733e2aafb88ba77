import { Duplex } from 'node:stream';
import { WebSocket } from 'ws';
import type { RawData } from 'ws';
import type { OutgoingQueue } from './slow-client-guard.ts';

export interface CoalescingOptions {
  /** Pending bytes that trigger an immediate frame instead of waiting for the next turn. */
  maxFrameBytes?: number;
  /** Who is on the other end, for log lines. */
  peer?: string;
}

type WriteCallback = (error?: Error | null) => void;

function toBuffer(data: RawData): Buffer {
  if (Buffer.isBuffer(data)) return data;
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.from(data);
}

/**
 * A Duplex over a `ws` WebSocket that batches writes into one binary frame per event-loop turn.
 *
 * mqtt-packet writes a PUBLISH as several small chunks (header, length, topic, payload), and
 * `createWebSocketStream` turns each chunk into its own frame. MQTT over WebSocket lets a frame
 * carry several packets or parts of one (MQTT 5.0 section 6.0, MQTT 3.1.1 section 6), so
 * sending the concatenation once per turn is valid and cuts frame overhead several times over.
 *
 * Writes complete at once, whatever the socket's state: aedes waits for each subscriber's write
 * before the next message, so holding it for one socket that stopped reading stalls every
 * client (issue 18). `queuedBytes` lets the slow-client guard drop messages for this one instead.
 */
export class CoalescingWsStream extends Duplex implements OutgoingQueue {
  readonly #ws: WebSocket;
  readonly #maxFrameBytes: number;
  readonly peer: string;
  #pending: Buffer[] = [];
  #pendingBytes = 0;
  #flushScheduled = false;

  constructor(ws: WebSocket, options: CoalescingOptions = {}) {
    super();
    this.#ws = ws;
    this.#maxFrameBytes = options.maxFrameBytes ?? 64 * 1024;
    this.peer = options.peer ?? 'WebSocket';

    ws.on('message', (data: RawData, isBinary: boolean) => {
      // [MQTT-6.0.0-1]: MQTT control packets must be sent in binary frames.
      if (!isBinary) {
        this.destroy(new Error('Received a text WebSocket frame; MQTT requires binary frames.'));
        return;
      }
      if (!this.push(toBuffer(data))) ws.pause();
    });
    ws.on('close', () => {
      this.push(null);
      this.destroy();
    });
    // Kept after destroy too, so a late socket error is never unhandled.
    ws.on('error', (error: Error) => this.destroy(error));
  }

  get queuedBytes(): number {
    return this.#ws.bufferedAmount + this.#pendingBytes;
  }

  override _read(): void {
    if (this.#ws.isPaused) this.#ws.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: WriteCallback): void {
    this.#enqueue(chunk);
    this.#afterEnqueue(callback);
  }

  override _writev(chunks: { chunk: Buffer }[], callback: WriteCallback): void {
    for (const { chunk } of chunks) this.#enqueue(chunk);
    this.#afterEnqueue(callback);
  }

  override _final(callback: WriteCallback): void {
    this.#flush();
    if (this.#ws.readyState === WebSocket.OPEN) this.#ws.close(1000);
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    // Send what aedes wrote just before destroying (e.g. a refusing CONNACK), then close.
    this.#flush();
    const state = this.#ws.readyState;
    if (state === WebSocket.OPEN) {
      if (error) this.#ws.terminate();
      else this.#ws.close(1000);
    } else if (state === WebSocket.CONNECTING) {
      this.#ws.terminate();
    }
    callback(error);
  }

  #enqueue(chunk: Buffer): void {
    this.#pending.push(chunk);
    this.#pendingBytes += chunk.length;
  }

  #afterEnqueue(callback: WriteCallback): void {
    if (this.#pendingBytes >= this.#maxFrameBytes) this.#flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      // setImmediate, not a microtask: aedes delivers each packet in its own setImmediate,
      // so only the next loop turn sees all packets of this turn (measured: ~1 frame per turn).
      setImmediate(() => this.#flush());
    }
    callback();
  }

  #flush(): void {
    this.#flushScheduled = false;
    if (this.#pendingBytes === 0) return;
    const frame =
      this.#pending.length === 1
        ? this.#pending[0]
        : Buffer.concat(this.#pending, this.#pendingBytes);
    this.#pending = [];
    this.#pendingBytes = 0;
    if (!frame || this.#ws.readyState !== WebSocket.OPEN) return;
    this.#ws.send(frame, { binary: true }, (error) => {
      if (error) this.destroy(error);
    });
  }
}
