import { csvField } from './recorder/export-format.ts';

export interface PlottedLine {
  topic: string;
  /** Which of the chart's series drew it, when it has several (a `series` column is added). */
  series?: string;
  times: ArrayLike<number>;
  values: ArrayLike<number>;
}

/**
 * What a chart plots, as CSV (RFC 4180, CRLF): `time,topic,value`, time in ISO 8601 UTC, rows in
 * time order across lines, and a `series` column when the lines come from several series.
 * Text goes through `csvField`, so a topic that starts with `=` stays text in a spreadsheet.
 */
export function plottedCsv(lines: readonly PlottedLine[]): string {
  const rows: { time: number; topic: string; value: number; series: string }[] = [];
  const withSeries = lines.some((line) => line.series !== undefined);
  for (const line of lines) {
    const count = Math.min(line.times.length, line.values.length);
    for (let i = 0; i < count; i += 1) {
      rows.push({
        time: line.times[i] as number,
        topic: line.topic,
        value: line.values[i] as number,
        series: line.series ?? '',
      });
    }
  }
  rows.sort((a, b) => a.time - b.time);
  let out = withSeries ? 'time,topic,value,series\r\n' : 'time,topic,value\r\n';
  for (const row of rows) {
    const time = Number.isFinite(row.time) ? new Date(row.time).toISOString() : '';
    out += `${time},${csvField(row.topic)},${String(row.value)}`;
    out += withSeries ? `,${csvField(row.series)}\r\n` : '\r\n';
  }
  return out;
}
