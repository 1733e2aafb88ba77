/**
 * A classic hex dump (`hexdump -C` layout), made one line at a time: the detail view
 * virtualises the dump, so a 16 MB payload costs only the lines on screen.
 */

/** Bytes shown on one line of the dump. */
export const HEX_DUMP_BYTES_PER_LINE = 16;

const HALF = HEX_DUMP_BYTES_PER_LINE / 2;
/** Width of the hex columns of a full line, so a short last line keeps the text column aligned. */
const HEX_WIDTH = HEX_DUMP_BYTES_PER_LINE * 3 + 1;

/** How many lines the dump of `length` bytes has; an empty payload has none. */
export function hexDumpLineCount(length: number): number {
  if (!Number.isFinite(length) || length <= 0) return 0;
  return Math.ceil(length / HEX_DUMP_BYTES_PER_LINE);
}

function hexByte(b: number): string {
  return b < 0x10 ? '0' + b.toString(16) : b.toString(16);
}

/** Printable ASCII only: a control byte or a byte of a multi-byte character would garble the column. */
function asciiChar(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.';
}

/**
 * Line `lineIndex` (0-based) of the dump of `bytes`:
 * `00000010  7b 22 61 22 3a 20 31 7d  0a 00 ff 00 00 00 00 00  |{"a": 1}........|`.
 * The offset is hex, at least 8 digits; the two groups of 8 bytes are split by an extra
 * space; the right column shows printable ASCII and `.` for any other byte. A line past the
 * end (or a negative or fractional index) is the empty string.
 */
export function hexDumpLine(bytes: Uint8Array, lineIndex: number): string {
  if (!Number.isInteger(lineIndex) || lineIndex < 0) return '';
  const start = lineIndex * HEX_DUMP_BYTES_PER_LINE;
  if (start >= bytes.length) return '';
  const end = Math.min(bytes.length, start + HEX_DUMP_BYTES_PER_LINE);
  let hex = '';
  let ascii = '';
  for (let i = start; i < end; i++) {
    const b = bytes[i] as number;
    if (i - start === HALF) hex += ' ';
    hex += hexByte(b) + ' ';
    ascii += asciiChar(b);
  }
  return `${start.toString(16).padStart(8, '0')}  ${hex.padEnd(HEX_WIDTH)} |${ascii}|`;
}
