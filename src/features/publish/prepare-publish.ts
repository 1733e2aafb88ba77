import { validateTopicName } from '../../core/topic-filter.ts';
import {
  checkPacketSize,
  encodePayload,
  publishPacketSize,
  utf8Length,
} from '../../core/publish-payload.ts';
import { buildPublishProperties } from '../../core/publish-properties.ts';
import type { PublishProperties } from '../../services/mqtt/index.ts';
import type { AttachedFile, PublishDraft } from './publish-store.ts';

/** What the broker said about itself when it accepted the connection. */
export interface BrokerLimits {
  /** From the CONNACK (MQTT 5); null when the broker set none or the link is down. */
  maximumPacketSize: number | null;
  /** MQTT 5: properties are sent, and add to the packet (their length, at least one byte). */
  v5: boolean;
  /** From the CONNACK (MQTT 5); 0 when the broker takes no topic aliases. */
  topicAliasMaximum: number;
}

/** A message ready to leave the page, or the field that stops it and why. */
export type Prepared =
  | { ok: true; topic: string; bytes: Uint8Array; properties: PublishProperties | undefined }
  | { ok: false; field: 'topic' | 'payload' | 'properties'; reason: string };

/** Why the topic cannot be published to, or null. Shown beside the field as the user types. */
export function topicProblem(topic: string): string | null {
  const check = validateTopicName(topic.trim());
  return check.ok ? null : check.reason;
}

/** Why the payload field cannot be sent in its mode, or null. */
export function payloadProblem(draft: PublishDraft, file: AttachedFile | null): string | null {
  if (draft.mode === 'file') return file ? null : 'Choose a file to send its bytes.';
  const encoded = encodePayload(draft.mode, draft.payload);
  return encoded.ok ? null : encoded.reason;
}

/**
 * Everything checked before the command is sent (issue 16: nothing half-sent): the topic, the
 * payload in its mode, and the size against the broker's Maximum Packet Size.
 */
export function preparePublish(
  draft: PublishDraft,
  file: AttachedFile | null,
  limits: BrokerLimits,
  /** The clear-retained button: an empty payload, whatever the field holds. */
  options: { empty?: boolean } = {},
): Prepared {
  const topic = draft.topic.trim();
  const topicCheck = validateTopicName(topic);
  if (!topicCheck.ok) return { ok: false, field: 'topic', reason: topicCheck.reason };
  let bytes: Uint8Array;
  if (options.empty) bytes = new Uint8Array(0);
  else if (draft.mode === 'file') {
    if (!file) return { ok: false, field: 'payload', reason: 'Choose a file to send its bytes.' };
    bytes = file.bytes;
  } else {
    const encoded = encodePayload(draft.mode, draft.payload);
    if (!encoded.ok) return { ok: false, field: 'payload', reason: encoded.reason };
    bytes = encoded.bytes;
  }
  let properties: PublishProperties | undefined;
  let propertiesLength = 0;
  if (limits.v5) {
    const built = buildPublishProperties(draft.properties, bytes, limits.topicAliasMaximum);
    if (!built.ok) return { ok: false, field: 'properties', reason: built.reason };
    if (built.length > 0) properties = built.properties;
    propertiesLength = built.length;
  }
  const size = publishPacketSize(utf8Length(topic), bytes.length, draft.qos, {
    v5: limits.v5,
    length: propertiesLength,
  });
  const sizeCheck = checkPacketSize(size, limits.maximumPacketSize);
  if (!sizeCheck.ok) return { ok: false, field: 'payload', reason: sizeCheck.reason };
  return { ok: true, topic, bytes, properties };
}
