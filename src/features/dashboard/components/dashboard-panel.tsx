import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { Panel } from '../../../components/ui/panel.tsx';
import { useNow } from '../../../components/ui/use-now.ts';
import type { WidgetSpec } from '../dashboard-model.ts';
import { DashboardContext } from '../dashboard-context.ts';
import type { WidgetConnection } from '../dashboard-context.ts';
import {
  addImportedDashboard,
  keepSharedDashboard,
  newWidget,
  saveWidget,
  shownDashboard,
} from '../dashboard-store.ts';
import { DashboardToolbar } from './dashboard-toolbar.tsx';
import { DashboardTransfer } from './dashboard-transfer.tsx';
import { PresentationHeader } from './presentation-header.tsx';
import { CopyLinkButton, LinkField } from './share-link.tsx';
import type { MadeLink } from './share-link.tsx';
import { SharedDashboard } from './shared-dashboard.tsx';
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
  const { store, tell, brokerUrlFor } = DashboardContext.use();
  const { dashboards, editing, isShared, sharedProblem } = useStore(
    store,
    useShallow((state) => ({
      dashboards: state.dashboards,
      editing: state.editing,
      isShared: state.shared !== null,
      sharedProblem: state.sharedProblem,
    })),
  );
  const dashboard = useStore(store, shownDashboard);
  const [editor, setEditor] = useState<{ spec: WidgetSpec; isNew: boolean } | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [link, setLink] = useState<MadeLink | null>(null);
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

  const leaveSharedLink = () => {
    // The link has done its work: a reload shows the user's own dashboards again.
    history.replaceState(null, '', location.pathname + location.search);
  };

  if (presenting) {
    return (
      <div ref={stage} className="dashboard-stage is-presenting">
        <section className="presentation" aria-labelledby="presentation-title">
          <PresentationHeader onExit={stopPresenting} />
          {grid ?? <p className="empty">This dashboard has no widgets.</p>}
        </section>
      </div>
    );
  }

  if (isShared && dashboard) {
    return (
      <div ref={stage} className="dashboard-stage">
        <SharedDashboard
          name={dashboard.name}
          onKeep={() => {
            keepSharedDashboard(store);
            leaveSharedLink();
            tell('info', `Kept a copy of "${dashboard.name}" among your dashboards.`);
          }}
          onClose={() => {
            store.setState({ shared: null });
            leaveSharedLink();
          }}
        >
          {grid ?? <p className="empty">This shared dashboard has no widgets.</p>}
        </SharedDashboard>
      </div>
    );
  }

  const problem = refusal ?? sharedProblem;
  const widgetConnection = widgets[0]?.connectionId ?? focusedConnectionId;

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
            <CopyLinkButton
              dashboard={dashboard}
              brokerUrl={brokerUrlFor(widgetConnection)}
              onMade={setLink}
              onRefused={(reason) => {
                setLink(null);
                setRefusal(reason);
              }}
            />
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
        {link && <LinkField link={link} onHide={() => setLink(null)} />}
        {problem && (
          <p className="form-error dashboard-refusal" role="alert">
            {problem}{' '}
            <button
              type="button"
              className="button-ghost"
              onClick={() => {
                setRefusal(null);
                if (sharedProblem) leaveSharedLink();
                store.setState({ sharedProblem: null });
              }}
            >
              Dismiss
            </button>
          </p>
        )}
        {editing && (
          <DashboardToolbar
            dashboard={dashboard}
            count={dashboards.length}
            onAddWidget={(kind) =>
              setEditor({ spec: newWidget(kind, focusedConnectionId), isNew: true })
            }
          />
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
