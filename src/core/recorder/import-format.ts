/**
 * Reading a recording back: our JSON Lines export, checked line by line. A file that is not
 * ours is refused in words; a damaged line (a truncated file's last one, a hand edit) is
 * skipped and counted, and the rest is kept.
 */
import { base64ToBytes } from '../base64.ts';
import { RECORDING_KIND, RECORDING_VERSION } from './export-format.ts';
import { toMessageProperties } from './message-properties.ts';
import type { RecordInput } from './message-store.ts';

export interface ImportedRecording {
  messages: RecordInput[];
  /** Connection names found in the file, in order of first appearance. */
  connections: string[];
  /** 1-based numbers of the lines that could not be read (first few). */
  skippedLines: number[];
  skipped: number;
}

export type ImportResult =
  { ok: true; recording: ImportedRecording } | { ok: false; reason: string };

const MAX_SKIPPED_LISTED = 10;
/** The largest time a Date holds: 100,000,000 days either side of 1970. */
const MAX_TIME_MS = 8.64e15;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

const encoder = new TextEncoder();

/** One message line, or null when it is not one. */
function readLine(value: unknown): (RecordInput & { connection: string }) | null {
  if (!isRecord(value)) return null;
  const { ts, topic, qos, retain } = value;
  // A time a Date can hold (ECMA-262 §21.4.1.22): anything else could not be shown or exported.
  if (typeof ts !== 'number' || !(Math.abs(ts) <= MAX_TIME_MS)) return null;
  if (typeof topic !== 'string' || topic === '') return null;
  if (qos !== 0 && qos !== 1 && qos !== 2) return null;
  let payload: Uint8Array;
  if (typeof value.payload === 'string') payload = encoder.encode(value.payload);
  else if (typeof value.payloadBase64 === 'string') {
    const decoded = base64ToBytes(value.payloadBase64);
    if (!decoded.ok) return null;
    payload = decoded.bytes;
  } else return null;
  return {
    time: ts,
    topic,
    qos,
    retain: retain === true,
    dup: value.dup === true,
    published: value.direction === 'sent',
    payload,
    properties: importedProperties(value.properties),
    connection: typeof value.connection === 'string' ? value.connection : '',
  };
}

/**
 * The export writes correlation data (bytes) as `correlationDataHex`, spaced hex; the other
 * properties read as mqtt.js gives them. Hex that is not whole bytes is dropped, not guessed at.
 */
function importedProperties(raw: unknown): RecordInput['properties'] {
  if (!isRecord(raw) || typeof raw.correlationDataHex !== 'string') return toMessageProperties(raw);
  const { correlationDataHex, ...rest } = raw;
  const hex = correlationDataHex.replace(/\s+/g, ''); // written as `ca fe`
  const bytes = /^(?:[0-9a-f]{2})*$/i.test(hex)
    ? Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16))
    : null;
  return toMessageProperties(bytes ? { ...rest, correlationData: bytes } : rest);
}

/** Reads a JSON Lines recording exported by MQTT Scope. */
export function parseRecording(text: string): ImportResult {
  const lines = text.split('\n');
  const first = lines[0]?.trim() ?? '';
  const header = parseJson(first);
  if (!isRecord(header) || header.kind !== RECORDING_KIND) {
    if (first.startsWith('time,connection,topic'))
      return {
        ok: false,
        reason:
          'This is a CSV export. Only the JSON Lines export (.jsonl) can be opened again: export as JSON Lines.',
      };
    return {
      ok: false,
      reason:
        'This file is not an MQTT Scope recording: its first line should say "mqtt-scope-recording". Export one with "Export… → JSON Lines".',
    };
  }
  // Never String() the version itself: a parsed {"toString": 1} makes String() throw.
  if (typeof header.version !== 'number')
    return {
      ok: false,
      reason: `This recording's first line is damaged: its format version is not a number (this MQTT Scope reads version ${RECORDING_VERSION}).`,
    };
  if (header.version > RECORDING_VERSION)
    return {
      ok: false,
      reason: `This recording was written by a newer MQTT Scope (format version ${header.version}); this one reads version ${RECORDING_VERSION}.`,
    };

  const messages: RecordInput[] = [];
  const connections: string[] = [];
  const skippedLines: number[] = [];
  let skipped = 0;
  for (let index = 1; index < lines.length; index += 1) {
    const raw = lines[index]?.trim() ?? '';
    if (raw === '') continue;
    const message = readLine(parseJson(raw));
    if (!message) {
      skipped += 1;
      if (skippedLines.length < MAX_SKIPPED_LISTED) skippedLines.push(index + 1);
      continue;
    }
    const { connection, ...input } = message;
    if (connection && !connections.includes(connection)) connections.push(connection);
    messages.push(input);
  }
  // Older first, whatever order the file had: the recorder numbers messages as they come.
  messages.sort((a, b) => a.time - b.time);
  return { ok: true, recording: { messages, connections, skippedLines, skipped } };
}
