import { useState } from 'react';
import { useStore } from 'zustand';
import { compileTemplate } from '../../../core/payload-template.ts';
import { formatRate } from '../../../core/format.ts';
import { preparePublish } from '../prepare-publish.ts';
import { startedRepeat } from '../publish-store.ts';
import type { RepeatStatus } from '../publish-store.ts';
import { PublishContext } from '../publish-context.ts';
import { limitsOf } from '../send-message.ts';

function describeRepeat(repeat: RepeatStatus): string {
  const of = repeat.total === null ? '' : ` of ${repeat.total.toLocaleString('en')}`;
  const counted = `${repeat.sent.toLocaleString('en')}${of} sent`;
  const rate = repeat.sent > 1 ? ` · ${formatRate(repeat.rate)}` : '';
  switch (repeat.state) {
    case 'starting':
      return 'Starting…';
    case 'running':
      return `Running: ${counted}${rate}`;
    case 'done':
      return `Done: ${counted}${rate}`;
    case 'stopped':
      return `Stopped: ${counted}${rate}`;
    case 'failed':
      return `Stopped: ${counted}. ${repeat.reason ?? ''}`;
  }
}

/** Whole number in [min, max] as typed, or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text.trim());
  return value >= min && value <= max ? value : null;
}

/**
 * The repeat publisher: the form's topic and payload (a template with `{{counter}}` and the
 * like) sent every N ms, M times or until stopped, by the worker.
 */
export function RepeatSection({ connectionId }: { connectionId: string }) {
  const runtime = PublishContext.use();
  const { store, handleFor } = runtime;
  const [interval, setIntervalText] = useState('1000');
  const [times, setTimes] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const repeat = useStore(store, (state) =>
    state.repeats.find((r) => r.connectionId === connectionId),
  );
  const running = repeat?.state === 'starting' || repeat?.state === 'running';

  const start = () => {
    const { draft } = store.getState();
    if (draft.mode !== 'text' && draft.mode !== 'json') {
      return setError('Placeholders work in text and JSON payloads: choose one of those.');
    }
    const intervalMs = wholeNumber(interval, 1, 86_400_000);
    if (intervalMs === null)
      return setError('The interval is a whole number of milliseconds, 1 or more.');
    const count = times.trim() === '' ? null : wholeNumber(times, 1, 1_000_000_000);
    if (times.trim() !== '' && count === null) {
      return setError(
        'Times is a whole number, 1 or more; leave it empty to repeat until stopped.',
      );
    }
    const compiled = compileTemplate(draft.payload);
    if (!compiled.ok) return setError(compiled.reason);
    // The topic and properties are checked as for one message (the payload as text: its
    // placeholders are filled per message).
    const prepared = preparePublish(
      { ...draft, mode: 'text' },
      null,
      limitsOf(runtime, connectionId),
    );
    if (!prepared.ok) return setError(prepared.reason);
    setError(null);
    const repeatId = handleFor(connectionId).startRepeat({
      topic: prepared.topic,
      template: draft.payload,
      qos: draft.qos,
      retain: draft.retain,
      intervalMs,
      count,
      ...(prepared.properties ? { properties: prepared.properties } : {}),
    });
    startedRepeat(store, repeatId, connectionId, count);
  };

  return (
    <details className="publish-repeat">
      <summary>Repeat</summary>
      <p className="publish-note">
        Sends the topic and payload above again and again. Placeholders in the payload:{' '}
        <code>{'{{counter}}'}</code>, <code>{'{{timestamp}}'}</code>, <code>{'{{iso}}'}</code>,{' '}
        <code>{'{{random(min,max)}}'}</code>, <code>{'{{sine(period,amplitude)}}'}</code>,{' '}
        <code>{'{{uuid}}'}</code>.
      </p>
      <div className="field-row">
        <label className="field">
          <span>Every (ms)</span>
          <input
            value={interval}
            inputMode="numeric"
            onChange={(e) => setIntervalText(e.target.value)}
          />
        </label>
        <label className="field">
          <span>Times (empty: until stopped)</span>
          <input value={times} inputMode="numeric" onChange={(e) => setTimes(e.target.value)} />
        </label>
      </div>
      <div className="publish-actions">
        {running && repeat ? (
          <button
            type="button"
            className="button-secondary"
            onClick={() => handleFor(connectionId).stopRepeat(repeat.repeatId)}
          >
            Stop
          </button>
        ) : (
          <button type="button" className="button-secondary" onClick={start}>
            Start repeating
          </button>
        )}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {repeat && (
        <p className="publish-repeat-status" role="status" aria-label="Repeat progress">
          {describeRepeat(repeat)}
        </p>
      )}
    </details>
  );
}
