/**
 * Words for the numeric codes a broker answers with, so the UI never shows a bare number,
 * and, where there is an obvious one, what the user can do about it.
 * MQTT 3.1.1 §3.2.2.3 (CONNACK return codes) and MQTT 5 §2.4 (reason codes).
 *
 * Every function returns plain text. Whatever the broker sent (reason string, server
 * reference) is quoted as the broker's own words and must be rendered as text, never as HTML.
 */

/**
 * MQTT 5 §2.4 Table 2-6, every reason code in the spec's words (lower case, British spelling).
 * 0x00 has a different name in each packet (success, normal disconnection, granted QoS 0),
 * so each describe function names it itself.
 */
const REASON_NAMES: Readonly<Record<number, string>> = {
  0x00: 'success',
  0x01: 'granted QoS 1',
  0x02: 'granted QoS 2',
  0x04: 'disconnect with will message',
  0x10: 'no matching subscribers',
  0x11: 'no subscription existed',
  0x18: 'continue authentication',
  0x19: 're-authenticate',
  0x80: 'unspecified error',
  0x81: 'malformed packet',
  0x82: 'protocol error',
  0x83: 'implementation-specific error',
  0x84: 'unsupported protocol version',
  0x85: 'client identifier not valid',
  0x86: 'bad user name or password',
  0x87: 'not authorised',
  0x88: 'server unavailable',
  0x89: 'server busy',
  0x8a: 'banned',
  0x8b: 'server shutting down',
  0x8c: 'bad authentication method',
  0x8d: 'keep alive timeout',
  0x8e: 'session taken over',
  0x8f: 'topic filter invalid',
  0x90: 'topic name invalid',
  0x91: 'packet identifier in use',
  0x92: 'packet identifier not found',
  0x93: 'receive maximum exceeded',
  0x94: 'topic alias invalid',
  0x95: 'packet too large',
  0x96: 'message rate too high',
  0x97: 'quota exceeded',
  0x98: 'administrative action',
  0x99: 'payload format invalid',
  0x9a: 'retain not supported',
  0x9b: 'QoS not supported',
  0x9c: 'use another server',
  0x9d: 'server moved',
  0x9e: 'shared subscriptions not supported',
  0x9f: 'connection rate exceeded',
  0xa0: 'maximum connect time',
  0xa1: 'subscription identifiers not supported',
  0xa2: 'wildcard subscriptions not supported',
};

/** MQTT 3.1.1 §3.2.2.3 Table 3.1, CONNACK return codes 1–5. */
const CONNACK_V3: Readonly<Record<number, string>> = {
  1: 'unacceptable protocol version',
  2: 'client identifier rejected',
  3: 'server unavailable',
  4: 'bad user name or password',
  5: 'not authorised',
};

/** The MQTT 5 code that means the same as a 3.1.1 return code, so advice and retry rules are written once. */
const V3_TO_V5: Readonly<Record<number, number>> = { 1: 0x84, 2: 0x85, 3: 0x88, 4: 0x86, 5: 0x87 };

const ASK_ADMIN = "ask the broker's administrator";
const SEE_LOG = "The broker's log may say why.";
const LATER = 'Try again later.';

/** What to do about a refused connection, keyed by MQTT 5 code (3.1.1 codes are mapped first). */
const CONNACK_ADVICE: Readonly<Record<number, string>> = {
  0x80: SEE_LOG,
  0x83: SEE_LOG,
  // MQTT 5 §3.1.3.1: a broker must accept 1–23 bytes of 0-9, a-z, A-Z; anything else is its choice.
  0x85: 'Use a shorter client ID of letters and digits, or generate a new one.',
  0x86: 'Check the user name and password.',
  0x87: `The broker's access rules (ACL) do not let this user or client ID connect: use other credentials or ${ASK_ADMIN}.`,
  0x88: LATER,
  0x89: LATER,
  0x8a: `The broker has banned this client (by client ID, user or address); ${ASK_ADMIN}.`,
  0x8c: 'The broker does not support the authentication method this client asked for.',
  // MQTT 5 §3.2.2.2: in a CONNACK these codes are about the will message carried by the CONNECT.
  0x90: 'The will topic is not a valid topic name.',
  0x95: 'The CONNECT packet (will message or credentials) is larger than the broker accepts.',
  0x97: LATER,
  0x99: 'The will payload does not match its payload format indicator.',
  0x9a: 'The broker does not support retained messages: turn off retain on the will message.',
  0x9b: 'The broker does not support the QoS of the will message: choose a lower QoS.',
  0x9f: 'Wait a little before connecting again: the broker limits how often a client may connect.',
};

