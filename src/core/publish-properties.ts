/**
 * The MQTT 5 properties of a PUBLISH (§3.3.2.3) as the publish form edits them, checked and
 * turned into what the worker hands to mqtt.js. Refused before sending, with the field and why.
 */
import type { UserProperty } from './connection-profile.ts';
import { hexToBytes, utf8Length } from './publish-payload.ts';
import { validateTopicName } from './topic-filter.ts';

/** What the form holds: text fields, as typed. Saved with the draft. */
export interface PropertiesDraft {
  contentType: string;
  /** '' sends none; 'bytes' is 0 (unspecified bytes), 'utf8' is 1 (UTF-8 text) (§3.3.2.3.2). */
  payloadFormat: '' | 'bytes' | 'utf8';
  /** Seconds, as typed; '' for none. */
  messageExpiry: string;
  /** 1–65535, as typed; '' for none. */
  topicAlias: string;
  responseTopic: string;
  correlationData: string;
  correlationMode: 'text' | 'hex';
  userProperties: UserProperty[];
  /** Request/response: subscribe to the response topic and show the reply to this request. */
  awaitReply: boolean;
}

export const EMPTY_PROPERTIES: PropertiesDraft = {
  contentType: '',
  payloadFormat: '',
  messageExpiry: '',
  topicAlias: '',
  responseTopic: '',
  correlationData: '',
  correlationMode: 'text',
  userProperties: [],
  awaitReply: false,
};

/** What crosses to the worker: mqtt.js's property names, only those set. */
export interface PublishProperties {
  contentType?: string;
  payloadFormatIndicator?: boolean;
  messageExpiryInterval?: number;
  topicAlias?: number;
  responseTopic?: string;
  correlationData?: Uint8Array;
  /** A repeated key becomes a list, as mqtt.js sends it (§3.3.2.3.7: order kept, repeats allowed). */
  userProperties?: Record<string, string | string[]>;
}

export type PropertyField =
  | 'contentType'
  | 'messageExpiry'
  | 'topicAlias'
  | 'responseTopic'
  | 'correlationData'
  | 'userProperties'
  | 'payloadFormat';

export type BuiltProperties =
  | { ok: true; properties: PublishProperties; length: number }
  | { ok: false; field: PropertyField; reason: string };

const MAX_FOUR_BYTE = 4_294_967_295;

function wholeNumber(text: string): number | null {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : null;
}

/** MQTT strings (§1.5.4) carry no U+0000 and at most 65535 bytes. */
function stringProblem(text: string, what: string): string | null {
  if (text.includes('\u0000'))
    return `The ${what} contains the null character, which MQTT forbids.`;
  if (utf8Length(text) > 65_535) return `The ${what} is longer than MQTT's 65535 bytes.`;
  return null;
}

/** Whether `bytes` are well-formed UTF-8 (what a payload format indicator of 1 promises). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * Checks the properties the user set and builds them, with their encoded length (for the
 * packet size check). `topicAliasMaximum` is the broker's, from its CONNACK (0 or absent: it
 * takes none, §3.2.2.3.8).
 */
