import { useId } from 'react';
import { formatTime } from '../../../core/format.ts';
import { decoderChoices, pickOfValue } from '../../../core/decoders/decoder-choices.ts';
import type { DecoderPick, ProtoType } from '../../../core/decoders/decoder-choices.ts';

/** `auto` (what the evidence chose), `base64`, or a decoder choice's value. */
export type ShowAsChoice = string;

/** What to ask the worker for: a decoder, or null for a view the page draws from the bytes. */
export function showAsRequest(choice: ShowAsChoice): DecoderPick | null {
  if (choice === 'auto' || choice === 'text' || choice === 'binary' || choice === 'base64') {
    return null;
  }
  return pickOfValue(choice);
}

/** "Show as": read this one message with another decoder than the evidence chose. */
export function ShowAsSelect({
  value,
  onChange,
  protoTypes,
}: {
  value: ShowAsChoice;
  onChange: (choice: ShowAsChoice) => void;
  protoTypes: readonly ProtoType[];
}) {
  const id = useId();
  const choices = decoderChoices(protoTypes);
  return (
    <div className="show-as">
      <label htmlFor={id}>Show as</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="auto">Auto (from the evidence)</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
        <option value="base64">Base64</option>
      </select>
    </div>
  );
}

function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object'
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

/** A Sparkplug payload's header in words: its sequence number, time and metric count. */
export function SparkplugSummary({ value }: { value: unknown }) {
  const seq = field(value, 'seq');
  const timestamp = field(value, 'timestamp');
  const metrics = field(value, 'metrics');
  const count = metrics && typeof metrics === 'object' ? Object.keys(metrics).length : 0;
  const parts: string[] = [];
  if (seq !== undefined) parts.push(`seq ${String(seq)}`);
  if (typeof timestamp === 'number') parts.push(`sent ${formatTime(timestamp)}`);
  parts.push(`${count} metric${count === 1 ? '' : 's'}`);
  return <p className="sparkplug-summary">{parts.join(' · ')}</p>;
}
