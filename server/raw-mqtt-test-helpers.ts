/*
 * MQTT 3.1.1 by hand, for tests that need what mqtt.js hides: every WebSocket frame, a socket
 * that stops reading, a CONNECT with chosen fields. Just CONNECT, SUBSCRIBE and PUBLISH parsing.
 */

function remainingLength(length: number): number[] {
  const bytes: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return bytes;
}

function mqttString(text: string): Buffer {
  const bytes = Buffer.from(text);
  return Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 0xff]), bytes]);
}

function packet(firstByte: number, body: Buffer): Buffer {
  return Buffer.concat([Buffer.from([firstByte, ...remainingLength(body.length)]), body]);
}

/** MQTT 3.1.1 section 3.1: level 4, clean session, keep-alive 60 s; user name and password if given. */
export function connectPacket(
  clientId: string,
  credentials?: { username: string; password: string },
): Buffer {
  const flags = 0x02 | (credentials ? 0xc0 : 0);
  const parts = [mqttString('MQTT'), Buffer.from([4, flags, 0, 60]), mqttString(clientId)];
  if (credentials) parts.push(mqttString(credentials.username), mqttString(credentials.password));
  return packet(0x10, Buffer.concat(parts));
}

/** Section 3.8: packet id 1, one filter at QoS 0. */
export function subscribePacket(filter: string): Buffer {
  return packet(0x82, Buffer.concat([Buffer.from([0, 1]), mqttString(filter), Buffer.from([0])]));
}

/** CONNACK (4 bytes) and SUBACK with one granted QoS (5 bytes): what the raw client waits for. */
export const CONNACK_AND_SUBACK_BYTES = 9;

/** Splits a byte stream into packets and returns the payloads of the PUBLISH packets (QoS 0). */
export function publishPayloads(stream: Buffer): Buffer[] {
  const payloads: Buffer[] = [];
  let offset = 0;
  while (offset < stream.length) {
    const type = (stream[offset] ?? 0) >> 4;
    let length = 0;
    let multiplier = 1;
    let byte = 0x80;
    let cursor = offset + 1;
    while (byte & 0x80) {
      byte = stream[cursor++] ?? 0;
      length += (byte & 0x7f) * multiplier;
      multiplier *= 128;
    }
    const body = stream.subarray(cursor, cursor + length);
    if (type === 3) payloads.push(body.subarray(2 + body.readUInt16BE(0)));
    offset = cursor + length;
  }
  return payloads;
}

/** Polls `ready` every 5 ms; rejects after timeoutMs, naming what it waited for. */
export function waitUntil(ready: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = () => {
      if (ready()) resolve();
      else if (Date.now() > deadline) reject(new Error(`Timed out waiting for ${what}`));
      else setTimeout(check, 5);
    };
    check();
  });
}
