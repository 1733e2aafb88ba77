/**
 * What every payload decoder works with and produces. A decoder is chosen from evidence (the
 * bytes, the topic, MQTT 5 properties, a rule the user set), never by trying each one and
 * keeping what parses.
 */
import type { MessageProperties } from '../recorder/message-properties.ts';
import type { DecoderRule } from './decoder-rules.ts';

/** How a payload is shown; a new decoder adds its own name here. */
export type PayloadFormat =
  'empty' | 'text' | 'json' | 'binary' | 'sparkplug' | 'protobuf' | 'cbor' | 'msgpack';

/** The decoders a rule, a content type or a topic namespace can choose. */
export type DecoderId = 'text' | 'json' | 'binary' | 'sparkplug' | 'protobuf' | 'cbor' | 'msgpack';

/** What is known about a message when it is decoded. */
export interface PayloadEvidence {
  topic: string;
  payload: Uint8Array;
  /** The MQTT 5 properties it came with: the content type and payload format indicator. */
  properties?: MessageProperties | null;
  /** The user's rule that covers the topic; the registry fills it in when one does. */
  rule?: DecoderRule | null;
  /**
   * Set for a message as it arrives, not for one read back from the recorder: only these may
   * teach a decoder something (a Sparkplug BIRTH's metric aliases).
   */
  live?: boolean;
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
  /**
   * Readable head of the payload: text as sent, space-separated hex for binary, or a compact
   * JSON-like text of a decoded value (Sparkplug: metric names with their values).
   */
  preview: string;
  /** Size of the whole payload in bytes. */
  size: number;
  /** The preview covers only part of the payload. */
  truncated: boolean;
  /**
   * The structured value (parsed JSON, a decoded message), when the format has one: plain
   * objects, arrays, strings, numbers, booleans and null only, so it survives structured clone
   * and a JSON path reads it like parsed JSON.
   */
  value?: unknown;
  /** Why the payload is not shown as the evidence said it would be (a malformed CBOR item…). */
  note?: string;
}

/** A decoder of the default chain: it decides from the bytes alone (empty, JSON, text, hex). */
export interface PayloadDecoder {
  /** Names the decoder in settings and in tests. */
  readonly id: string;
  /** Whether the evidence says this decoder applies. Cheap: runs before decode. */
  canDecode(evidence: PayloadEvidence, limits: DecodeLimits): boolean;
  /** The decoded payload, or null when a closer look shows it does not apply after all. */
  decode(evidence: PayloadEvidence, limits: DecodeLimits): DecodedPayload | null;
}

/** A user's .proto, parsed: its message types and what the Protobuf decoder needs to read them. */
export interface CompiledSchema {
  /** Fully qualified names without the leading dot, e.g. `demo.Reading`. */
  readonly messageTypes: readonly string[];
  /** The decoder's own form of the schema (protobufjs reflection); opaque to the registry. */
  readonly handle: unknown;
}

export type SchemaCompileResult =
  { ok: true; schema: CompiledSchema } | { ok: false; reason: string };

/** Per-connection state that decoders read and keep between messages. */
export interface DecodeContext {
  /** The .proto schemas registered on the connection that compiled, by id. */
  readonly schemas: ReadonlyMap<string, CompiledSchema>;
  /** What a decoder remembers between messages (Sparkplug's metric aliases), by decoder id. */
  readonly memory: Map<string, unknown>;
}

/**
 * A decoder chosen by evidence (a rule, an MQTT 5 content type, a topic namespace). It reads
 * the payload as its format or throws an Error whose message says what is wrong; the registry
 * then shows the payload as the default chain would, with that message as the note.
 */
export interface FormatDecoder {
  readonly id: DecoderId;
  decode(evidence: PayloadEvidence, limits: DecodeLimits, context: DecodeContext): DecodedPayload;
  /** Parses a user's schema text (the Protobuf decoder only). */
  compileSchema?(text: string): SchemaCompileResult;
}
