import { useState } from 'react';
import { useStore } from 'zustand';
import type { CSSProperties, DragEvent } from 'react';
import { PanelBoundary } from '../../../components/ui/panel.tsx';
import { MAX_HEIGHT, MAX_WIDTH } from '../dashboard-model.ts';
import type { WidgetSpec } from '../dashboard-model.ts';
import { DashboardContext } from '../dashboard-context.ts';
import {
  duplicateWidget,
  moveWidget,
  moveWidgetTo,
  removeWidget,
  resizeWidget,
} from '../dashboard-store.ts';
import { WidgetView } from '../widgets/widget-view.tsx';
import { ResizeHandle } from './resize-handle.tsx';
import type { CellSize } from './resize-handle.tsx';

const DRAG_TYPE = 'application/x-mqtt-scope-widget';

interface WidgetFrameProps {
  spec: WidgetSpec;
  index: number;
  count: number;
  editing: boolean;
  now: number;
  onEdit: () => void;
}

/**
 * One widget on the grid: its title, its view inside its own error boundary, and while the
 * dashboard is edited, buttons to move, resize, edit and remove it (dragging moves it too, and
 * its corner resizes it).
 */
export function WidgetFrame({ spec, index, count, editing, now, onEdit }: WidgetFrameProps) {
  const { store, data } = DashboardContext.use();
  const values = useStore(data, (state) => state.values[spec.id]);
  const name = spec.title || spec.filter;
  // The size shown while the corner is dragged, before it is saved.
  const [resizing, setResizing] = useState<CellSize | null>(null);
  const width = resizing?.width ?? spec.width;
  const height = resizing?.height ?? spec.height;
  const drop = (event: DragEvent) => {
    const dragged = event.dataTransfer.getData(DRAG_TYPE);
    if (!dragged) return;
    event.preventDefault();
    moveWidgetTo(store, dragged, spec.id);
  };
  const tool = (label: string, text: string, onClick: () => void, disabled = false) => (
    <button
      type="button"
      className="button-ghost widget-tool"
      aria-label={`${label} ${name}`}
      title={label}
      disabled={disabled}
      onClick={onClick}
    >
      {text}
    </button>
  );
  return (
    <li
      className={`widget-cell widget-${spec.kind}`}
      style={{ '--widget-w': width, '--widget-h': height } as CSSProperties}
      data-width={width}
      data-height={height}
      draggable={editing}
      onDragStart={(event) => {
        event.dataTransfer.setData(DRAG_TYPE, spec.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(event) => {
        if (editing && event.dataTransfer.types.includes(DRAG_TYPE)) event.preventDefault();
      }}
      onDrop={drop}
    >
      <article className="widget" aria-label={name}>
        <header className="widget-header">
          <h3>{name}</h3>
        </header>
        <div className="widget-body">
          <PanelBoundary title={name}>
            <WidgetView spec={spec} values={values} now={now} />
          </PanelBoundary>
        </div>
        {editing && (
          <div className="widget-tools" role="group" aria-label={`Arrange ${name}`}>
            {tool('Move earlier', '←', () => moveWidget(store, spec.id, -1), index === 0)}
            {tool('Move later', '→', () => moveWidget(store, spec.id, 1), index === count - 1)}
            {tool(
              'Make narrower',
              '⇤',
              () => resizeWidget(store, spec.id, spec.width - 1, spec.height),
              spec.width <= 1,
            )}
            {tool(
              'Make wider',
              '⇥',
              () => resizeWidget(store, spec.id, spec.width + 1, spec.height),
              spec.width >= MAX_WIDTH,
            )}
            {tool(
              'Make shorter',
              '⤒',
              () => resizeWidget(store, spec.id, spec.width, spec.height - 1),
              spec.height <= 1,
            )}
            {tool(
              'Make taller',
              '⤓',
              () => resizeWidget(store, spec.id, spec.width, spec.height + 1),
              spec.height >= MAX_HEIGHT,
            )}
            {tool('Edit', '✎', onEdit)}
            {tool('Duplicate', '❐', () => duplicateWidget(store, spec.id))}
            {tool('Remove', '✕', () => removeWidget(store, spec.id))}
          </div>
        )}
        {editing && (
          <ResizeHandle
            size={{ width: spec.width, height: spec.height }}
            onPreview={setResizing}
            onResize={(size) => resizeWidget(store, spec.id, size.width, size.height)}
          />
        )}
      </article>
    </li>
  );
}
