import { useState } from 'react';
import type { FormEvent } from 'react';
import { useStore } from 'zustand';
import { EMPTY_QUERY } from '../../../core/recorder/message-query.ts';
import type {
  MessageQuery,
  QueryDirection,
  QueryField,
} from '../../../core/recorder/message-query.ts';
import { resumeView, runSearch, seekTime } from '../messages-store.ts';
import { MessagesContext } from '../messages-context.ts';

/** `datetime-local` value (local time) → epoch ms, or null when empty or unreadable. */
function parseLocalTime(value: string): number | null {
  if (value === '') return null;
  const time = new Date(value).getTime();
  return Number.isFinite(time) ? time : null;
}

/**
 * The search over everything recorded: topic filter, text or regular expression in the
 * payload, a JSON field condition, a time range and the direction. Runs in the worker; the
 * list shows the matches as they are found and the live stream goes on meanwhile.
 */
export function SearchBar({ connectionIds }: { connectionIds: readonly string[] }) {
  const { view, search } = MessagesContext.use();
  const source = useStore(view, (state) => state.source);
  const shown = source.kind === 'recorded' ? source.query : null;
  const [draft, setDraft] = useState<MessageQuery>(shown ?? EMPTY_QUERY);
  const [from, setFrom] = useState(localTimeInput(shown?.from ?? null));
  const [to, setTo] = useState(localTimeInput(shown?.to ?? null));
  // A search started elsewhere (the topic tree's History) shows its fields here, ready to edit.
  const [filledFrom, setFilledFrom] = useState(shown);
  if (shown !== filledFrom) {
    setFilledFrom(shown);
    if (shown) {
      setDraft(shown);
      setFrom(localTimeInput(shown.from));
      setTo(localTimeInput(shown.to));
    }
  }
  const [jump, setJump] = useState('');
  const problems = source.kind === 'recorded' ? (source.status?.problems ?? []) : [];
  const problemOf = (field: QueryField) => problems.find((p) => p.field === field)?.reason;
  const searching = source.kind === 'recorded' && source.query !== null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    runSearch(view, search, connectionIds, {
      ...draft,
      from: parseLocalTime(from),
      to: parseLocalTime(to),
    });
  };
  const set = <K extends keyof MessageQuery>(key: K, value: MessageQuery[K]) =>
    setDraft((previous) => ({ ...previous, [key]: value }));

  return (
    <form
      className="search-bar"
      role="search"
      aria-label="Search recorded messages"
      onSubmit={submit}
    >
      <Field label="Topic filter" problem={problemOf('topicFilter')}>
        <input
          value={draft.topicFilter}
          onChange={(event) => set('topicFilter', event.target.value)}
          placeholder="sensors/+/temperature"
          spellCheck={false}
        />
      </Field>
      <Field label="Payload contains" problem={problemOf('text')}>
        <input
          value={draft.text}
          onChange={(event) => set('text', event.target.value)}
          placeholder={draft.regex ? '^\\{"alarm"' : 'text'}
          spellCheck={false}
        />
      </Field>
      <label className="search-check">
        <input
          type="checkbox"
          checked={draft.regex}
          onChange={(event) => set('regex', event.target.checked)}
        />
        Regular expression
      </label>
      <label className="search-check">
        <input
          type="checkbox"
          checked={draft.caseSensitive}
          onChange={(event) => set('caseSensitive', event.target.checked)}
        />
        Match case
      </label>
      <Field label="JSON field" problem={problemOf('field')}>
        <input
          value={draft.field}
          onChange={(event) => set('field', event.target.value)}
          placeholder="temperature > 30"
          spellCheck={false}
        />
      </Field>
      <div className="search-actions">
        <button type="submit">Search</button>
        {searching && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => resumeView(view, search)}
          >
            Back to live
          </button>
        )}
        {source.kind === 'recorded' && (
          <label className="inline-field">
            <span>Jump to</span>
            <input
              type="time"
              step="1"
              value={jump}
              aria-label="Jump to time"
              onChange={(event) => {
                setJump(event.target.value);
                const time = timeToday(event.target.value);
                if (time !== null) seekTime(view, search, time);
              }}
            />
          </label>
        )}
      </div>
      <details className="search-more" open={from !== '' || to !== '' || draft.direction !== 'any'}>
        <summary>Time and direction</summary>
        <div className="search-more-fields">
          <Field label="From" problem={problemOf('time')}>
            <input
              type="datetime-local"
              step="1"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
            />
          </Field>
          <Field label="To">
            <input
              type="datetime-local"
              step="1"
              value={to}
              onChange={(e) => setTo(e.target.value)}
            />
          </Field>
          <Field label="Direction">
            <select
              value={draft.direction}
              onChange={(event) => set('direction', event.target.value as QueryDirection)}
            >
              <option value="any">Received and sent</option>
              <option value="received">Received</option>
              <option value="published">Sent from here</option>
            </select>
          </Field>
        </div>
      </details>
    </form>
  );
}

/** Epoch ms → `datetime-local` value (local time, to the second); '' for no bound. */
function localTimeInput(time: number | null): string {
  if (time === null) return '';
  const date = new Date(time);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

/** `HH:MM[:SS]` today, local time. */
function timeToday(value: string): number | null {
  const match = /^(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value);
  if (!match) return null;
  const date = new Date();
  date.setHours(Number(match[1]), Number(match[2]), Number(match[3] ?? 0), 999);
  return date.getTime();
}

function Field({
  label,
  problem,
  children,
}: {
  label: string;
  problem?: string | undefined;
  children: React.ReactElement;
}) {
  return (
    <label className={`search-field${problem ? ' invalid' : ''}`}>
      <span>{label}</span>
      {children}
      {problem && (
        <span className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </label>
  );
}
