import type { PropertiesDraft } from '../../core/publish-properties.ts';
import type { PublishProperties, QoS } from '../../services/mqtt/index.ts';
import type { BrokerLimits } from './prepare-publish.ts';
import type { PublishRuntime } from './publish-context.ts';
import { recordPublish } from './publish-store.ts';
import type { SentPayload } from './publish-store.ts';

export interface OutgoingMessage {
  topic: string;
  qos: QoS;
  retain: boolean;
  payload: SentPayload;
  properties?: PublishProperties;
  propertiesDraft?: PropertiesDraft;
  /** Subscribe to the response topic and show the reply beside this message. */
  awaitReply?: boolean;
}

/** Hands a checked message to the worker and adds it to the connection's sent messages. */
export function sendMessage(
  { store, handleFor, subscribeFor }: PublishRuntime,
  connectionId: string,
  message: OutgoingMessage,
): number {
  const { topic, qos, retain, payload, properties, propertiesDraft } = message;
  const responseTopic = properties?.responseTopic;
  const awaitReply = Boolean(message.awaitReply && responseTopic && properties?.correlationData);
  // Subscribed first: the SUBSCRIBE reaches the broker before the request can be answered.
  if (awaitReply && responseTopic) subscribeFor(connectionId, responseTopic);
  const id = handleFor(connectionId).publish(
    topic,
    payload.bytes,
    qos,
    retain,
    properties,
    awaitReply,
  );
  recordPublish(store, {
    id,
    connectionId,
    topic,
    qos,
    retain,
    payload,
    ...(properties ? { properties } : {}),
    ...(propertiesDraft ? { propertiesDraft } : {}),
    ...(awaitReply ? { reply: { state: 'waiting' as const } } : {}),
  });
  return id;
}

/** What the connection's CONNACK allows, read when a message is sent. */
export function limitsOf({ statusFor }: PublishRuntime, connectionId: string): BrokerLimits {
  const { status } = statusFor(connectionId).getState();
  if (status.status !== 'connected') {
    return { maximumPacketSize: null, v5: false, topicAliasMaximum: 0 };
  }
  return {
    maximumPacketSize: status.maximumPacketSize ?? null,
    v5: status.protocolVersion === 5,
    topicAliasMaximum: status.topicAliasMaximum ?? 0,
  };
}
