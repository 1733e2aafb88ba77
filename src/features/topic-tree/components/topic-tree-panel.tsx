import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { TopicTreeContext } from '../topic-tree-context.ts';
import type { TopicTreeRow } from '../../../services/mqtt/index.ts';

const INDENT_PX = 14;

function TreeRow({ row, onToggle }: { row: TopicTreeRow; onToggle: (path: string) => void }) {
  const hasChildren = row.childCount > 0;
  const label = row.name === '' ? '(empty level)' : row.name;
  return (
    <li
      className="tree-row"
      style={{ paddingLeft: 6 + row.depth * INDENT_PX }}
      aria-level={row.depth + 1}
      role="treeitem"
      aria-expanded={hasChildren ? row.expanded : undefined}
      aria-label={row.path}
    >
      {hasChildren ? (
        <button
          type="button"
          className="tree-toggle"
          onClick={() => onToggle(row.path)}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.path}`}
        >
          {row.expanded ? '▾' : '▸'}
        </button>
      ) : (
        <span className="tree-toggle" aria-hidden="true" />
      )}
      <span className={`tree-name${row.isTopic ? ' tree-topic' : ''}`} title={row.path}>
        {label}
      </span>
      {row.isTopic && <span className="tree-value">{row.lastValue}</span>}
      <span className="tree-count" title={`${row.topics} topics, ${row.messages} messages`}>
        {hasChildren && (
          <span className="tree-topics">{row.topics.toLocaleString('en-US')} topics · </span>
        )}
        {row.messages.toLocaleString('en-US')}
      </span>
    </li>
  );
}

/** Every topic seen, as a tree with message counts; only open branches are sent by the worker. */
export function TopicTreePanel({ connectionName }: { connectionName: string }) {
  const store = TopicTreeContext.use();
  const view = useStore(store, (state) => state.view);
  return (
    <Panel
      title="Topics"
      className="topic-tree-panel"
      actions={
        <>
          <span className="panel-context">{connectionName}</span>
          <span className="counter">{view.totalTopics.toLocaleString('en-US')} topics</span>
        </>
      }
    >
      {view.rows.length === 0 ? (
        <p className="empty">Topics appear here as messages arrive.</p>
      ) : (
        <ul className="tree" role="tree" aria-label="Topic tree">
          {view.rows.map((row) => (
            <TreeRow key={row.path} row={row} onToggle={store.toggle} />
          ))}
        </ul>
      )}
      {view.hiddenRows > 0 && (
        <p className="tree-more">
          {view.hiddenRows.toLocaleString('en-US')} more rows: collapse a branch to see them.
        </p>
      )}
    </Panel>
  );
}
