import { useMemo, useState } from 'react';
import { visibleText } from '../../../core/visible-text.ts';
import { formatTime } from '../../../core/format.ts';
import { hexDumpLine, hexDumpLineCount } from '../../../core/hex-dump.ts';
import { formatJsonPath } from '../../../core/json-path-format.ts';
import { toHex } from '../../../core/payload.ts';
import { diffLines } from '../../../core/text-diff.ts';
import type { MessageProperties } from '../../../services/mqtt/index.ts';
import { JsonTree } from './json-tree.tsx';

const LINE_HEIGHT = 18;

/** Copies text to the clipboard and says so on the button for a moment. */
export function CopyButton({ label, text }: { label: string; text: () => string }) {
  const [done, setDone] = useState(false);
  return (
    <button
      type="button"
      className="button-ghost"
      onClick={() => {
        void navigator.clipboard?.writeText(text()).then(
          () => {
            setDone(true);
            setTimeout(() => setDone(false), 1_500);
          },
          () => setDone(false),
        );
      }}
    >
      {done ? 'Copied' : label}
    </button>
  );
}

export function TextView({ text, empty }: { text: string; empty: boolean }) {
  if (empty) return <p className="muted">The payload is empty.</p>;
  // React renders the text as text: markup in a payload is shown, never run.
  return (
    <pre className="detail-payload" tabIndex={0} aria-label="Payload">
      {visibleText(text)}
    </pre>
  );
}

export function JsonView({
  value,
  label = 'Payload as JSON',
  onChartField,
}: {
  value: unknown;
  label?: string;
  onChartField: ((jsonPath: string) => void) | undefined;
}) {
  return (
    <div className="detail-payload json-view">
      <JsonTree
        value={value}
        label={label}
        onChartField={onChartField ? (path) => onChartField(formatJsonPath(path)) : undefined}
      />
    </div>
  );
}

/** A hex dump, 16 bytes a line; only the lines in view are made, so 1 MB scrolls freely. */
export function HexView({ bytes }: { bytes: Uint8Array }) {
  const [scrollTop, setScrollTop] = useState(0);
  const lines = hexDumpLineCount(bytes.length);
  const height = 320;
  const first = Math.max(0, Math.floor(scrollTop / LINE_HEIGHT) - 5);
  const last = Math.min(lines, first + Math.ceil(height / LINE_HEIGHT) + 10);
  const shown: string[] = [];
  for (let line = first; line < last; line += 1) shown.push(hexDumpLine(bytes, line));
  return (
    <div
      className="detail-payload hex-view"
      style={{ height: Math.min(height, lines * LINE_HEIGHT + 20) }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      tabIndex={0}
      aria-label="Payload as a hex dump"
    >
      <div style={{ height: lines * LINE_HEIGHT, position: 'relative' }}>
        <pre style={{ position: 'absolute', top: first * LINE_HEIGHT, margin: 0 }}>
          {shown.join('\n')}
        </pre>
      </div>
    </div>
  );
}

function propertyRows(properties: MessageProperties): [string, string][] {
  const rows: [string, string][] = [];
  if (properties.contentType !== undefined) rows.push(['Content type', properties.contentType]);
  if (properties.payloadFormatIndicator !== undefined)
    rows.push([
      'Payload format',
      properties.payloadFormatIndicator ? 'UTF-8 text (indicator 1)' : 'bytes (indicator 0)',
    ]);
  if (properties.messageExpiryInterval !== undefined)
    rows.push(['Message expiry', `${properties.messageExpiryInterval} s`]);
  if (properties.responseTopic !== undefined)
    rows.push(['Response topic', properties.responseTopic]);
  if (properties.correlationData !== undefined)
    rows.push(['Correlation data', toHex(properties.correlationData)]);
  if (properties.subscriptionIdentifier !== undefined)
    rows.push([
      'Subscription identifier',
      ([] as number[]).concat(properties.subscriptionIdentifier).join(', '),
    ]);
  if (properties.topicAlias !== undefined)
    rows.push(['Topic alias', String(properties.topicAlias)]);
  for (const [name, value] of Object.entries(properties.userProperties ?? {}))
    rows.push([`User property “${name}”`, ([] as string[]).concat(value).join(', ')]);
  return rows;
}

/** The MQTT 5 properties the message carried. */
export function PropertiesView({ properties }: { properties: MessageProperties }) {
  return (
    <table className="properties-table" aria-label="MQTT 5 properties">
      <tbody>
        {propertyRows(properties).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What changed since the previous message on the same topic, line by line. */
export function DiffView({
  before,
  after,
  previousTime,
}: {
  before: string;
  after: string;
  previousTime: number;
}) {
  const diff = useMemo(() => diffLines(pretty(before), pretty(after)), [before, after]);
  return (
    <div className="diff-view">
      <p className="muted">
        Compared with the message of {formatTime(previousTime)} on this topic.
      </p>
      {diff.ok ? (
        <pre className="detail-payload" tabIndex={0} aria-label="Changes">
          {diff.lines.map((line, index) => (
            <span key={index} className={`diff-${line.kind}`}>
              {line.kind === 'added' ? '+ ' : line.kind === 'removed' ? '- ' : '  '}
              {line.text}
              {'\n'}
            </span>
          ))}
        </pre>
      ) : (
        <p>{diff.reason}</p>
      )}
    </div>
  );
}

/** JSON is compared pretty-printed, so a change shows on its own line. */
function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
