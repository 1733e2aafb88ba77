/**
 * Whether each Sparkplug B edge node and device is online, from the topics of its messages
 * (Sparkplug 3.0 §5.7-5.13): NBIRTH or DBIRTH brings it online, NDEATH takes the node and all its
 * devices offline, DDEATH one device. Data from one not yet seen born (the page subscribed after
 * its BIRTH) says it is alive too. Kept apart from the recorder, so the state outlives the
 * eviction of the messages that set it.
 */
import { parseSparkplugTopic, SPARKPLUG_B_PREFIX } from './decoders/sparkplug-topic.ts';

export type SparkplugOnline = 'online' | 'offline';

export interface SparkplugState {
  group: string;
  edgeNode: string;
  /** Null for the edge node itself. */
  device: string | null;
  state: SparkplugOnline;
  /** When the state last changed (epoch ms). */
  since: number;
  /** What set it: `NBIRTH`, `DDEATH`, `DDATA`… */
  cause: string;
}

/**
 * What a Sparkplug message's type says of its sender: a BIRTH or data that it is online, a DEATH
 * that it is offline; null for commands and topics outside the namespace. A status tile on
 * `spBv1.0/<group>/+/<edge node>/#` shows the node's state from the newest of its messages.
 */
export function sparkplugStateWord(topic: string): SparkplugOnline | null {
  if (!topic.startsWith(SPARKPLUG_B_PREFIX)) return null;
  switch (parseSparkplugTopic(topic)?.messageType) {
    case 'NBIRTH':
    case 'DBIRTH':
    case 'NDATA':
    case 'DDATA':
      return 'online';
    case 'NDEATH':
    case 'DDEATH':
      return 'offline';
    default:
      return null;
  }
}

/** Nodes and devices remembered; past this, new ones are not tracked (a misbehaving namespace). */
export const MAX_SPARKPLUG_STATES = 2_000;

export class SparkplugStates {
  private readonly states = new Map<string, SparkplugState>();
  /** The bdSeq of each node's last NBIRTH: an NDEATH with another one is an old session's. */
  private readonly births = new Map<string, number>();

  /**
   * Notes one message's topic; true when a state changed. A topic outside the namespace costs
   * one prefix compare. `bdSeq` reads the message's bdSeq metric; it is asked only of NBIRTH
   * and NDEATH (Sparkplug 3.0 §6.4.20), which are rare, so their payload is decoded only then.
   */
  note(topic: string, time: number, bdSeq: () => number | null = () => null): boolean {
    if (!topic.startsWith(SPARKPLUG_B_PREFIX)) return false;
    const parts = parseSparkplugTopic(topic);
    if (!parts) return false;
    const { group, edgeNode, device, messageType } = parts;
    const nodeKey = `${group}/${edgeNode}`;
    switch (messageType) {
      case 'NBIRTH': {
        const born = bdSeq();
        if (born === null) this.births.delete(nodeKey);
        else this.births.set(nodeKey, born);
        return this.set(group, edgeNode, null, 'online', time, messageType);
      }
      case 'NDATA':
        return this.set(group, edgeNode, null, 'online', time, messageType);
      case 'DBIRTH':
      case 'DDATA': {
        // A device's message says its node is up as well.
        const node = this.set(group, edgeNode, null, 'online', time, messageType);
        return this.set(group, edgeNode, device, 'online', time, messageType) || node;
      }
      case 'NDEATH': {
        // The will of a session the node has since replaced (the broker may deliver it late,
        // or a retained one): the node born since is still up.
        const born = this.births.get(nodeKey);
        const died = born === undefined ? null : bdSeq();
        if (born !== undefined && died !== null && died !== born) return false;
        let changed = this.set(group, edgeNode, null, 'offline', time, messageType);
        const prefix = `${group}/${edgeNode}/`;
        for (const [key, state] of this.states) {
          if (key.startsWith(prefix) && state.device !== null && state.state !== 'offline') {
            this.states.set(key, { ...state, state: 'offline', since: time, cause: messageType });
            changed = true;
          }
        }
        return changed;
      }
      case 'DDEATH':
        return this.set(group, edgeNode, device, 'offline', time, messageType);
      default:
        // Commands go to a node; they say nothing about whether it is up.
        return false;
    }
  }

  private set(
    group: string,
    edgeNode: string,
    device: string | null,
    state: SparkplugOnline,
    time: number,
    cause: string,
  ): boolean {
    const key = device === null ? `${group}/${edgeNode}` : `${group}/${edgeNode}/${device}`;
    const before = this.states.get(key);
    if (before?.state === state) return false;
    if (!before && this.states.size >= MAX_SPARKPLUG_STATES) return false;
    this.states.set(key, { group, edgeNode, device, state, since: time, cause });
    return true;
  }

  /** Every node, each followed by its devices, in a stable order. */
  list(): SparkplugState[] {
    return [...this.states.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, state]) => state);
  }

  get size(): number {
    return this.states.size;
  }

  clear(): void {
    this.states.clear();
    this.births.clear();
  }
}
