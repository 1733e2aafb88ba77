import { lazy, Suspense, useCallback, useState } from 'react';
import { useStore } from 'zustand';
import { ErrorBoundary } from '../../../components/ui/error-boundary.tsx';
import { Panel } from '../../../components/ui/panel.tsx';
import {
  chartWindow,
  chooseChartTopics,
  removeChart,
  setChartLook,
  setChartView,
  setChartWindow,
} from '../charts-store.ts';
import type { ChartSpec, ChartView } from '../charts-store.ts';
import { ChartsContext } from '../charts-context.ts';
import type { ChartConnection } from '../charts-context.ts';
import { AddChartForm } from './add-chart-form.tsx';

// recharts is the largest dependency: load it beside the first screen, not in front of it.
const LiveChart = lazy(() => import('./live-chart.tsx'));

function ChartCard({ spec, source }: { spec: ChartSpec; source: ChartConnection | null }) {
  const { charts, data, addToDashboard } = ChartsContext.use();
  const snapshot = useStore(data, (state) => state.snapshots[spec.id]);
  const view = useStore(data, (state) => state.views[spec.id]);
  const onView = useCallback(
    (next: Partial<ChartView>) => setChartView(data, spec.id, next),
    [data, spec.id],
  );
  return (
    <article className="chart-card" aria-label={spec.title}>
      <header className="chart-card-header">
        <h3>{spec.title}</h3>
        <span className="chart-source">
          {source && (
            <span className="chart-connection" style={{ color: source.color }}>
              {source.name}
            </span>
          )}
          <code>{spec.filter}</code>
          {spec.jsonPath && <code>{spec.jsonPath}</code>}
        </span>
        <button
          type="button"
          className="button-ghost"
          onClick={() => addToDashboard(spec)}
          aria-label={`Add ${spec.title} to the dashboard`}
          title="Put a copy of this chart on the dashboard"
        >
          + Dashboard
        </button>
        <button
          type="button"
          className="button-ghost"
          onClick={() => removeChart(charts, data, spec.id)}
          aria-label={`Remove chart ${spec.title}`}
          title="Remove chart"
        >
          ✕
        </button>
      </header>
      <ErrorBoundary name={`The chart ${spec.title}`}>
        <Suspense fallback={<div className="chart chart-loading">Loading chart…</div>}>
          <LiveChart
            spec={spec}
            snapshot={snapshot}
            onChooseTopics={(topics) => chooseChartTopics(charts, spec.id, topics)}
            windowMs={chartWindow(spec)}
            onWindow={(windowMs) => setChartWindow(charts, spec.id, windowMs)}
            onLook={(patch) => setChartLook(charts, spec.id, patch)}
            view={view}
            onView={onView}
          />
        </Suspense>
      </ErrorBoundary>
    </article>
  );
}

interface ChartsPanelProps {
  /** The connections a chart may read; a chart names its own when there are several. */
  connections: readonly ChartConnection[];
  focusedConnectionId: string;
}

export function ChartsPanel({ connections, focusedConnectionId }: ChartsPanelProps) {
  const { charts: store } = ChartsContext.use();
  const charts = useStore(store, (state) => state.charts);
  const [adding, setAdding] = useState(false);
  const byId = new Map(connections.map((connection) => [connection.id, connection]));
  const nameSources = connections.length > 1;

  return (
    <Panel
      title="Charts"
      className="charts-panel"
      actions={
        !adding && (
          <button type="button" className="button-secondary" onClick={() => setAdding(true)}>
            + Add chart
          </button>
        )
      }
    >
      {adding && (
        <AddChartForm
          connections={connections}
          defaultConnectionId={focusedConnectionId}
          onDone={() => setAdding(false)}
        />
      )}
      {charts.length === 0 && !adding && (
        <p className="empty">
          No charts yet. Add one for a numeric topic, or for a field of a JSON payload.
        </p>
      )}
      <div className="chart-grid">
        {charts.map((spec) => (
          <ChartCard
            key={spec.id}
            spec={spec}
            source={
              nameSources
                ? (byId.get(spec.connectionId) ?? {
                    id: spec.connectionId,
                    name: 'deleted connection',
                    color: 'var(--muted)',
                  })
                : null
            }
          />
        ))}
      </div>
    </Panel>
  );
}
