import { Duplex } from 'node:stream';
import type { Socket } from 'node:net';
import type { OutgoingQueue } from './slow-client-guard.ts';

type WriteCallback = (error?: Error | null) => void;

/**
 * A plain MQTT (TCP or TLS) connection as aedes sees it, minus backpressure: every write is
 * handed to the socket and reported done at once, and `queuedBytes` tells the slow-client guard
 * how much is still waiting. Given the bare socket, aedes would wait for `drain` on each write
 * to a client that stopped reading, and with it every other subscriber of the same messages.
 */
export class TcpClientStream extends Duplex implements OutgoingQueue {
  readonly #socket: Socket;
  readonly peer: string;

  constructor(socket: Socket, transport: 'TCP' | 'TLS') {
    super();
    this.#socket = socket;
    this.peer = `${socket.remoteAddress ?? '?'}:${socket.remotePort ?? '?'} over ${transport}`;
    socket.on('data', (data: Buffer) => {
      if (!this.push(data)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('close', () => this.destroy());
    // Kept after destroy too, so a late socket error is never unhandled.
    socket.on('error', (error: Error) => this.destroy(error));
  }

  get queuedBytes(): number {
    return this.#socket.writableLength;
  }

  override _read(): void {
    this.#socket.resume();
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: WriteCallback): void {
    if (!this.#socket.destroyed) this.#socket.write(chunk);
    callback();
  }

  override _writev(chunks: { chunk: Buffer }[], callback: WriteCallback): void {
    if (!this.#socket.destroyed) {
      // One segment for mqtt-packet's header, topic and payload chunks of each packet.
      this.#socket.cork();
      for (const { chunk } of chunks) this.#socket.write(chunk);
      this.#socket.uncork();
    }
    callback();
  }

  override _final(callback: WriteCallback): void {
    this.#socket.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.#socket.destroy();
    callback(error);
  }
}