/**
 * Refusals where the same CONNECT may succeed later. Anything else (bad credentials, not
 * authorised, banned, bad client ID, unsupported version or auth method, malformed will…)
 * will fail the same way, and repeated bad logins can get an account or address locked.
 */
const RETRYABLE_V5 = new Set([0x88, 0x89, 0x97, 0x9f]);

/** Code in decimal (what mqtt.js reports) and, for MQTT 5, hex (what the spec and broker docs use). */
function codeLabel(code: number, withHex: boolean): string {
  if (!withHex) return `code ${code}`;
  return `code ${code} / 0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
}

/* eslint-disable no-control-regex -- removing control characters is the point */
// C0/C1 controls, and bidi overrides/isolates that could reorder the sentence around the quote.
const UNSAFE_CHARS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */
const MAX_QUOTED = 200;

/**
 * Quotes text that came from the broker (an MQTT 5 Reason String or Server Reference, a
 * WebSocket close reason) so it reads as the broker's own words: control and bidi characters
 * become spaces, whitespace collapses, long text is cut. Returns null for empty text.
 * MQTT 5 §3.2.2.3.9: a Reason String is for diagnostics and is not to be parsed by the client,
 * so it is shown as-is, never interpreted.
 */
export function quoteBrokerText(text: string | undefined): string | null {
  const clean = (text ?? '').replace(UNSAFE_CHARS, ' ').replace(/\s+/g, ' ').trim();
  if (!clean) return null;
  const chars = Array.from(clean);
  const cut = chars.length > MAX_QUOTED ? `${chars.slice(0, MAX_QUOTED).join('')}…` : clean;
  return `“${cut}”`;
}

function brokerSaid(reasonString: string | undefined): string {
  const quoted = quoteBrokerText(reasonString);
  return quoted ? ` The broker said: ${quoted}.` : '';
}

function withAdvice(advice: string | null | undefined): string {
  return advice ? ` ${advice}` : '';
}

/** MQTT 5 §4.11: a Server Reference names the server to use instead; its format is not specified. */
function redirectAdvice(code: number, serverReference: string | undefined): string | null {
  if (code !== 0x9c && code !== 0x9d) return null;
  const ref = quoteBrokerText(serverReference);
  if (!ref) return `It did not say which server to use; ${ASK_ADMIN}.`;
  return code === 0x9c
    ? `It names ${ref}: connect there instead, using its ws:// or wss:// address.`
    : `It names ${ref} as its new address: change the broker URL to its ws:// or wss:// address.`;
}

/**
 * The MQTT 5 name of a reason code in words (MQTT 5 §2.4), or undefined for a code the
 * specification does not define. 0x00 reads as "success".
 */
export function reasonCodeName(code: number): string | undefined {
  return REASON_NAMES[code];
}

/** MQTT 5 CONNACK properties that add to the reason code. */
export interface ConnackDetails {
  /** Reason String (§3.2.2.3.9), quoted as the broker's own words. */
  reasonString?: string | undefined;
  /** Server Reference (§3.2.2.3.16), named for 0x9C use another server / 0x9D server moved. */
  serverReference?: string | undefined;
}

/**
 * Why a broker refused a connection, from its CONNACK code, with what to do where there is
 * an obvious action.
 * @param code CONNACK return code (3.1.1) or reason code (MQTT 5).
 * @param protocolVersion The version this client sent in its CONNECT.
 * @param details MQTT 5 properties of the CONNACK, when it carried any.
 */
export function describeConnackCode(
  code: number,
  protocolVersion: 4 | 5,
  { reasonString, serverReference }: ConnackDetails = {},
): string {
  if (code === 0) return 'The broker accepted the connection (code 0).';
  // A 3.1.1-only broker answers an MQTT 5 CONNECT with its own return code 1 (MQTT 3.1.1
  // §3.1.2.2), which mqtt.js then reads as an MQTT 5 reason code. Codes 2–5 cannot happen
  // that way, and below 0x80 MQTT 5 has no CONNACK refusal codes (§3.2.2.2).
  const v3Shaped = protocolVersion === 4 || code === 1;
  const words = v3Shaped ? CONNACK_V3[code] : code >= 0x80 ? REASON_NAMES[code] : undefined;
  const v5Code = v3Shaped ? V3_TO_V5[code] : code;
  let advice: string | null | undefined =
    v5Code === undefined
      ? null
      : (redirectAdvice(v5Code, serverReference) ?? CONNACK_ADVICE[v5Code]);
  if (v5Code === 0x84) {
    advice =
      protocolVersion === 5
        ? 'Try MQTT 3.1.1 in the connection settings.'
        : 'Try MQTT 5 in the connection settings.';
  }
  return (
    `The broker refused the connection: ${words ?? 'unknown reason'} (${codeLabel(code, !v3Shaped)}).` +
    brokerSaid(reasonString) +
    withAdvice(advice)
  );
}

