import { parseJsonPath } from '../../core/json-path.ts';
import { validateTopicFilter } from '../../core/topic-filter.ts';
import { BIG_NUMBER_DEFAULTS, readBigNumber } from './widgets/big-number/big-number-spec.ts';
import type { BigNumberOptions } from './widgets/big-number/big-number-spec.ts';
import { CHART_WIDGET_DEFAULTS, readChartWidget } from './widgets/chart/chart-spec.ts';
import type { ChartWidgetOptions } from './widgets/chart/chart-spec.ts';
import { GAUGE_DEFAULTS, readGauge } from './widgets/gauge/gauge-spec.ts';
import type { GaugeOptions } from './widgets/gauge/gauge-spec.ts';
import { RATE_DEFAULTS, readRate } from './widgets/rate/rate-spec.ts';
import type { RateOptions } from './widgets/rate/rate-spec.ts';
import { isFields, number, oneOf, SpecProblem, text } from './widgets/spec-reader.ts';
import { readStatus, STATUS_DEFAULTS } from './widgets/status/status-spec.ts';
import type { StatusOptions } from './widgets/status/status-spec.ts';
import { readTable, TABLE_DEFAULTS } from './widgets/table/table-spec.ts';
import type { TableOptions } from './widgets/table/table-spec.ts';

export type WidgetOptions =
  ChartWidgetOptions | GaugeOptions | BigNumberOptions | StatusOptions | TableOptions | RateOptions;
export type WidgetKind = WidgetOptions['kind'];

export const WIDGET_KINDS: readonly { kind: WidgetKind; label: string }[] = [
  { kind: 'chart', label: 'Time chart' },
  { kind: 'gauge', label: 'Gauge' },
  { kind: 'big-number', label: 'Big number' },
  { kind: 'status', label: 'Status tile' },
  { kind: 'table', label: 'Table of latest values' },
  { kind: 'rate', label: 'Message rate' },
];

export const WIDGET_DEFAULTS: Record<WidgetKind, WidgetOptions> = {
  chart: CHART_WIDGET_DEFAULTS,
  gauge: GAUGE_DEFAULTS,
  'big-number': BIG_NUMBER_DEFAULTS,
  status: STATUS_DEFAULTS,
  table: TABLE_DEFAULTS,
  rate: RATE_DEFAULTS,
};

/** Grid cells a widget spans: 1 to 4 columns, 1 to 3 rows. */
export const MAX_WIDTH = 4;
export const MAX_HEIGHT = 3;

/** One widget: what it reads (a filter and a field on a connection), how it looks, its size. */
export type WidgetSpec = {
  id: string;
  title: string;
  connectionId: string;
  filter: string;
  jsonPath: string;
  width: number;
  height: number;
} & WidgetOptions;

/** Widgets in reading order: their order is their place on the grid. */
export interface Dashboard {
  id: string;
  name: string;
  widgets: WidgetSpec[];
}

const MAX_WIDGETS = 100;

function readOptions(kind: WidgetKind, fields: Record<string, unknown>): WidgetOptions {
  switch (kind) {
    case 'chart':
      return readChartWidget(fields);
    case 'gauge':
      return readGauge(fields);
    case 'big-number':
      return readBigNumber(fields);
    case 'status':
      return readStatus(fields);
    case 'table':
      return readTable(fields);
    case 'rate':
      return readRate(fields);
  }
}

function size(fields: Record<string, unknown>, key: string, max: number): number {
  const value = number(fields, key);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new SpecProblem(`"${key}" must be a whole number from 1 to ${max}`);
  return value;
}

/** A widget from saved or imported JSON; throws a SpecProblem saying what is wrong. */
export function readWidget(value: unknown): WidgetSpec {
  if (!isFields(value)) throw new SpecProblem('it is not an object');
  const kind = oneOf(
    value,
    'kind',
    WIDGET_KINDS.map((k) => k.kind),
  );
  const filter = text(value, 'filter', { max: 1000, empty: false });
  const filterCheck = validateTopicFilter(filter);
  if (!filterCheck.ok) throw new SpecProblem(`"filter" ${filter}: ${filterCheck.reason}`);
  const jsonPath = text(value, 'jsonPath', { max: 500 });
  const pathCheck = parseJsonPath(jsonPath);
  if (!pathCheck.ok) throw new SpecProblem(`"jsonPath" ${jsonPath}: ${pathCheck.reason}`);
  return {
    id: text(value, 'id', { max: 100, empty: false }),
    title: text(value, 'title', { max: 100 }),
    connectionId: text(value, 'connectionId', { max: 200 }),
    filter,
    jsonPath,
    width: size(value, 'width', MAX_WIDTH),
    height: size(value, 'height', MAX_HEIGHT),
    ...readOptions(kind, value),
  };
}

/** A dashboard from saved or imported JSON; throws a SpecProblem naming the widget at fault. */
export function readDashboard(value: unknown): Dashboard {
  if (!isFields(value)) throw new SpecProblem('the dashboard is not an object');
  const name = text(value, 'name', { max: 100, empty: false });
  const { widgets } = value;
  if (!Array.isArray(widgets) || widgets.length > MAX_WIDGETS)
    throw new SpecProblem(`"widgets" must be a list of at most ${MAX_WIDGETS}`);
  const read = widgets.map((widget: unknown, index) => {
    try {
      return readWidget(widget);
    } catch (error) {
      if (!(error instanceof SpecProblem)) throw error;
      const title =
        isFields(widget) && typeof widget.title === 'string' ? ` "${widget.title}"` : '';
      throw new SpecProblem(`widget ${index + 1}${title}: ${error.message}`);
    }
  });
  const ids = new Set(read.map((w) => w.id));
  if (ids.size < read.length) throw new SpecProblem('two widgets have the same "id"');
  return { id: text(value, 'id', { max: 100, empty: false }), name, widgets: read };
}
