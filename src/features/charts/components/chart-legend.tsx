import { useState } from 'react';
import { Modal } from '../../../components/ui/modal.tsx';
import { visibleText } from '../../../core/visible-text.ts';

export interface LegendLine {
  /** Names the line among the chart's (core/chart-series lineKey). */
  key: string;
  topic: string;
  label: string;
  color: string;
  /** The newest value, formatted with the unit; undefined before the first. */
  last: string | undefined;
}

interface ChartLegendProps {
  title: string;
  lines: readonly LegendLine[];
  /** Keys of the lines the user switched off in the legend. */
  off: ReadonlySet<string>;
  onToggle: (key: string) => void;
  /** Keys of the lines that match but are not drawn. */
  hiddenTopics: readonly string[];
  /** Whether the user picked the lines (rather than the first topics to arrive). */
  chosen: boolean;
  onChoose: (keys: string[] | null) => void;
  /** A line key as the user reads it (its topic, and its series when there are several). */
  describe: (key: string) => string;
  maxChosen: number;
}

/**
 * The legend: each line a toggle button with its latest value, and, when the filter matches
 * more topics than the chart draws, how many are not drawn and a way to pick which are.
 */
export function ChartLegend(props: ChartLegendProps) {
  const { title, lines, off, onToggle, hiddenTopics, chosen } = props;
  const [choosing, setChoosing] = useState(false);
  return (
    <figcaption className="chart-legend-area">
      <ul className="chart-legend" aria-label={`Lines of ${title}`}>
        {lines.map((line) => (
          <li key={line.key}>
            <button
              type="button"
              className="legend-item"
              aria-pressed={!off.has(line.key)}
              title={`${visibleText(props.describe(line.key))} (click to ${off.has(line.key) ? 'show' : 'hide'})`}
              onClick={() => onToggle(line.key)}
            >
              <span
                className="legend-swatch"
                style={{ background: line.color }}
                aria-hidden="true"
              />
              <span className="legend-label">{line.label}</span>
              {line.last !== undefined && <span className="legend-value">{line.last}</span>}
            </button>
          </li>
        ))}
      </ul>
      {(hiddenTopics.length > 0 || chosen) && (
        <p className="legend-hidden">
          {hiddenTopics.length > 0 && (
            <span>
              {hiddenTopics.length}
              {hiddenTopics.length >= 500 ? '+' : ''} more matching topic
              {hiddenTopics.length === 1 ? ' is' : 's are'} not drawn.
            </span>
          )}{' '}
          <button type="button" className="button-ghost" onClick={() => setChoosing(true)}>
            Choose lines…
          </button>
        </p>
      )}
      {choosing && (
        <LineChooser
          {...props}
          onClose={() => setChoosing(false)}
          onChoose={(topics) => {
            props.onChoose(topics);
            setChoosing(false);
          }}
        />
      )}
    </figcaption>
  );
}

function LineChooser({
  title,
  lines,
  hiddenTopics,
  maxChosen,
  onChoose,
  onClose,
  describe,
}: ChartLegendProps & { onClose: () => void }) {
  const all = [...lines.map((line) => line.key), ...hiddenTopics];
  const [picked, setPicked] = useState(() => new Set(lines.map((line) => line.key)));
  const full = picked.size >= maxChosen;
  const toggle = (key: string) =>
    setPicked((before) => {
      const next = new Set(before);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <Modal title={`Lines of ${title}`} onClose={onClose}>
      <p className="form-note" role="status">
        {picked.size} of {all.length} topics picked; a chart draws at most {maxChosen}.
      </p>
      <ul className="line-chooser">
        {all.map((key) => (
          <li key={key}>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={picked.has(key)}
                disabled={full && !picked.has(key)}
                onChange={() => toggle(key)}
              />
              <code>{visibleText(describe(key))}</code>
            </label>
          </li>
        ))}
      </ul>
      <div className="modal-actions">
        <button type="button" className="button-secondary" onClick={() => onChoose(null)}>
          Draw the first to arrive
        </button>
        <button
          type="button"
          className="button-primary"
          disabled={picked.size === 0}
          onClick={() => onChoose(all.filter((key) => picked.has(key)))}
        >
          Draw these lines
        </button>
      </div>
    </Modal>
  );
}