/**
 * True when the same CONNECT may succeed later (server unavailable or busy, quota or
 * connection rate exceeded), so an automatic reconnect is worth it. False for refusals that
 * will repeat (bad credentials, not authorised, banned, bad client ID, unsupported protocol
 * version or authentication method) and for unknown codes: retrying those only adds load and
 * may get the account or address locked.
 */
export function isRetryableConnackCode(code: number, protocolVersion: 4 | 5): boolean {
  const v5Code = protocolVersion === 4 || code === 1 ? V3_TO_V5[code] : code;
  return v5Code !== undefined && RETRYABLE_V5.has(v5Code);
}

interface DisconnectText {
  /** What happened, as the start of a sentence; the code's name and number follow in brackets. */
  why: string;
  action?: string;
}

/** MQTT 5 §3.14.2.1: the reason codes a broker may put in a DISCONNECT. */
const DISCONNECT_TEXT: Readonly<Record<number, DisconnectText>> = {
  0x80: { why: 'The broker closed the connection', action: SEE_LOG },
  0x81: { why: 'The broker could not parse a packet from this client and closed the connection' },
  0x82: { why: 'This client broke an MQTT protocol rule, so the broker closed the connection' },
  0x83: { why: 'The broker closed the connection for a reason of its own', action: SEE_LOG },
  0x87: {
    why: 'The broker closed the connection because this user may not do what the client just asked',
    action: "Check the broker's access rules (ACL) for this user.",
  },
  0x89: { why: 'The broker is busy and closed the connection', action: LATER },
  0x8b: { why: 'The broker is shutting down', action: 'Connect again once it is back.' },
  // MQTT 5 §3.1.2.10: the broker may close after 1.5 × the keep alive with no packet from the client.
  0x8d: {
    why: 'The broker heard nothing from this client for 1.5 times the keep alive interval, so it closed the connection',
    action:
      'A stalled network or a throttled background tab can cause this; a longer keep alive may help.',
  },
  0x8e: {
    why: 'Another client connected with the same client ID, so the broker closed this one',
    action: 'Use a different client ID (another tab or device may be using this one).',
  },
  0x8f: {
    why: 'The broker does not accept one of this client’s topic filters and closed the connection',
    action: 'Check the subscriptions.',
  },
  0x90: {
    why: 'The broker does not accept a topic this client published to and closed the connection',
    action: 'Check the topic of the last message published.',
  },
  // MQTT 5 §4.9: at most Receive Maximum QoS 1 and 2 messages may await acknowledgement.
  0x93: {
    why: 'This client had more QoS 1 and 2 messages in flight than the broker allows',
    action: 'Publish fewer QoS 1 or 2 messages at once.',
  },
  0x94: { why: 'This client used a topic alias the broker does not accept' },
  0x95: {
    why: 'This client sent a packet larger than the broker’s maximum packet size',
    action: 'Publish a smaller payload.',
  },
  0x96: {
    why: 'This client published faster than the broker allows',
    action: 'Publish less often.',
  },
  0x97: {
    why: 'This client exceeded a quota set on the broker',
    action: `Try again later, or ${ASK_ADMIN} about the quota.`,
  },
  0x98: {
    why: 'An administrator or a broker rule disconnected this client',
    action: `If that was not expected, ${ASK_ADMIN}.`,
  },
  // MQTT 5 §3.3.2.3.2: a payload marked as UTF-8 text must be valid UTF-8.
  0x99: { why: 'A published payload did not match its payload format indicator' },
  0x9a: {
    why: 'The broker does not support retained messages and this client published one',
    action: 'Publish without retain.',
  },
  0x9b: {
    why: 'This client published with a higher QoS than the broker supports',
    action: 'Publish with a lower QoS.',
  },
  0x9c: { why: 'The broker asks this client to use another server for now' },
  0x9d: { why: 'The broker has moved to another server' },
  0x9e: {
    why: 'The broker does not support shared subscriptions and closed the connection',
    action: 'Remove the $share/ subscription.',
  },
  0x9f: {
    why: 'This client connected more often than the broker allows',
    action: 'Wait a little before connecting again.',
  },
  0xa0: {
    why: 'The connection reached the longest time the broker lets a client stay connected',
    action: 'Connect again.',
  },
  0xa1: { why: 'The broker does not support subscription identifiers and closed the connection' },
  0xa2: {
    why: 'The broker does not support wildcard subscriptions (+ and #) and closed the connection',
    action: 'Subscribe to exact topic names.',
  },
};

