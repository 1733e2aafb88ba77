import { useState } from 'react';
import { WIDGET_KINDS } from '../dashboard-model.ts';
import type { Dashboard, WidgetKind } from '../dashboard-model.ts';
import { DashboardContext } from '../dashboard-context.ts';
import { addDashboard, removeDashboard } from '../dashboard-store.ts';

interface DashboardToolbarProps {
  dashboard: Dashboard | undefined;
  /** How many dashboards there are, to name a new one. */
  count: number;
  onAddWidget: (kind: WidgetKind) => void;
}

/** While editing: add a widget of a kind, add, rename or delete a dashboard. */
export function DashboardToolbar({ dashboard, count, onAddWidget }: DashboardToolbarProps) {
  const { store } = DashboardContext.use();
  const [kind, setKind] = useState<WidgetKind>('gauge');
  return (
    <div className="dashboard-toolbar" role="group" aria-label="Dashboard editing">
      <label className="inline-field">
        Widget kind
        <select
          aria-label="Widget kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as WidgetKind)}
        >
          {WIDGET_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="button-primary" onClick={() => onAddWidget(kind)}>
        + Add widget
      </button>
      <button
        type="button"
        className="button-secondary"
        onClick={() => addDashboard(store, `Dashboard ${count + 1}`)}
      >
        + New dashboard
      </button>
      {dashboard && (
        <label className="inline-field">
          Name
          <input
            aria-label="Dashboard name"
            value={dashboard.name}
            onChange={(e) =>
              store.setState(({ dashboards: all }) => ({
                dashboards: all.map((d) =>
                  d.id === dashboard.id ? { ...d, name: e.target.value } : d,
                ),
              }))
            }
          />
        </label>
      )}
      {dashboard && (
        <button
          type="button"
          className="button-ghost button-danger"
          onClick={() => removeDashboard(store, dashboard.id)}
        >
          Delete dashboard
        </button>
      )}
    </div>
  );
}
