import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useStore } from 'zustand';
import { chartLookOf } from '../../../../core/chart-look.ts';
import type { ChartLook } from '../../../../core/chart-look.ts';
import { ChartsContext } from '../../../charts/charts-context.ts';
import { chartWindow, setChartView } from '../../../charts/charts-store.ts';
import type { ChartView } from '../../../charts/charts-store.ts';
import { DashboardContext } from '../../dashboard-context.ts';
import { updateWidget } from '../../dashboard-store.ts';
import type { WidgetViewProps } from '../widget-props.ts';
import { chartOfWidget } from './chart-spec.ts';

/** Rows of the grid a chart needs before the figures of each line fit under its plot. */
const STATS_HEIGHT = 3;

// The same lazy chunk as the Charts panel's: recharts loads beside the first screen.
const LiveChart = lazy(() => import('../../../charts/components/live-chart.tsx'));

/**
 * A time chart on the grid; its window, chosen lines and look are saved with the widget.
 * The chart is memoised: the dashboard's clock re-renders every widget each second, and the
 * chart must not redraw for it, so its callbacks change only with the widget.
 */
export function ChartWidgetView({ spec }: WidgetViewProps<'chart'>) {
  const { data } = ChartsContext.use();
  const { store } = DashboardContext.use();
  const snapshot = useStore(data, (state) => state.snapshots[spec.id]);
  const view = useStore(data, (state) => state.views[spec.id]);
  const chart = useMemo(() => chartOfWidget(spec), [spec]);
  const onView = useCallback(
    (next: Partial<ChartView>) => setChartView(data, spec.id, next),
    [data, spec.id],
  );
  const onChooseTopics = useCallback(
    (topics: string[] | null) => updateWidget(store, spec, { topics: topics ?? undefined }),
    [store, spec],
  );
  const onWindow = useCallback(
    (windowMs: number) => updateWidget(store, spec, { windowMs }),
    [store, spec],
  );
  const onLook = useCallback(
    (patch: Partial<ChartLook>) => {
      // Only what differs from a plain line chart is saved, as in the Charts panel.
      const look = { ...chartLookOf(spec), ...patch };
      updateWidget(store, spec, {
        style: look.style === 'line' ? undefined : look.style,
        thresholds: look.thresholds.length > 0 ? look.thresholds : undefined,
        bands: look.bands.length > 0 ? look.bands : undefined,
      });
    },
    [store, spec],
  );
  return (
    <Suspense fallback={<div className="chart chart-loading">Loading chart…</div>}>
      <LiveChart
        spec={chart}
        withStats={spec.height >= STATS_HEIGHT}
        snapshot={snapshot}
        onChooseTopics={onChooseTopics}
        windowMs={chartWindow(chart)}
        onWindow={onWindow}
        onLook={onLook}
        view={view}
        onView={onView}
      />
    </Suspense>
  );
}
