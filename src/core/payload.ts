/** Byte-level helpers for showing payloads: hex, sizes, and a cheap JSON test. */

const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b.toString(16).padStart(2, '0'),
);

/**
 * Space-separated lower-case hex of the first `maxBytes` bytes (all by default),
 * e.g. `de ad be ef`.
 */
export function toHex(bytes: Uint8Array, maxBytes: number = bytes.length): string {
  const n = Math.min(bytes.length, Math.max(0, maxBytes));
  if (n === 0) return '';
  let out = HEX_PAIRS[bytes[0] as number] as string;
  for (let i = 1; i < n; i++) out += ' ' + (HEX_PAIRS[bytes[i] as number] as string);
  return out;
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

/** Human byte size with 1024 steps: `512 B`, `1.5 KB`, `16.0 MB`. */
export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 1024)
    return `${Number.isFinite(n) ? Math.max(0, Math.round(n)) : 0} B`;
  let value = n;
  let unit = 0;
  // Step up while the one-decimal rendering would reach 1024 (1023.97 KB shows as 1.0 MB).
  while (value >= 1023.95 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${UNITS[unit]}`;
}

/**
 * Whether the first character after JSON whitespace (RFC 8259 §2) is `{` or `[`: a cheap
 * test that lets callers skip `JSON.parse` for the plain numbers and words most sensors send.
 */
export function looksLikeJsonContainer(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return c === 0x7b || c === 0x5b;
  }
  return false;
}
