import type { AedesPublishPacket, Client } from 'aedes';

/**
 * A client connection that never makes aedes wait: its writes complete at once and it says how
 * many bytes are still waiting to leave. `TcpClientStream` and `CoalescingWsStream` are both.
 */
export interface OutgoingQueue {
  /** Bytes written but not yet handed to the kernel (for a WebSocket: `bufferedAmount`). */
  readonly queuedBytes: number;
  /** Who is on the other end, for log lines: address and transport. */
  readonly peer: string;
}

export interface SlowClientLimits {
  /** Unsent bytes a subscriber may have before messages for it are dropped. */
  maxQueuedBytes: number;
  /** How long a subscriber may stay over that limit before the dropping starts. */
  graceMs: number;
  /** A subscriber over the limit this long after it first was is disconnected. */
  stuckTimeoutMs: number;
  log: (line: string) => void;
}

/** Since when a client has been over the limit, and what it lost since dropping began. */
interface Backlog {
  since: number;
  dropping: boolean;
  dropped: number;
}

function isOutgoingQueue(conn: unknown): conn is OutgoingQueue {
  return typeof conn === 'object' && conn !== null && 'queuedBytes' in conn && 'peer' in conn;
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
const seconds = (ms: number) => (ms >= 10_000 ? Math.round(ms / 1000) : (ms / 1000).toFixed(1));

/**
 * Bounds each subscriber's outgoing queue, as Mosquitto's `max_queued_bytes` does: aedes waits
 * for every subscriber's write before it moves on, so one client that stops reading would stall
 * every other. A client over the limit for longer than the grace period has its messages
 * dropped (any QoS; the broker keeps no offline queue for it either) until it has read half of
 * its backlog; one over the limit for `stuckTimeoutMs` is disconnected, so its gap shows as a
 * reconnect.
 *
 * The grace period is for a client that is reading, only not as fast as one large message
 * arrived: a page taking in a 16 MB payload is over 4 MB for a moment, and the messages right
 * behind that payload must not be lost.
 */
export function createSlowClientGuard(limits: SlowClientLimits) {
  const backlogs = new WeakMap<Client, Backlog>();
  const max = limits.maxQueuedBytes;
  const name = (client: Client, conn: OutgoingQueue) => `client "${client.id}" (${conn.peer})`;

  /** aedes' `authorizeForward`: null drops the message for this client only. */
  const authorizeForward = (
    client: Client,
    packet: AedesPublishPacket,
  ): AedesPublishPacket | null => {
    const conn = client.conn;
    if (!isOutgoingQueue(conn)) return packet;
    const queued = conn.queuedBytes;
    const backlog = backlogs.get(client);
    const now = Date.now();
    if (!backlog?.dropping) {
      if (queued <= max) {
        backlogs.delete(client);
        return packet;
      }
      if (!backlog) backlogs.set(client, { since: now, dropping: false, dropped: 0 });
      if (!backlog || now - backlog.since < limits.graceMs) return packet;
      backlog.dropping = true;
      backlog.dropped = 1;
      limits.log(
        `${name(client, conn)} is not keeping up: ${megabytes(queued)} unsent for over ` +
          `${seconds(limits.graceMs)} s (limit ${megabytes(max)}); dropping messages for it ` +
          'until it catches up',
      );
      return null;
    }
    // Half the limit, not the limit: a client hovering at the edge would otherwise flap.
    if (queued <= max / 2) {
      backlogs.delete(client);
      limits.log(`${name(client, conn)} reads again; ${backlog.dropped} messages were dropped`);
      return packet;
    }
    backlog.dropped += 1;
    if (now - backlog.since > limits.stuckTimeoutMs) {
      backlogs.delete(client);
      limits.log(
        `${name(client, conn)} stayed over its limit for ${seconds(limits.stuckTimeoutMs)} s; ` +
          `disconnecting it (${backlog.dropped} messages were dropped)`,
      );
      client.conn.destroy(new Error('outgoing queue stuck over its limit'));
    }
    return null;
  };

  /** Says how many messages a client lost when it leaves while they were being dropped. */
  const onClientGone = (client: Client) => {
    const backlog = backlogs.get(client);
    const conn = client.conn;
    backlogs.delete(client);
    if (!backlog?.dropping || !isOutgoingQueue(conn)) return;
    limits.log(`${name(client, conn)} disconnected; ${backlog.dropped} messages were dropped`);
  };

  return { authorizeForward, onClientGone };
}