/**
 * Why the broker closed the connection, from the reason code of a DISCONNECT it sent
 * (MQTT 5 §3.14.2.1), with what to do where there is an obvious action.
 * @param reasonString MQTT 5 Reason String property, quoted as the broker's own words.
 * @param serverReference MQTT 5 Server Reference property, named for 0x9C / 0x9D.
 */
export function describeDisconnectReason(
  code: number,
  reasonString?: string,
  serverReference?: string,
): string {
  const name = code === 0 ? 'normal disconnection' : (REASON_NAMES[code] ?? 'unknown reason');
  const text = DISCONNECT_TEXT[code] ?? { why: 'The broker closed the connection' };
  const advice = redirectAdvice(code, serverReference) ?? text.action;
  return (
    `${text.why} (${name}, ${codeLabel(code, true)}).` +
    brokerSaid(reasonString) +
    withAdvice(advice)
  );
}

/** What to do about a refused subscription (MQTT 5 §3.9.3). */
const SUBACK_ADVICE: Readonly<Record<number, string>> = {
  0x83: SEE_LOG,
  0x87: "The broker's access rules (ACL) do not let this user subscribe to this filter.",
  0x91: 'Try again.',
  0x97: LATER,
  0x9e: 'Subscribe without the $share/ prefix.',
  0xa2: 'Subscribe to exact topic names, without + or #.',
};

/**
 * Why a broker refused a subscription (SUBACK 0x80 in 3.1.1, a reason code ≥ 0x80 in MQTT 5,
 * §3.9.3), or the QoS it granted for 0–2.
 * @param reasonString MQTT 5 Reason String property, quoted as the broker's own words.
 */
export function describeSubackCode(code: number, reasonString?: string): string {
  if (code >= 0 && code <= 2) return `The broker granted the subscription with QoS ${code}.`;
  // 0x80 is the only 3.1.1 failure code (§3.9.3) and "unspecified error" in MQTT 5: both mean no.
  const refusal =
    code === 0x80
      ? 'The broker refused the subscription (not allowed or not supported).'
      : `The broker refused the subscription: ${REASON_NAMES[code] ?? 'unknown reason'} (${codeLabel(code, true)}).`;
  return refusal + brokerSaid(reasonString) + withAdvice(SUBACK_ADVICE[code]);
}

/** What to do about a refused publish (MQTT 5 §3.4.2.1, §3.5.2.1). */
const PUBLISH_ADVICE: Readonly<Record<number, string>> = {
  0x80: SEE_LOG,
  0x83: SEE_LOG,
  0x87: "The broker's access rules (ACL) do not let this user publish to this topic.",
  0x91: 'Try again.',
  0x97: LATER,
  0x99: 'The payload is not valid for the format it declares (UTF-8 text).',
};

/**
 * What a PUBACK, PUBREC or PUBCOMP reason code means for the message sent
 * (MQTT 5 §3.4.2.1, §3.5.2.1, §3.7.2.1).
 * @param reasonString MQTT 5 Reason String property, quoted as the broker's own words.
 */
export function describePublishReason(code: number, reasonString?: string): string {
  if (code === 0) return 'The broker accepted the message.';
  // 0x10 is a success code: the message was accepted, only nobody was subscribed (§3.4.2.1).
  if (code === 0x10) {
    return (
      `The broker accepted the message, but no subscription matched it (no matching subscribers, ${codeLabel(code, true)}).` +
      brokerSaid(reasonString)
    );
  }
  return (
    `The broker did not accept the message: ${REASON_NAMES[code] ?? 'unknown reason'} (${codeLabel(code, true)}).` +
    brokerSaid(reasonString) +
    withAdvice(PUBLISH_ADVICE[code])
  );
}
