/**
 * Writing recorded messages to a file: JSON Lines (our format, read back by
 * {@link ./import-format.ts}) and CSV (RFC 4180, for spreadsheets). A payload that is readable
 * UTF-8 is written as text, anything else as base64, and the line says which.
 */
import { bytesToBase64 } from '../base64.ts';
import { isReadableUtf8, utf8Decoder } from '../decoders/utf8.ts';
import { toHex } from '../payload.ts';
import type { MessageProperties } from './message-properties.ts';
import type { RecordedMessage } from './message-store.ts';

export type ExportFormat = 'jsonl' | 'csv';

/** The first line of a JSON Lines export: what the file is, so an import can tell. */
export const RECORDING_KIND = 'mqtt-scope-recording';
export const RECORDING_VERSION = 1;

/** A recorded message and the name of the connection it came from. */
export type ExportMessage = Pick<
  RecordedMessage,
  | 'time'
  | 'topic'
  | 'qos'
  | 'retain'
  | 'dup'
  | 'published'
  | 'size'
  | 'cut'
  | 'payload'
  | 'properties'
> & { connection: string };

/** One message as a line of our JSON Lines format. */
export interface RecordingLine {
  time: string;
  ts: number;
  connection: string;
  topic: string;
  qos: 0 | 1 | 2;
  retain: boolean;
  dup?: boolean;
  direction: 'received' | 'sent';
  /** Present when the payload is readable text… */
  payload?: string;
  /** …otherwise the bytes in base64. */
  payloadBase64?: string;
  size: number;
  cut?: boolean;
  properties?: Record<string, unknown>;
}

const CSV_COLUMNS = [
  'time',
  'connection',
  'topic',
  'direction',
  'qos',
  'retain',
  'size',
  'cut',
  'payload_encoding',
  'payload',
  'properties',
];

/** The file's first line. */
export function exportHeader(format: ExportFormat, exportedAt: number): string {
  if (format === 'csv') return `${CSV_COLUMNS.join(',')}\r\n`;
  return `${JSON.stringify({ kind: RECORDING_KIND, version: RECORDING_VERSION, exportedAt: new Date(exportedAt).toISOString() })}\n`;
}

/** One message, as one line (CSV lines end in CRLF, as RFC 4180 says). */
export function exportLine(format: ExportFormat, message: ExportMessage): string {
  const text = isReadableUtf8(message.payload) ? utf8Decoder.decode(message.payload) : null;
  const properties = message.properties ? portableProperties(message.properties) : null;
  if (format === 'csv') {
    return `${[
      new Date(message.time).toISOString(),
      message.connection,
      message.topic,
      message.published ? 'sent' : 'received',
      String(message.qos),
      String(message.retain),
      String(message.size),
      String(message.cut),
      text === null ? 'base64' : 'text',
      text ?? bytesToBase64(message.payload),
      properties ? JSON.stringify(properties) : '',
    ]
      .map(csvField)
      .join(',')}\r\n`;
  }
  const line: RecordingLine = {
    time: new Date(message.time).toISOString(),
    ts: message.time,
    connection: message.connection,
    topic: message.topic,
    qos: message.qos,
    retain: message.retain,
    direction: message.published ? 'sent' : 'received',
    size: message.size,
  };
  if (message.dup) line.dup = true;
  if (text === null) line.payloadBase64 = bytesToBase64(message.payload);
  else line.payload = text;
  if (message.cut) line.cut = true;
  if (properties) line.properties = properties;
  return `${JSON.stringify(line)}\n`;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
export function csvField(value: string): string {
  // A leading = + - @ makes spreadsheets run the cell as a formula: a payload must stay data.
  // Plain numbers (-3.5) are left alone; they are what sensors send.
  const safe = /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Properties as JSON can hold them: correlation data (bytes) as hex. */
function portableProperties(properties: MessageProperties): Record<string, unknown> {
  const { correlationData, ...rest } = properties;
  return correlationData ? { ...rest, correlationDataHex: toHex(correlationData) } : { ...rest };
}
