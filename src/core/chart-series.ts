/**
 * The series of one time chart (issue 15): its filter and value, and up to four more series
 * from other filters or other fields, each with a display name for its lines. Pure reading,
 * validation and naming, shared by the worker (which keys lines by series) and the page.
 */

import { parseJsonPath } from './json-path.ts';
import { validateTopicFilter } from './topic-filter.ts';
import { distinctLabels } from './topic-label.ts';

/** One more series on a chart: another filter and value, named in the legend. */
export interface ExtraSeries {
  filter: string;
  /** Where the number is in a JSON payload; empty when the payload is the number. */
  jsonPath: string;
  /** Shown for its lines in the legend; empty names them by topic. */
  name: string;
}

/** A chart draws its own series and at most this many more. */
export const MAX_EXTRA_SERIES = 4;
export const MAX_SERIES_NAME = 40;

/** The chart fields that say which series it draws and what they are called. */
export interface ChartSeriesFields {
  /** The display name of the chart's own series (its filter and field); empty is none. */
  seriesName?: string;
  extraSeries?: ExtraSeries[];
}

/**
 * A line's identity within its chart: its topic for the chart's own series, `topic#n` for the
 * n-th extra one. `#` can never be in a topic name (MQTT §4.7.1), so the key is unambiguous
 * and a chart saved before extra series existed keeps its chosen topics.
 */
export function lineKey(topic: string, source: number): string {
  return source === 0 ? topic : `${topic}#${source}`;
}

export function splitLineKey(key: string): { topic: string; source: number } {
  const at = key.lastIndexOf('#');
  if (at < 0) return { topic: key, source: 0 };
  const source = Number(key.slice(at + 1));
  return Number.isInteger(source) && source > 0
    ? { topic: key.slice(0, at), source }
    : { topic: key, source: 0 };
}

/** Why `series` cannot be a chart's extra series, or null when it can. */
export function extraSeriesProblem(series: unknown): string | null {
  if (!Array.isArray(series)) return '"extraSeries" must be a list';
  if (series.length > MAX_EXTRA_SERIES)
    return `a chart has at most ${MAX_EXTRA_SERIES} more series`;
  for (const [index, entry] of series.entries()) {
    const problem = oneSeriesProblem(entry);
    if (problem) return `series ${index + 2}: ${problem}`;
  }
  return null;
}

function oneSeriesProblem(entry: unknown): string | null {
  if (typeof entry !== 'object' || entry === null) return 'it must be an object';
  const { filter, jsonPath, name } = entry as Record<string, unknown>;
  if (typeof filter !== 'string') return 'its topic filter must be text';
  const validation = validateTopicFilter(filter);
  if (!validation.ok) return validation.reason;
  if (typeof jsonPath !== 'string') return 'its JSON field must be text';
  const path = parseJsonPath(jsonPath);
  if (!path.ok) return path.reason;
  if (typeof name !== 'string' || name.length > MAX_SERIES_NAME)
    return `its name must be text of at most ${MAX_SERIES_NAME} characters`;
  return null;
}

/**
 * The series fields of a saved or imported chart, or a reason they cannot be read. Only what
 * is set is returned, so a chart without extra series saves as it did before they existed.
 */
export function readChartSeries(fields: Record<string, unknown>): ChartSeriesFields | string {
  const { seriesName, extraSeries } = fields;
  const read: ChartSeriesFields = {};
  if (seriesName !== undefined) {
    if (typeof seriesName !== 'string' || seriesName.length > MAX_SERIES_NAME)
      return `"seriesName" must be text of at most ${MAX_SERIES_NAME} characters`;
    if (seriesName !== '') read.seriesName = seriesName;
  }
  if (extraSeries !== undefined) {
    const problem = extraSeriesProblem(extraSeries);
    if (problem) return problem;
    const list = (extraSeries as ExtraSeries[]).map(({ filter, jsonPath, name }) => ({
      filter,
      jsonPath,
      name,
    }));
    if (list.length > 0) read.extraSeries = list;
  }
  return read;
}

/** `target` with `series` set, empty names and lists left out (as readChartSeries leaves them). */
export function withChartSeries<T extends ChartSeriesFields>(
  target: T,
  series: ChartSeriesFields,
): T {
  const next: T = { ...target };
  delete next.seriesName;
  delete next.extraSeries;
  if (series.seriesName) next.seriesName = series.seriesName;
  if (series.extraSeries && series.extraSeries.length > 0)
    next.extraSeries = series.extraSeries.map((entry) => ({ ...entry }));
  return next;
}

/** What a legend needs of a chart to name its lines. */
export interface NamedSeries extends ChartSeriesFields {
  filter: string;
  jsonPath: string;
}

/**
 * A legend name per line: the series' display name (with the topic's short label when the
 * series has several lines), else the short label of the topic within its filter. Two lines
 * that would read the same (one topic read at two fields) are told apart by their field.
 */
export function lineLabels(
  chart: NamedSeries,
  lines: readonly { topic: string; source?: number }[],
): string[] {
  const sources = [
    { filter: chart.filter, jsonPath: chart.jsonPath, name: chart.seriesName ?? '' },
    ...(chart.extraSeries ?? []),
  ];
  const labels = new Array<string>(lines.length).fill('');
  sources.forEach((source, index) => {
    const at: number[] = [];
    lines.forEach((line, lineIndex) => {
      if ((line.source ?? 0) === index) at.push(lineIndex);
    });
    if (at.length === 0) return;
    const short = distinctLabels(
      source.filter,
      at.map((lineIndex) => (lines[lineIndex] as { topic: string }).topic),
    );
    at.forEach((lineIndex, i) => {
      const topicLabel = short[i] ?? '';
      labels[lineIndex] = !source.name
        ? topicLabel
        : at.length > 1
          ? `${source.name} · ${topicLabel}`
          : source.name;
    });
  });
  const seen = new Map<string, number>();
  for (const label of labels) seen.set(label, (seen.get(label) ?? 0) + 1);
  return labels.map((label, lineIndex) => {
    if ((seen.get(label) ?? 0) < 2) return label;
    const source = lines[lineIndex]?.source ?? 0;
    const field = sources[source]?.jsonPath;
    return field ? `${label} · ${field}` : `${label} (series ${source + 1})`;
  });
}

/** The name of a chart's n-th series (0 is its own): its display name, else its field, else its number. */
export function seriesLabel(chart: NamedSeries, source: number): string {
  const series =
    source === 0
      ? { name: chart.seriesName ?? '', jsonPath: chart.jsonPath }
      : chart.extraSeries?.[source - 1];
  return series?.name || series?.jsonPath || `series ${source + 1}`;
}

/** A line key as a person reads it: the topic, and which series when the chart has several. */
export function describeLineKey(chart: NamedSeries, key: string): string {
  const { topic, source } = splitLineKey(key);
  return chart.extraSeries?.length ? `${topic} (${seriesLabel(chart, source)})` : topic;
}
