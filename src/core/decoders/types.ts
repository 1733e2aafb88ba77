/**
 * What every payload decoder works with and produces. A decoder is chosen from evidence (the
 * bytes, the topic, MQTT 5 properties), never by trying each one and keeping what parses.
 */

/** How a payload is shown; a new decoder adds its own name here. */
export type PayloadFormat = 'empty' | 'text' | 'json' | 'binary';

/** What is known about a message when it is decoded. */
export interface PayloadEvidence {
  topic: string;
  payload: Uint8Array;
}

/** How much of a payload a decode may read. */
export interface DecodeLimits {
  /** Bytes of text kept for the preview (a cut never splits a UTF-8 character). */
  previewBytes: number;
  /** Bytes shown as hex for binary payloads (hex triples each byte's length). */
  hexBytes: number;
  /** Larger payloads are previewed, never parsed: parsing them would stall the stream. */
  parseBytes: number;
}

export const DEFAULT_DECODE_LIMITS: DecodeLimits = {
  previewBytes: 2_048,
  hexBytes: 256,
  parseBytes: 64 * 1024,
};

/** The one decoded form of a message; every consumer (list, tree, charts) reads this. */
export interface DecodedPayload {
  format: PayloadFormat;
  /** Readable head of the payload: text as sent, or space-separated hex for binary. */
  preview: string;
  /** Size of the whole payload in bytes. */
  size: number;
  /** The preview covers only part of the payload. */
  truncated: boolean;
  /** The structured value (parsed JSON, a decoded message), when the format has one. */
  value?: unknown;
}

export interface PayloadDecoder {
  /** Names the decoder in settings and in tests. */
  readonly id: string;
  /** Whether the evidence says this decoder applies. Cheap: runs before decode. */
  canDecode(evidence: PayloadEvidence, limits: DecodeLimits): boolean;
  /** The decoded payload, or null when a closer look shows it does not apply after all. */
  decode(evidence: PayloadEvidence, limits: DecodeLimits): DecodedPayload | null;
}
