import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { checkRecorderBudget } from '../../../core/recorder/recorder-budget.ts';
import type { RecorderBudget } from '../../../services/mqtt/index.ts';
import { MessagesContext } from '../messages-context.ts';

const MB = 1024 * 1024;
const KB = 1024;

/**
 * How much the recorder keeps per connection: messages, memory and the per-message cap. A
 * smaller budget evicts the oldest messages at once; the newest of each topic stays.
 */
export function BudgetEditor({ onDone }: { onDone: () => void }) {
  const { budget: store } = MessagesContext.use();
  const budget = useStore(store, (state) => state.budget);
  const [messages, setMessages] = useState(String(budget.maxMessages));
  const [megabytes, setMegabytes] = useState(String(Math.round(budget.maxBytes / MB)));
  const [capKb, setCapKb] = useState(String(Math.round(budget.maxPayloadBytes / KB)));
  const [problem, setProblem] = useState<{ field: keyof RecorderBudget; reason: string } | null>(
    null,
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkRecorderBudget({
      maxMessages: Number(messages),
      maxBytes: Number(megabytes) * MB,
      maxPayloadBytes: Number(capKb) * KB,
    });
    if (!checked.ok) return setProblem(checked);
    store.setState({ budget: checked.budget });
    onDone();
  };
  const reasonFor = (field: keyof RecorderBudget) =>
    problem?.field === field ? (
      <span className="field-problem" role="alert">
        {problem.reason}
      </span>
    ) : null;

  return (
    <form className="search-bar budget-editor" aria-label="Recorder budget" onSubmit={submit}>
      <label className="search-field">
        <span>Messages kept per connection</span>
        <input inputMode="numeric" value={messages} onChange={(e) => setMessages(e.target.value)} />
        {reasonFor('maxMessages')}
      </label>
      <label className="search-field">
        <span>Memory per connection (MB)</span>
        <input
          inputMode="numeric"
          value={megabytes}
          onChange={(e) => setMegabytes(e.target.value)}
        />
        {reasonFor('maxBytes')}
      </label>
      <label className="search-field">
        <span>Largest payload kept whole (KB)</span>
        <input inputMode="numeric" value={capKb} onChange={(e) => setCapKb(e.target.value)} />
        {reasonFor('maxPayloadBytes')}
      </label>
      <div className="search-actions">
        <button type="submit">Apply</button>
        <button type="button" className="button-secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
