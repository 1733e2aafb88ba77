/**
 * Words for the numeric codes a broker answers with, so the UI never shows a bare number.
 * MQTT 3.1.1 §3.2.2.3 (CONNACK return codes) and MQTT 5 §2.4 (reason codes).
 */

const CONNACK_V3: Record<number, string> = {
  1: 'the broker does not accept this MQTT version',
  2: 'the broker rejected the client ID',
  3: 'the MQTT service is unavailable',
  4: 'bad user name or password',
  5: 'not authorised',
};

const REASONS_V5: Record<number, string> = {
  128: 'unspecified error',
  129: 'malformed packet',
  130: 'protocol error',
  131: 'implementation-specific error',
  132: 'unsupported protocol version',
  133: 'client identifier not valid',
  134: 'bad user name or password',
  135: 'not authorised',
  136: 'server unavailable',
  137: 'server busy',
  138: 'banned',
  140: 'bad authentication method',
  143: 'topic filter invalid',
  144: 'topic name invalid',
  145: 'packet identifier in use',
  149: 'packet too large',
  151: 'quota exceeded',
  153: 'payload format invalid',
  154: 'retain not supported',
  155: 'QoS not supported',
  156: 'use another server',
  157: 'server moved',
  158: 'shared subscriptions not supported',
  159: 'connection rate exceeded',
  161: 'subscription identifiers not supported',
  162: 'wildcard subscriptions not supported',
};

/** Why a broker refused a connection, from its CONNACK code. */
export function describeConnackCode(code: number, protocolVersion: 4 | 5): string {
  const words = protocolVersion === 5 ? REASONS_V5[code] : CONNACK_V3[code];
  return `The broker refused the connection: ${words ?? 'unknown reason'} (code ${code}).`;
}

/** Why a broker refused a subscription (SUBACK 0x80 in 3.1.1, a reason code ≥ 128 in MQTT 5). */
export function describeSubackCode(code: number): string {
  if (code === 128) return 'The broker refused the subscription (not allowed or not supported).';
  const words = REASONS_V5[code];
  return `The broker refused the subscription: ${words ?? 'unknown reason'} (code ${code}).`;
}

/** Why a PUBACK or PUBREC reported failure (MQTT 5 §3.4.2.1). */
export function describePublishReason(code: number): string {
  const words = code === 16 ? 'no subscribers matched' : REASONS_V5[code];
  return `The broker did not accept the message: ${words ?? 'unknown reason'} (code ${code}).`;
}
