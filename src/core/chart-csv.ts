import { csvField } from './recorder/export-format.ts';

export interface PlottedLine {
  topic: string;
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * What a chart plots, as CSV (RFC 4180, CRLF): `time,topic,value`, time in ISO 8601 UTC, rows in
 * time order across lines. Topics go through `csvField`, so one that starts with `=` stays text
 * in a spreadsheet.
 */
export function plottedCsv(lines: readonly PlottedLine[]): string {
  const rows: { time: number; topic: string; value: number }[] = [];
  for (const line of lines) {
    const count = Math.min(line.times.length, line.values.length);
    for (let i = 0; i < count; i += 1) {
      rows.push({
        time: line.times[i] as number,
        topic: line.topic,
        value: line.values[i] as number,
      });
    }
  }
  rows.sort((a, b) => a.time - b.time);
  let out = 'time,topic,value\r\n';
  for (const row of rows) {
    const time = Number.isFinite(row.time) ? new Date(row.time).toISOString() : '';
    out += `${time},${csvField(row.topic)},${String(row.value)}\r\n`;
  }
  return out;
}
