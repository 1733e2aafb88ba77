import { useState } from 'react';
import { SparkplugStatus } from './sparkplug-status.tsx';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { useNow } from '../../../components/ui/use-now.ts';
import { TopicTreeContext } from '../topic-tree-context.ts';
import { DeleteRetainedDialog } from './delete-retained-dialog.tsx';
import { TreeRow } from './topic-tree-row.tsx';
import './topic-tree.css';

const grouped = (value: number) => value.toLocaleString('en-US');

interface TopicTreePanelProps {
  connectionName: string;
  /** Shows the topic's recorded messages in the message list. */
  onShowHistory: (topic: string) => void;
  /** Publishes an empty retained message to the topic; asked for after a confirmation. */
  onDeleteRetained: (topic: string) => void;
  /** Asks a Sparkplug B edge node for its BIRTHs; omitted for a recording. */
  onRequestRebirth?: (group: string, edgeNode: string) => void;
  /** Adds a chart of a topic whose last value is a number, or of one number field of it. */
  onChart?: (topic: string, jsonPath: string) => void;
}

/**
 * Every topic seen, as a tree with counts, rates and health; the worker sends only the open
 * branches, or only the topics the search matches.
 */
export function TopicTreePanel({
  connectionName,
  onShowHistory,
  onDeleteRetained,
  onRequestRebirth,
  onChart,
}: TopicTreePanelProps) {
  const store = TopicTreeContext.use();
  const view = useStore(store, (state) => state.view);
  const search = useStore(store, (state) => state.search);
  const [deleting, setDeleting] = useState<string | null>(null);
  const now = useNow(view.rows.length > 0);
  const searching = view.filter !== '';
  return (
    <Panel
      title="Topics"
      className="topic-tree-panel"
      actions={
        <>
          <span className="panel-context">{connectionName}</span>
          <span className="counter">{grouped(view.totalTopics)} topics</span>
          {view.staleTopics > 0 && (
            <span className="badge badge-stale">{grouped(view.staleTopics)} stale</span>
          )}
        </>
      }
    >
      <div className="tree-search" role="search" aria-label="Topic search">
        <input
          type="search"
          aria-label="Search topics"
          placeholder="Search topics"
          value={search}
          onChange={(event) => store.setSearch(event.target.value)}
        />
        {searching && (
          <span className="tree-search-count" role="status">
            {grouped(view.matchedTopics)} of {grouped(view.totalTopics)} match
          </span>
        )}
      </div>
      {view.sparkplug && view.sparkplug.length > 0 && (
        <SparkplugStatus states={view.sparkplug} onRebirth={onRequestRebirth} />
      )}
      {view.rows.length === 0 ? (
        <p className="empty">
          {searching
            ? `No topic contains "${view.filter}".`
            : 'Topics appear here as messages arrive.'}
        </p>
      ) : (
        <ul className="tree" role="tree" aria-label="Topic tree">
          {view.rows.map((row) => (
            <TreeRow
              key={row.path}
              row={row}
              now={now}
              onToggle={searching ? null : store.toggle}
              onShowHistory={onShowHistory}
              onDeleteRetained={setDeleting}
              onChart={onChart}
            />
          ))}
        </ul>
      )}
      {view.hiddenRows > 0 && (
        <p className="tree-more">
          {grouped(view.hiddenRows)} more rows:{' '}
          {searching ? 'narrow the search' : 'collapse a branch'} to see them.
        </p>
      )}
      {deleting !== null && (
        <DeleteRetainedDialog
          topic={deleting}
          connectionName={connectionName}
          onConfirm={() => onDeleteRetained(deleting)}
          onClose={() => setDeleting(null)}
        />
      )}
    </Panel>
  );
}
