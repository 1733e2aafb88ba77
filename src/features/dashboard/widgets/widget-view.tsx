import type { LatestValue } from '../../../services/mqtt/index.ts';
import type { WidgetSpec } from '../dashboard-model.ts';
import { ChartWidgetView } from './chart/chart-view.tsx';
import { BigNumberView } from './big-number/big-number-view.tsx';
import { GaugeView } from './gauge/gauge-view.tsx';
import { StatusView } from './status/status-view.tsx';
import { TableView } from './table/table-view.tsx';
import { RateView } from './rate/rate-view.tsx';

/** The view of any widget, picked by its kind. */
export function WidgetView({
  spec,
  values,
  now,
}: {
  spec: WidgetSpec;
  values: readonly LatestValue[] | undefined;
  now: number;
}) {
  switch (spec.kind) {
    case 'chart':
      return <ChartWidgetView spec={spec} values={values} now={now} />;
    case 'gauge':
      return <GaugeView spec={spec} values={values} now={now} />;
    case 'big-number':
      return <BigNumberView spec={spec} values={values} now={now} />;
    case 'status':
      return <StatusView spec={spec} values={values} now={now} />;
    case 'table':
      return <TableView spec={spec} values={values} now={now} />;
    case 'rate':
      return <RateView spec={spec} values={values} now={now} />;
  }
}
