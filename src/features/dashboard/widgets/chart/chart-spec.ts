import { readChartLook, withChartLook } from '../../../../core/chart-look.ts';
import type { ChartLook } from '../../../../core/chart-look.ts';
import { readChartSeries, withChartSeries } from '../../../../core/chart-series.ts';
import type { ChartSeriesFields } from '../../../../core/chart-series.ts';
import {
  CHART_WINDOWS,
  chartWindow,
  DEFAULT_CHART_WINDOW_MS,
} from '../../../charts/charts-store.ts';
import type { ChartSpec } from '../../../charts/charts-store.ts';
import { number, SpecProblem, text } from '../spec-reader.ts';
import type { Fields } from '../spec-reader.ts';

/** As many lines as a chart may be told to draw (one per colour of the palette). */
const MAX_CHOSEN_TOPICS = 20;

/**
 * A time chart on the grid: one line per topic its filter matches, over a window. It is the
 * same chart as the Charts panel's (LiveChart), fed by the same series in the worker.
 */
export interface ChartWidgetOptions extends Partial<ChartLook>, ChartSeriesFields {
  kind: 'chart';
  unit: string;
  /** One of CHART_WINDOWS. */
  windowMs: number;
  /** The lines the user chose to draw (keys, see core/chart-series); absent draws the first that arrive. */
  topics?: string[];
}

export const CHART_WIDGET_DEFAULTS: ChartWidgetOptions = {
  kind: 'chart',
  unit: '',
  windowMs: DEFAULT_CHART_WINDOW_MS,
};

function readTopics(fields: Fields): { topics?: string[] } {
  const { topics } = fields;
  if (topics === undefined) return {};
  if (
    !Array.isArray(topics) ||
    topics.length > MAX_CHOSEN_TOPICS ||
    !topics.every((topic) => typeof topic === 'string' && topic.length > 0)
  )
    throw new SpecProblem(`"topics" must be a list of at most ${MAX_CHOSEN_TOPICS} topics`);
  return { topics: [...(topics as string[])] };
}

export function readChartWidget(fields: Fields): ChartWidgetOptions {
  const windowMs = number(fields, 'windowMs');
  if (!CHART_WINDOWS.some((option) => option.ms === windowMs))
    throw new SpecProblem(
      `"windowMs" must be one of ${CHART_WINDOWS.map((option) => option.ms).join(', ')}`,
    );
  const look = readChartLook(fields);
  if (!look) throw new SpecProblem('its "style", "thresholds" or "bands" cannot be read');
  const series = readChartSeries(fields);
  if (typeof series === 'string') throw new SpecProblem(series);
  const options: ChartWidgetOptions = {
    kind: 'chart',
    unit: text(fields, 'unit', { max: 20 }),
    windowMs,
    ...readTopics(fields),
  };
  return withChartSeries(withChartLook(options, look), series);
}

/** What a chart widget reads and shows, as the chart itself takes it. */
export interface ChartWidgetSource extends ChartWidgetOptions {
  id: string;
  title: string;
  connectionId: string;
  filter: string;
  jsonPath: string;
}

export function chartOfWidget(widget: ChartWidgetSource): ChartSpec {
  const chart: ChartSpec = {
    id: widget.id,
    connectionId: widget.connectionId,
    title: widget.title || widget.filter,
    filter: widget.filter,
    jsonPath: widget.jsonPath,
    unit: widget.unit,
    windowMs: widget.windowMs,
  };
  if (widget.topics) chart.topics = widget.topics;
  const { style, thresholds, bands, seriesName, extraSeries } = widget;
  return withChartSeries(withChartLook(chart, { style, thresholds, bands }), {
    seriesName,
    extraSeries,
  });
}

/** A Charts panel chart as a widget of the dashboard (two columns by two rows): same source and look. */
export function widgetOfChart(
  chart: ChartSpec,
  id: string,
): ChartWidgetSource & {
  width: number;
  height: number;
} {
  const { style, thresholds, bands, seriesName, extraSeries } = chart;
  const widget: ChartWidgetSource & { width: number; height: number } = {
    id,
    kind: 'chart',
    title: chart.title,
    connectionId: chart.connectionId,
    filter: chart.filter,
    jsonPath: chart.jsonPath,
    unit: chart.unit,
    windowMs: chartWindow(chart),
    width: 2,
    height: 2,
    ...(chart.topics ? { topics: [...chart.topics] } : {}),
  };
  return withChartSeries(withChartLook(widget, { style, thresholds, bands }), {
    seriesName,
    extraSeries,
  });
}
