import { useRef } from 'react';
import type { PointerEvent } from 'react';
import { MAX_HEIGHT, MAX_WIDTH } from '../dashboard-model.ts';

export interface CellSize {
  width: number;
  height: number;
}

interface DragStart extends CellSize {
  x: number;
  y: number;
  columnPitch: number;
  rowPitch: number;
  maxWidth: number;
}

const clamp = (value: number, max: number) => Math.max(1, Math.min(max, value));

/** Where a cell starts and ends on the grid: its track plus the gap, in pixels. */
function gridPitch(grid: Element): { columnPitch: number; rowPitch: number; columns: number } {
  const style = getComputedStyle(grid);
  // Resolved values are pixels: `248px 248px 248px 248px`, `150px`, `12px`.
  const columns = style.gridTemplateColumns.split(' ').filter(Boolean);
  const columnGap = parseFloat(style.columnGap) || 0;
  const rowGap = parseFloat(style.rowGap) || 0;
  return {
    columnPitch: (parseFloat(columns[0] ?? '') || 1) + columnGap,
    rowPitch: (parseFloat(style.gridAutoRows) || 1) + rowGap,
    columns: columns.length,
  };
}

/**
 * The corner a widget is resized by with the mouse (or a pen or a finger) while the dashboard is
 * edited: it snaps to whole grid cells as it is dragged, showing the new size at once, and saves
 * it when let go. Keyboard users have the Make wider / taller buttons beside it.
 */
export function ResizeHandle({
  size,
  onPreview,
  onResize,
}: {
  size: CellSize;
  /** The size shown while dragging; null when the drag is abandoned. */
  onPreview: (size: CellSize | null) => void;
  onResize: (size: CellSize) => void;
}) {
  const start = useRef<DragStart | null>(null);
  const sizeAt = (event: PointerEvent, from: DragStart): CellSize => ({
    width: clamp(
      Math.round(from.width + (event.clientX - from.x) / from.columnPitch),
      from.maxWidth,
    ),
    height: clamp(Math.round(from.height + (event.clientY - from.y) / from.rowPitch), MAX_HEIGHT),
  });
  return (
    <span
      className="widget-resize"
      aria-hidden="true"
      title="Drag to resize"
      // Not the start of a drag-and-drop move of the whole widget, nor a text selection.
      onMouseDown={(event) => event.preventDefault()}
      onPointerDown={(event) => {
        const grid = event.currentTarget.closest('.widget-grid');
        if (!grid || event.button !== 0) return;
        const { columnPitch, rowPitch, columns } = gridPitch(grid);
        event.currentTarget.setPointerCapture(event.pointerId);
        start.current = {
          ...size,
          x: event.clientX,
          y: event.clientY,
          columnPitch,
          rowPitch,
          maxWidth: Math.max(1, Math.min(MAX_WIDTH, columns)),
        };
      }}
      onPointerMove={(event) => {
        if (start.current) onPreview(sizeAt(event, start.current));
      }}
      onPointerUp={(event) => {
        const from = start.current;
        if (!from) return;
        start.current = null;
        onPreview(null);
        onResize(sizeAt(event, from));
      }}
      onPointerCancel={() => {
        start.current = null;
        onPreview(null);
      }}
    />
  );
}
