import { formatBytes } from '../payload.ts';
import type { DecodeLimits, DecodedPayload, FormatDecoder, PayloadDecoder } from './types.ts';
import { isReadableUtf8, previewEnd, textPreview, utf8Decoder } from './utf8.ts';

/** Whether the first byte after JSON whitespace (RFC 8259 §2) is `{` or `[`. */
function startsLikeJsonContainer(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return b === 0x7b || b === 0x5b;
  }
  return false;
}

/** The payload parsed as JSON, or the reason it is not JSON. */
function parseJson(payload: Uint8Array, limits: DecodeLimits): DecodedPayload | string {
  if (payload.length > limits.parseBytes) {
    return `it is larger than ${formatBytes(limits.parseBytes)}, too large to parse`;
  }
  if (!isReadableUtf8(payload)) return 'it is not readable UTF-8 text';
  const text = utf8Decoder.decode(payload);
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    // SyntaxError for malformed input; RangeError where an engine recurses on deep nesting.
    return `it is not valid JSON (${error instanceof Error ? error.message : String(error)})`;
  }
  const end = previewEnd(payload, limits.previewBytes);
  const truncated = end < payload.length;
  const preview = truncated ? textPreview(payload, end) : text;
  return { format: 'json', preview, size: payload.length, truncated, value };
}

/**
 * A whole JSON object or array. Plain numbers and words, which most sensors send, are left
 * to the text decoder: the first byte rules them out before any parse.
 */
export const jsonDecoder: PayloadDecoder = {
  id: 'json',
  canDecode: ({ payload }, limits) =>
    payload.length <= limits.parseBytes && startsLikeJsonContainer(payload),
  decode({ payload }, limits) {
    const parsed = parseJson(payload, limits);
    return typeof parsed === 'string' ? null : parsed;
  },
};

/**
 * JSON because the evidence says so (an `application/json` content type, a rule): any JSON
 * value, a bare `21.5` or `"on"` too.
 */
export const jsonFormatDecoder: FormatDecoder = {
  id: 'json',
  decode({ payload }, limits) {
    const parsed = parseJson(payload, limits);
    if (typeof parsed === 'string') throw new Error(parsed);
    return parsed;
  },
};
