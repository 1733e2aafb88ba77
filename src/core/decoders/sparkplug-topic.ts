/**
 * The Sparkplug B topic namespace (Sparkplug 3.0 §4.1):
 * `spBv1.0/<group_id>/<message_type>/<edge_node_id>[/<device_id>]`. Node messages have four
 * levels, device messages five. The host application's `spBv1.0/STATE/<host_id>` carries JSON,
 * not a Sparkplug payload, so it is not claimed here and stays text.
 */

export const SPARKPLUG_B_PREFIX = 'spBv1.0/';

const NODE_TYPES = ['NBIRTH', 'NDEATH', 'NDATA', 'NCMD'] as const;
const DEVICE_TYPES = ['DBIRTH', 'DDEATH', 'DDATA', 'DCMD'] as const;

export type SparkplugMessageType = (typeof NODE_TYPES)[number] | (typeof DEVICE_TYPES)[number];

export interface SparkplugTopic {
  group: string;
  messageType: SparkplugMessageType;
  edgeNode: string;
  /** Null for a node message. */
  device: string | null;
}

function isNodeType(type: string): type is (typeof NODE_TYPES)[number] {
  return (NODE_TYPES as readonly string[]).includes(type);
}

function isDeviceType(type: string): type is (typeof DEVICE_TYPES)[number] {
  return (DEVICE_TYPES as readonly string[]).includes(type);
}

/**
 * The message type of a Sparkplug B topic that carries a Protobuf payload, or null for any
 * other topic. Asked for every message: any other topic costs one prefix compare, and a
 * Sparkplug topic one small slice (no split).
 */
export function sparkplugMessageType(topic: string): SparkplugMessageType | null {
  if (!topic.startsWith(SPARKPLUG_B_PREFIX)) return null;
  const groupEnd = topic.indexOf('/', SPARKPLUG_B_PREFIX.length);
  if (groupEnd <= SPARKPLUG_B_PREFIX.length) return null;
  const typeEnd = topic.indexOf('/', groupEnd + 1);
  if (typeEnd <= groupEnd + 1 || typeEnd === topic.length - 1) return null;
  const type = topic.slice(groupEnd + 1, typeEnd);
  const nodeEnd = topic.indexOf('/', typeEnd + 1);
  if (nodeEnd < 0) return isNodeType(type) ? type : null;
  const device = nodeEnd > typeEnd + 1 && nodeEnd < topic.length - 1;
  return device && topic.indexOf('/', nodeEnd + 1) < 0 && isDeviceType(type) ? type : null;
}

/** The parts of a Sparkplug B topic that carries a Protobuf payload, or null for any other. */
export function parseSparkplugTopic(topic: string): SparkplugTopic | null {
  const messageType = sparkplugMessageType(topic);
  if (messageType === null) return null;
  const [group = '', , edgeNode = '', device] = topic.slice(SPARKPLUG_B_PREFIX.length).split('/');
  return { group, messageType, edgeNode, device: device ?? null };
}

/** Whether the topic alone says the payload is a Sparkplug B Protobuf payload. */
export function isSparkplugPayloadTopic(topic: string): boolean {
  return sparkplugMessageType(topic) !== null;
}

/** Whether the topic is an NBIRTH or DBIRTH: the messages that define a node's metric aliases. */
export function isSparkplugBirthTopic(topic: string): boolean {
  const type = sparkplugMessageType(topic);
  return type === 'NBIRTH' || type === 'DBIRTH';
}
