import { useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { validateTopicFilter } from '../../../core/topic-filter.ts';
import { parseJsonPath } from '../../../core/json-path.ts';
import { addChart } from '../charts-store.ts';
import { ChartsContext } from '../charts-context.ts';
import type { ChartConnection } from '../charts-context.ts';
import { FormError } from '../../../components/ui/form-error.tsx';

interface AddChartFormProps {
  connections: readonly ChartConnection[];
  /** The connection chosen at first: the one in focus. */
  defaultConnectionId: string;
  onDone: () => void;
}

const SUGGESTION_LIMIT = 200;

export function AddChartForm({ connections, defaultConnectionId, onDone }: AddChartFormProps) {
  const { charts, listTopics } = ChartsContext.use();
  const [connectionId, setConnectionId] = useState(defaultConnectionId);
  const [filter, setFilter] = useState('');
  const [jsonPath, setJsonPath] = useState('');
  const [title, setTitle] = useState('');
  const [unit, setUnit] = useState('');
  const [error, setError] = useState<string | null>(null);
  // The topics containing what was typed so far; with 10,000 topics the first 200 of all would
  // rarely hold the one wanted.
  const suggestions = useMemo(() => {
    const typed = filter.trim();
    const matching: string[] = [];
    for (const topic of listTopics(connectionId)) {
      if (topic.includes(typed)) matching.push(topic);
      if (matching.length === SUGGESTION_LIMIT) break;
    }
    return matching;
  }, [filter, listTopics, connectionId]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const topicCheck = validateTopicFilter(filter.trim());
    if (!topicCheck.ok) return setError(topicCheck.reason);
    const pathCheck = parseJsonPath(jsonPath.trim());
    if (!pathCheck.ok) return setError(pathCheck.reason);
    const path = jsonPath.trim();
    addChart(charts, {
      connectionId,
      filter: filter.trim(),
      jsonPath: path,
      title: title.trim() || (path ? `${path} · ${filter.trim()}` : filter.trim()),
      unit: unit.trim(),
    });
    onDone();
  };

  return (
    <form className="form add-chart" onSubmit={onSubmit} aria-label="Add chart">
      <div className="field-row">
        {connections.length > 1 && (
          <label className="field">
            <span>Connection</span>
            <select value={connectionId} onChange={(event) => setConnectionId(event.target.value)}>
              {connections.map((connection) => (
                <option key={connection.id} value={connection.id}>
                  {connection.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          <span>Chart topic</span>
          <input
            value={filter}
            onChange={(event) => setFilter(event.target.value)}
            list="known-topics"
            placeholder="sensors/+/temperature"
            spellCheck={false}
          />
        </label>
        <label className="field">
          <span>JSON field (optional)</span>
          <input
            value={jsonPath}
            onChange={(event) => setJsonPath(event.target.value)}
            placeholder="temperature or readings[0].value"
            spellCheck={false}
          />
        </label>
      </div>
      <div className="field-row field-row-end">
        <label className="field">
          <span>Title</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} />
        </label>
        <label className="field field-narrow">
          <span>Unit</span>
          <input value={unit} onChange={(event) => setUnit(event.target.value)} placeholder="°C" />
        </label>
        <button type="submit" className="button-primary">
          Add chart
        </button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
      <FormError message={error} />
      <datalist id="known-topics">
        {suggestions.map((topic) => (
          <option key={topic} value={topic} />
        ))}
      </datalist>
    </form>
  );
}
