import { lazy, Suspense, useState } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { chartDataStore, chartsStore, removeChart } from '../charts-store.ts';
import type { ChartSpec } from '../charts-store.ts';
import { AddChartForm } from './add-chart-form.tsx';

// recharts is the largest dependency: load it beside the first screen, not in front of it.
const LiveChart = lazy(() => import('./live-chart.tsx'));

function ChartCard({ spec }: { spec: ChartSpec }) {
  const snapshot = useStore(chartDataStore, (state) => state.snapshots[spec.id]);
  return (
    <article className="chart-card" aria-label={spec.title}>
      <header className="chart-card-header">
        <h3>{spec.title}</h3>
        <span className="chart-source">
          <code>{spec.filter}</code>
          {spec.jsonPath && <code>{spec.jsonPath}</code>}
        </span>
        <button
          type="button"
          className="button-ghost"
          onClick={() => removeChart(spec.id)}
          aria-label={`Remove chart ${spec.title}`}
          title="Remove chart"
        >
          ✕
        </button>
      </header>
      <Suspense fallback={<div className="chart chart-loading">Loading chart…</div>}>
        <LiveChart spec={spec} snapshot={snapshot} />
      </Suspense>
    </article>
  );
}

/** `listTopics` gives the topics seen so far, read only while the add-chart form is open. */
export function ChartsPanel({ listTopics }: { listTopics: () => readonly string[] }) {
  const charts = useStore(chartsStore, (state) => state.charts);
  const [adding, setAdding] = useState(false);

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
      {adding && <AddChartForm listTopics={listTopics} onDone={() => setAdding(false)} />}
      {charts.length === 0 && !adding && (
        <p className="empty">
          No charts yet. Add one for a numeric topic, or for a field of a JSON payload.
        </p>
      )}
      <div className="chart-grid">
        {charts.map((spec) => (
          <ChartCard key={spec.id} spec={spec} />
        ))}
      </div>
    </Panel>
  );
}
