import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { Panel } from '../../../components/ui/panel.tsx';
import { useNow } from '../../../components/ui/use-now.ts';
import { WIDGET_KINDS } from '../dashboard-model.ts';
import type { WidgetKind, WidgetSpec } from '../dashboard-model.ts';
import { DashboardContext } from '../dashboard-context.ts';
import type { WidgetConnection } from '../dashboard-context.ts';
import {
  activeDashboard,
  addDashboard,
  addImportedDashboard,
  newWidget,
  removeDashboard,
  saveWidget,
} from '../dashboard-store.ts';
import { DashboardTransfer } from './dashboard-transfer.tsx';
import { WidgetFrame } from './widget-frame.tsx';
import './dashboard.css';

// Editing is not what a dashboard is opened for: its dialog loads when first needed.
const WidgetEditor = lazy(() => import('./widget-editor.tsx'));

interface DashboardPanelProps {
  connections: readonly WidgetConnection[];
  focusedConnectionId: string;
}

/** The dashboards: pick one, see its widgets on a grid, and arrange them while editing. */
export function DashboardPanel({ connections, focusedConnectionId }: DashboardPanelProps) {
  const { store, tell } = DashboardContext.use();
  const { dashboards, editing } = useStore(
    store,
    useShallow((state) => ({ dashboards: state.dashboards, editing: state.editing })),
  );
  const dashboard = useStore(store, activeDashboard);
  const [kind, setKind] = useState<WidgetKind>('gauge');
  const [editor, setEditor] = useState<{ spec: WidgetSpec; isNew: boolean } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const now = useNow(true);
  const widgets = dashboard?.widgets ?? [];
  const stage = useRef<HTMLDivElement>(null);
  const [presenting, setPresenting] = useState(false);

  // Leaving full screen (Escape, the browser's own control) ends the presentation too.
  useEffect(() => {
    if (!presenting) return;
    const onFullscreenChange = () => {
      if (!document.fullscreenElement) setPresenting(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !document.fullscreenElement) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onFullscreenChange);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('fullscreenchange', onFullscreenChange);
      document.removeEventListener('keydown', onKey);
    };
  }, [presenting]);

  const present = () => {
    store.setState({ editing: false });
    setPresenting(true);
    // Full screen where the browser allows it; otherwise the page itself is covered.
    stage.current?.requestFullscreen?.().catch(() => undefined);
  };
  const stopPresenting = () => {
    setPresenting(false);
    if (document.fullscreenElement) document.exitFullscreen().catch(() => undefined);
  };

  const grid =
    widgets.length === 0 ? null : (
      <div className="widget-grid-frame">
        <ol className="widget-grid" aria-label={`Widgets of ${dashboard?.name ?? 'dashboard'}`}>
          {widgets.map((spec, index) => (
            <WidgetFrame
              key={spec.id}
              spec={spec}
              index={index}
              count={widgets.length}
              editing={editing && !presenting}
              now={now}
              onEdit={() => setEditor({ spec, isNew: false })}
            />
          ))}
        </ol>
      </div>
    );

  if (presenting) {
    return (
      <div ref={stage} className="dashboard-stage is-presenting">
        <section className="presentation" aria-labelledby="presentation-title">
          <header className="presentation-header">
            <h2 id="presentation-title">{dashboard?.name ?? 'Dashboard'}</h2>
            <button type="button" className="button-ghost" onClick={stopPresenting}>
              Exit presentation
            </button>
          </header>
          {grid}
        </section>
      </div>
    );
  }

  return (
    <div ref={stage} className="dashboard-stage">
      <Panel
        title="Dashboard"
        className="dashboard-panel"
        actions={
          <>
            {dashboards.length > 0 && (
              <select
                aria-label="Dashboard shown"
                value={dashboard?.id ?? ''}
                onChange={(e) => store.setState({ activeId: e.target.value })}
              >
                {dashboards.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
            <button
              type="button"
              className="button-secondary"
              onClick={present}
              disabled={widgets.length === 0}
            >
              Present
            </button>
            <button
              type="button"
              className="button-secondary"
              aria-pressed={editing}
              onClick={() => store.setState({ editing: !editing })}
            >
              {editing ? 'Done editing' : 'Edit dashboard'}
            </button>
            <DashboardTransfer
              dashboard={dashboard}
              onImported={(imported) => {
                setRefusal(null);
                const known = new Set(connections.map((c) => c.id));
                addImportedDashboard(store, imported, (id) =>
                  known.has(id) ? id : focusedConnectionId,
                );
                tell('info', `Imported the dashboard "${imported.name}".`);
              }}
              onRefused={setRefusal}
            />
          </>
        }
      >
        {refusal && (
          <p className="form-error dashboard-refusal" role="alert">
            {refusal}{' '}
            <button type="button" className="button-ghost" onClick={() => setRefusal(null)}>
              Dismiss
            </button>
          </p>
        )}
        {editing && (
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
            <button
              type="button"
              className="button-primary"
              onClick={() => setEditor({ spec: newWidget(kind, focusedConnectionId), isNew: true })}
            >
              + Add widget
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => addDashboard(store, `Dashboard ${dashboards.length + 1}`)}
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
        )}
        {widgets.length === 0 ? (
          <p className="empty">
            {dashboards.length === 0 ? 'No dashboard yet.' : 'This dashboard has no widgets yet.'}{' '}
            Choose <strong>Edit dashboard</strong> to add gauges, numbers, status tiles and tables.
          </p>
        ) : (
          grid
        )}
        {editor && (
          <Suspense fallback={null}>
            <WidgetEditor
              initial={editor.spec}
              isNew={editor.isNew}
              connections={connections}
              onClose={() => setEditor(null)}
              onSave={(spec) => {
                saveWidget(store, spec);
                setEditor(null);
              }}
            />
          </Suspense>
        )}
      </Panel>
    </div>
  );
}
