import { useEffect, useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, RefObject } from 'react';
import {
  INITIAL_JSON_TREE_STATE,
  applyJsonTreeAction,
  flattenJsonTree,
  jsonTreeKeyAction,
} from '../json-tree-model.ts';
import type { JsonMoreRow, JsonTreeAction, JsonValueRow } from '../json-tree-model.ts';
import './json-tree.css';

const INDENT_PX = 16;

export interface JsonTreeProps {
  value: unknown;
  /** The tree's accessible name, e.g. "Payload as JSON". */
  label: string;
  /** Offered on every number as a "Chart" button; omitted: no buttons. */
  onChartField?: ((path: (string | number)[]) => void) | undefined;
}

interface RowProps<Row> {
  row: Row;
  active: boolean;
  activeRef: RefObject<HTMLLIElement | null>;
  onAction: (action: JsonTreeAction) => void;
  index: number;
}

function ValueRow({
  row,
  active,
  activeRef,
  onAction,
  index,
  onChartField,
}: RowProps<JsonValueRow> & Pick<JsonTreeProps, 'onChartField'>) {
  const label = row.name === null ? row.preview : `${row.name}: ${row.preview}`;
  return (
    <li
      role="treeitem"
      aria-label={label}
      aria-level={row.level}
      aria-setsize={row.setSize}
      aria-posinset={row.posInSet}
      aria-expanded={row.expanded}
      tabIndex={active ? 0 : -1}
      ref={active ? activeRef : undefined}
      className="json-tree-row"
      style={{ paddingLeft: 4 + (row.level - 1) * INDENT_PX }}
      onClick={() =>
        onAction(row.expanded === undefined ? { type: 'focus', index } : { type: 'toggle', index })
      }
    >
      <span className="json-tree-toggle" aria-hidden="true">
        {row.expanded === undefined ? '' : row.expanded ? '▾' : '▸'}
      </span>
      {row.name !== null && <span className="json-tree-key">{row.name}</span>}
      {row.name !== null && <span className="json-tree-colon">:</span>}
      {/* Text only: a payload is never rendered as HTML. */}
      <span className={`json-tree-value json-tree-${row.kind}`}>{row.preview}</span>
      {row.kind === 'number' && onChartField && (
        <button
          type="button"
          className="json-tree-chart"
          // Reachable with Tab from its row only, so the tree stays one Tab stop.
          tabIndex={active ? 0 : -1}
          aria-label={`Chart ${row.key === '' ? 'payload' : row.key}`}
          onClick={(event) => {
            event.stopPropagation();
            onChartField([...row.path]);
          }}
        >
          Chart
        </button>
      )}
    </li>
  );
}

function MoreRow({ row, active, activeRef, onAction, index }: RowProps<JsonMoreRow>) {
  return (
    <li
      role="treeitem"
      aria-label={`Show ${row.next} more, ${row.hidden.toLocaleString('en-US')} not shown`}
      aria-level={row.level}
      tabIndex={active ? 0 : -1}
      ref={active ? activeRef : undefined}
      className="json-tree-row json-tree-more"
      style={{ paddingLeft: 4 + (row.level - 1) * INDENT_PX + INDENT_PX }}
      onClick={() => onAction({ type: 'more', index })}
    >
      {/* The row takes Enter from the keyboard; the button is there for the mouse. */}
      <button type="button" className="button-ghost" tabIndex={-1}>
        {`Show ${row.next} more`}
      </button>
      <span className="json-tree-hidden">{row.hidden.toLocaleString('en-US')} not shown</span>
    </li>
  );
}

/**
 * A collapsible JSON tree (WAI-ARIA tree pattern, one Tab stop, arrow keys, Home/End, Enter).
 * Only open containers' children are rendered, a page of 200 at a time, so a large or deeply
 * nested document costs what is on screen.
 */
export function JsonTree({ value, label, onChartField }: JsonTreeProps) {
  const [state, setState] = useState(INITIAL_JSON_TREE_STATE);
  const [activeKey, setActiveKey] = useState<string | null>(null);
  const rows = useMemo(() => flattenJsonTree(value, state), [value, state]);
  const activeIndex = Math.max(
    0,
    rows.findIndex((row) => row.key === activeKey),
  );
  const activeRef = useRef<HTMLLIElement | null>(null);
  // Focus follows the active row after a key or click, never on first render (it would
  // steal focus from wherever the user is).
  const focusPending = useRef(false);
  useEffect(() => {
    if (!focusPending.current) return;
    focusPending.current = false;
    activeRef.current?.focus();
  });

  const onAction = (action: JsonTreeAction) => {
    const next = applyJsonTreeAction(state, rows, action);
    setState(next.state);
    setActiveKey(next.activeKey);
    focusPending.current = true;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    // Enter on a Chart button is the button's, not a toggle of its row.
    if (event.target instanceof HTMLButtonElement) return;
    const action = jsonTreeKeyAction(rows, activeIndex, event.key);
    if (action === null) return;
    event.preventDefault();
    onAction(action);
  };

  return (
    <ul role="tree" aria-label={label} className="json-tree" onKeyDown={onKeyDown}>
      {rows.map((row, index) => {
        const shared = { index, active: index === activeIndex, activeRef, onAction };
        return row.type === 'more' ? (
          <MoreRow key={row.key} row={row} {...shared} />
        ) : (
          <ValueRow key={row.key} row={row} {...shared} onChartField={onChartField} />
        );
      })}
    </ul>
  );
}
