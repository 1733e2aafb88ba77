import { useId, useMemo, useState } from 'react';
import { visibleText } from '../../../core/visible-text.ts';
import type { TopicTreeRow as Row } from '../../../services/mqtt/index.ts';
import { chartChoices } from '../chartable.ts';
import { formatAge, formatDuration, formatInterval, formatRate } from '../row-format.ts';

const INDENT_PX = 14;
const grouped = (value: number) => value.toLocaleString('en-US');
const topicCount = (count: number) => `${grouped(count)} topic${count === 1 ? '' : 's'}`;

interface TreeRowProps {
  row: Row;
  now: number;
  /** Null while a search opens the branches itself. */
  onToggle: ((path: string) => void) | null;
  onShowHistory: (topic: string) => void;
  onDeleteRetained: (topic: string) => void;
  /** Adds a chart of the topic (`jsonPath` '' for the payload itself); absent: no charting. */
  onChart?: ((topic: string, jsonPath: string) => void) | undefined;
}

/**
 * One level of the tree. Its accessible name is its own text, with the parent path read before
 * the name, so the name contains everything the row shows (axe: label-content-name-mismatch)
 * and says where the topic is; the buttons show icons and have their own names.
 */
export function TreeRow({
  row,
  now,
  onToggle,
  onShowHistory,
  onDeleteRetained,
  onChart,
}: TreeRowProps) {
  const textId = useId();
  const choices = useMemo(
    () => (onChart && row.isTopic ? chartChoices(row.lastValue) : null),
    [onChart, row.isTopic, row.lastValue],
  );
  const [choosing, setChoosing] = useState(false);
  const fields = choosing && choices && 'fields' in choices ? choices.fields : null;
  const hasChildren = row.childCount > 0;
  const label = row.name === '' ? '(empty level)' : visibleText(row.name);
  const parentPath = visibleText(row.path.slice(0, row.path.length - row.name.length));
  const staleTitle =
    row.usualIntervalMs === null
      ? undefined
      : `Silent for ${formatDuration(now - row.lastTime)}; usually every ${formatInterval(row.usualIntervalMs)}`;
  return (
    <li
      className={`tree-row${row.isTopic ? ' tree-row-topic' : ''}${row.stale ? ' tree-row-stale' : ''}${fields ? ' tree-row-choosing' : ''}`}
      style={{ paddingLeft: 6 + row.depth * INDENT_PX }}
      aria-level={row.depth + 1}
      role="treeitem"
      aria-expanded={hasChildren ? row.expanded : undefined}
      aria-labelledby={textId}
    >
      {hasChildren && onToggle ? (
        <button
          type="button"
          className="tree-toggle"
          data-open={row.expanded}
          onClick={() => onToggle(row.path)}
          aria-label={`${row.expanded ? 'Collapse' : 'Expand'} ${row.path}`}
        />
      ) : (
        <span className="tree-toggle" data-open={hasChildren ? row.expanded : undefined} />
      )}
      <span id={textId} className="tree-text">
        <span
          className={`tree-name${row.isTopic ? ' tree-topic' : ''}`}
          title={visibleText(row.path)}
        >
          <span className="tree-parent-path">{parentPath}</span>
          {label}
        </span>{' '}
        <span className="tree-markers">
          {row.stale && (
            <span className="badge badge-stale" title={staleTitle}>
              stale
            </span>
          )}{' '}
          {!row.stale && row.staleTopics > 0 && (
            <span className="badge badge-stale">{grouped(row.staleTopics)} stale</span>
          )}{' '}
          {row.retained && <span className="badge badge-retained">retained</span>}
        </span>{' '}
        {row.isTopic && <span className="tree-value">{visibleText(row.lastValue)}</span>}{' '}
        <span className="tree-stats">
          {hasChildren && <span className="tree-topics">{topicCount(row.topics)} ·</span>}{' '}
          <span className="tree-count" title={`${grouped(row.messages)} messages`}>
            {grouped(row.messages)}
          </span>{' '}
          <span className="tree-rate" title="Messages per second">
            · {formatRate(row.rate)}
          </span>{' '}
          {row.isTopic && (
            <span className="tree-age" title={new Date(row.lastTime).toLocaleString()}>
              · {formatAge(now - row.lastTime)}
            </span>
          )}
        </span>
      </span>
      {row.isTopic && (
        <span className="tree-actions">
          {onChart && choices && (
            <button
              type="button"
              className="tree-action tree-action-chart"
              onClick={() =>
                'payload' in choices ? onChart(row.path, '') : setChoosing((open) => !open)
              }
              aria-label={`Chart ${row.path}`}
              aria-expanded={'fields' in choices ? choosing : undefined}
              title={'payload' in choices ? 'Chart this topic' : 'Chart a field of this topic'}
            >
              <Icon path={CHART_ICON} />
            </button>
          )}
          <button
            type="button"
            className="tree-action tree-action-history"
            onClick={() => onShowHistory(row.path)}
            aria-label={`History of ${row.path}`}
            title="Show this topic's history"
          >
            <Icon path={HISTORY_ICON} />
          </button>
          {row.retained && (
            <button
              type="button"
              className="tree-action tree-action-danger"
              onClick={() => onDeleteRetained(row.path)}
              aria-label={`Delete retained message of ${row.path}`}
              title="Delete the retained message"
            >
              <Icon path={DELETE_ICON} />
            </button>
          )}
        </span>
      )}
      {fields && onChart && (
        <div
          className="tree-chart-fields"
          role="group"
          aria-label={`Fields of ${row.path} to chart`}
          onKeyDown={(event) => {
            if (event.key === 'Escape') setChoosing(false);
          }}
        >
          <span className="tree-chart-fields-label">Chart</span>
          {fields.map((field) => (
            <button
              key={field}
              type="button"
              className="button-ghost"
              aria-label={`Chart ${field} of ${row.path}`}
              onClick={() => {
                setChoosing(false);
                onChart(row.path, field);
              }}
            >
              {visibleText(field)}
            </button>
          ))}
        </div>
      )}
    </li>
  );
}

const HISTORY_ICON = 'M2.5 8a5.5 5.5 0 1 0 1.6-3.9M2.5 2.5v2.6h2.6M8 5v3.2l2.2 1.4';
const CHART_ICON = 'M2.5 2.5v11h11M4.5 10.5l3-3.5 2.5 2 3.5-4.5';
const DELETE_ICON = 'M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.7 8.5h5.6l.7-8.5M7 7v4M9 7v4';

/** A stroked 16×16 icon; the button around it carries the name. */
function Icon({ path }: { path: string }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      <path
        d={path}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
