import { binaryFormatDecoder } from './binary-decoder.ts';
import { jsonFormatDecoder } from './json-decoder.ts';
import { isSparkplugBirthTopic, isSparkplugPayloadTopic } from './sparkplug-topic.ts';
import { textFormatDecoder } from './text-decoder.ts';
import type { DecoderId, FormatDecoder } from './types.ts';

/**
 * What the registry knows about a decoder before its code is loaded: how evidence chooses it
 * (content types, a topic namespace) and how to get it. Everything here is in the first load
 * and runs per message, so it is cheap; the decoder itself (and its library) is fetched by
 * `load` the first time a message needs it, as a separate chunk of the worker.
 */
export interface DecoderEntry {
  readonly id: DecoderId;
  /** How a note names it: "Could not decode as CBOR…". */
  readonly label: string;
  /** MQTT 5 content types that choose it: lower case, without parameters. */
  readonly contentTypes: readonly string[];
  /** A structured syntax suffix that chooses it (RFC 6839: `+json`, `+cbor`). */
  readonly suffix?: string;
  /** Whether the topic alone chooses it (Sparkplug's namespace). Runs for every message. */
  readonly claimsTopic?: (topic: string) => boolean;
  /**
   * Whether a message on this topic teaches the decoder something later messages need (a
   * Sparkplug BIRTH's aliases): it is decoded as it arrives, in order, even if no view shows it.
   */
  readonly teachesTopic?: (topic: string) => boolean;
  /** The decoder: at hand for the small built-in ones, fetched on first need for the others. */
  readonly load: () => FormatDecoder | Promise<FormatDecoder>;
}

/** The decoders that evidence can choose. A new one is a file and an entry here. */
export const DEFAULT_DECODER_ENTRIES: readonly DecoderEntry[] = [
  {
    id: 'json',
    label: 'JSON',
    contentTypes: ['application/json', 'text/json'],
    suffix: '+json',
    load: () => jsonFormatDecoder,
  },
  { id: 'text', label: 'text', contentTypes: [], load: () => textFormatDecoder },
  { id: 'binary', label: 'hex', contentTypes: [], load: () => binaryFormatDecoder },
  {
    id: 'sparkplug',
    label: 'Sparkplug B',
    contentTypes: [],
    claimsTopic: isSparkplugPayloadTopic,
    teachesTopic: isSparkplugBirthTopic,
    load: () => import('./sparkplug-decoder.ts').then((module) => module.sparkplugDecoder),
  },
  {
    id: 'protobuf',
    label: 'Protobuf',
    contentTypes: [
      'application/x-protobuf',
      'application/protobuf',
      'application/vnd.google.protobuf',
      'application/x-google-protobuf',
    ],
    suffix: '+proto',
    load: () => import('./protobuf-decoder.ts').then((module) => module.protobufDecoder),
  },
  {
    id: 'cbor',
    label: 'CBOR',
    contentTypes: ['application/cbor'],
    suffix: '+cbor',
    load: () => import('./cbor-decoder.ts').then((module) => module.cborDecoder),
  },
  {
    id: 'msgpack',
    label: 'MessagePack',
    contentTypes: ['application/msgpack', 'application/x-msgpack', 'application/vnd.msgpack'],
    load: () => import('./msgpack-decoder.ts').then((module) => module.msgpackDecoder),
  },
];