export function buildPublishProperties(
  draft: PropertiesDraft,
  payload: Uint8Array,
  topicAliasMaximum: number,
): BuiltProperties {
  const properties: PublishProperties = {};
  let length = 0;
  const fail = (field: PropertyField, reason: string): BuiltProperties => ({
    ok: false,
    field,
    reason,
  });

  if (draft.contentType !== '') {
    const problem = stringProblem(draft.contentType, 'content type');
    if (problem) return fail('contentType', problem);
    properties.contentType = draft.contentType;
    length += 3 + utf8Length(draft.contentType);
  }
  if (draft.payloadFormat !== '') {
    properties.payloadFormatIndicator = draft.payloadFormat === 'utf8';
    if (draft.payloadFormat === 'utf8' && !isUtf8(payload)) {
      return fail(
        'payloadFormat',
        'The payload is marked as UTF-8 text but its bytes are not valid UTF-8; the broker would refuse it (§3.3.2.3.2).',
      );
    }
    length += 2;
  }
  if (draft.messageExpiry.trim() !== '') {
    const seconds = wholeNumber(draft.messageExpiry);
    if (seconds === null || seconds > MAX_FOUR_BYTE) {
      return fail(
        'messageExpiry',
        'The message expiry is a whole number of seconds, 0 to 4294967295.',
      );
    }
    properties.messageExpiryInterval = seconds;
    length += 5;
  }
  if (draft.topicAlias.trim() !== '') {
    const alias = wholeNumber(draft.topicAlias);
    if (alias === null || alias < 1 || alias > 65_535) {
      return fail('topicAlias', 'A topic alias is a whole number from 1 to 65535 (§3.3.2.3.4).');
    }
    if (topicAliasMaximum < 1) {
      return fail(
        'topicAlias',
        'The broker takes no topic aliases: its CONNACK set no Topic Alias Maximum.',
      );
    }
    if (alias > topicAliasMaximum) {
      return fail(
        'topicAlias',
        `The broker takes topic aliases from 1 to ${topicAliasMaximum} (its Topic Alias Maximum).`,
      );
    }
    properties.topicAlias = alias;
    length += 3;
  }
  if (draft.responseTopic !== '') {
    const check = validateTopicName(draft.responseTopic);
    if (!check.ok) return fail('responseTopic', `Response topic: ${check.reason}`);
    properties.responseTopic = draft.responseTopic;
    length += 3 + utf8Length(draft.responseTopic);
  }
  if (draft.correlationData !== '') {
    let bytes: Uint8Array;
    if (draft.correlationMode === 'hex') {
      const read = hexToBytes(draft.correlationData);
      if (!read.ok) return fail('correlationData', `Correlation data: ${read.reason}`);
      bytes = read.bytes;
    } else bytes = new TextEncoder().encode(draft.correlationData);
    if (bytes.length > 65_535) {
      return fail('correlationData', 'Correlation data holds at most 65535 bytes.');
    }
    properties.correlationData = bytes;
    length += 3 + bytes.length;
  }
  const pairs = draft.userProperties.filter((p) => p.key !== '' || p.value !== '');
  if (pairs.length > 0) {
    // No prototype: a property named __proto__ is a name like any other.
    const user = Object.create(null) as Record<string, string | string[]>;
    for (const { key, value } of pairs) {
      if (key === '') return fail('userProperties', 'A user property needs a name.');
      const problem =
        stringProblem(key, 'user property name') ?? stringProblem(value, 'user property value');
      if (problem) return fail('userProperties', problem);
      const previous = Object.hasOwn(user, key) ? user[key] : undefined;
      user[key] =
        previous === undefined
          ? value
          : Array.isArray(previous)
            ? [...previous, value]
            : [previous, value];
      length += 5 + utf8Length(key) + utf8Length(value);
    }
    properties.userProperties = user;
  }
  return { ok: true, properties, length };
}

/** Whether the user set any property at all (to say so on an MQTT 3.1.1 connection). */
export function hasProperties(draft: PropertiesDraft): boolean {
  return (
    draft.contentType !== '' ||
    draft.payloadFormat !== '' ||
    draft.messageExpiry.trim() !== '' ||
    draft.topicAlias.trim() !== '' ||
    draft.responseTopic !== '' ||
    draft.correlationData !== '' ||
    draft.userProperties.some((p) => p.key !== '' || p.value !== '')
  );
}

/** Reads a saved properties draft field by field; anything malformed is left empty. */
export function readPropertiesDraft(saved: unknown): PropertiesDraft {
  if (typeof saved !== 'object' || saved === null) return EMPTY_PROPERTIES;
  const s = saved as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const rows = Array.isArray(s.userProperties) ? (s.userProperties as unknown[]) : [];
  return {
    contentType: text(s.contentType),
    payloadFormat: s.payloadFormat === 'bytes' || s.payloadFormat === 'utf8' ? s.payloadFormat : '',
    messageExpiry: text(s.messageExpiry),
    topicAlias: text(s.topicAlias),
    responseTopic: text(s.responseTopic),
    correlationData: text(s.correlationData),
    correlationMode: s.correlationMode === 'hex' ? 'hex' : 'text',
    awaitReply: s.awaitReply === true,
    userProperties: rows.flatMap((row) => {
      if (typeof row !== 'object' || row === null) return [];
      const { key, value } = row as Record<string, unknown>;
      return typeof key === 'string' && typeof value === 'string' ? [{ key, value }] : [];
    }),
  };
}
