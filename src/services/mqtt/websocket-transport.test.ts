import { describe, expect, it, vi } from 'vitest';
import { WebSocketTransport } from './websocket-transport.ts';
import type { SocketLike } from './websocket-transport.ts';

/** A WebSocket stand-in: records what is sent, and lets the test open, close and deliver. */
function fakeSocket() {
  const sent: Uint8Array[] = [];
  const socket = {
    binaryType: 'blob',
    readyState: 0,
    send: (data: Uint8Array) => sent.push(data),
    close: vi.fn(() => {
      socket.readyState = 3;
    }),
    onopen: null,
    onmessage: null,
    onclose: null,
    onerror: null,
  } as unknown as SocketLike & { readyState: number; close: ReturnType<typeof vi.fn> };
  const open = () => {
    socket.readyState = 1;
    socket.onopen?.call(socket as unknown as WebSocket, new Event('open'));
  };
  const deliver = (...bytes: number[]) =>
    socket.onmessage?.call(
      socket as unknown as WebSocket,
      {
        data: new Uint8Array(bytes).buffer,
      } as MessageEvent,
    );
  return { socket, sent, open, deliver };
}

const nextTask = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('WebSocketTransport', () => {
  it('holds writes until the socket opens, then sends them as one frame', () => {
    const { socket, sent, open } = fakeSocket();
    const transport = new WebSocketTransport(socket);
    transport.write(new Uint8Array([0x10, 2]));
    transport.write(new Uint8Array([0, 4]));
    expect(sent).toEqual([]);
    open();
    expect(sent).toEqual([new Uint8Array([0x10, 2, 0, 4])]);
  });

  it('sends the corked pieces of one packet as one frame', () => {
    const { socket, sent, open } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    transport.cork();
    transport.write(new Uint8Array([0x30]));
    transport.write(new Uint8Array([3, 0, 1, 0x61]));
    expect(sent).toEqual([]);
    transport.uncork();
    expect(sent).toEqual([new Uint8Array([0x30, 3, 0, 1, 0x61])]);
  });

  it('hands every frame that arrived meanwhile to the parser in one write', async () => {
    const { socket, open, deliver } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    const writes: Uint8Array[] = [];
    transport.pipe({ write: (chunk: Uint8Array) => writes.push(chunk) });
    deliver(1, 2);
    deliver(3);
    deliver(4, 5);
    expect(writes).toEqual([]);
    await nextTask();
    expect(writes).toEqual([new Uint8Array([1, 2, 3, 4, 5])]);
    transport.destroy();
  });

  it('reports a socket error, then the close, once', () => {
    const { socket, open } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    const events: string[] = [];
    transport.on('error', () => events.push('error'));
    transport.on('close', () => events.push('close'));
    socket.onerror?.call(socket as unknown as WebSocket, new Event('error'));
    socket.onclose?.call(socket as unknown as WebSocket, new Event('close') as CloseEvent);
    expect(events).toEqual(['error', 'close']);
    expect(transport.destroyed).toBe(true);
  });

  it('drops what arrives after it was destroyed', async () => {
    const { socket, open, deliver } = fakeSocket();
    open();
    const transport = new WebSocketTransport(socket);
    const writes: Uint8Array[] = [];
    transport.pipe({ write: (chunk: Uint8Array) => writes.push(chunk) });
    deliver(1);
    transport.destroy();
    deliver(2);
    await nextTask();
    expect(writes).toEqual([]);
    expect(socket.close).toHaveBeenCalled();
  });

  it('calls a once listener a single time', () => {
    const { socket } = fakeSocket();
    const transport = new WebSocketTransport(socket);
    const listener = vi.fn();
    transport.once('drain', listener);
    transport.emit('drain');
    transport.emit('drain');
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
