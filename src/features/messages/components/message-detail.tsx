import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { visibleText } from '../../../core/visible-text.ts';
import { useStore } from 'zustand';
import { formatBytes } from '../../../core/payload.ts';
import { formatTime } from '../../../core/format.ts';
import { utf8Decoder } from '../../../core/decoders/utf8.ts';
import type { MessageDetail as Detail } from '../../../services/mqtt/index.ts';
import { selectRow } from '../messages-store.ts';
import { MessagesContext } from '../messages-context.ts';
import {
  CopyButton,
  DiffView,
  HexView,
  JsonView,
  PropertiesView,
  TextView,
} from './payload-views.tsx';
import { bytesToBase64 } from '../../../core/base64.ts';
import type { PayloadFormat } from '../../../core/decoders/index.ts';
import { ShowAsSelect, SparkplugSummary, showAsRequest } from './show-as.tsx';
import type { ShowAsChoice } from './show-as.tsx';

type Tab = 'decoded' | 'text' | 'hex' | 'base64' | 'properties' | 'changes';

const TAB_NAMES: Record<Exclude<Tab, 'decoded'>, string> = {
  text: 'Text',
  hex: 'Hex',
  base64: 'Base64',
  properties: 'Properties',
  changes: 'Changes',
};

/** The decoded tab is named after what read the payload. */
const DECODED_TAB_NAMES: Partial<Record<PayloadFormat, string>> = {
  json: 'JSON tree',
  sparkplug: 'Sparkplug B',
  protobuf: 'Protobuf',
  cbor: 'CBOR',
  msgpack: 'MessagePack',
};

/** Parses the payload as JSON once per message; null when it is not JSON. */
function useJson(text: string, skip: boolean): { value: unknown } | null {
  return useMemo(() => {
    if (skip) return null;
    const trimmed = text.trimStart();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return null;
    }
  }, [text, skip]);
}

/** The tab a choice of "show as" opens: the byte views are the page's, the rest the worker's. */
function tabFor(choice: ShowAsChoice): Tab | null {
  if (choice === 'text' || choice === 'base64') return choice;
  if (choice === 'binary') return 'hex';
  return choice === 'auto' ? null : 'decoded';
}

/**
 * The drawer lives at the end of <body>, outside the message panel, so nothing the panel does
 * (its size, a future containment or transform) can clip or move it.
 */
function Drawer({ children }: { children: ReactNode }) {
  return createPortal(children, document.body);
}

/** The whole of one message, read from the recorder; loaded on demand. */
export default function MessageDetail({ connectionName }: { connectionName: string | null }) {
  return (
    <Drawer>
      <MessageDetailContent connectionName={connectionName} />
    </Drawer>
  );
}

function MessageDetailContent({ connectionName }: { connectionName: string | null }) {
  const { view, handleFor } = MessagesContext.use();
  const selected = useStore(view, (state) => state.selected);
  const answer = useStore(view, (state) => state.detail);
  const close = () => {
    selectRow(view, null, handleFor);
    // Back to where the user was: the list, on the row that was opened.
    document.getElementById('message-list')?.focus();
  };
  if (!selected) return null;
  if (!answer) {
    return (
      <section className="message-detail" aria-label="Message details">
        <p className="muted">Reading the message…</p>
      </section>
    );
  }
  if (!answer.message) {
    return (
      <section className="message-detail" aria-label="Message details">
        <header>
          <p>This message is no longer recorded: the recorder budget evicted it.</p>
          <CloseButton onClose={close} />
        </header>
      </section>
    );
  }
  return (
    <DetailBody
      key={`${answer.key.connectionId}:${answer.key.seq}`}
      detail={answer.message}
      connectionName={connectionName}
      onClose={close}
    />
  );
}

function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="button-ghost" onClick={onClose} aria-label="Close details">
      ✕
    </button>
  );
}

function DetailBody({
  detail,
  connectionName,
  onClose,
}: {
  detail: Detail;
  connectionName: string | null;
  onClose: () => void;
}) {
  const { chartField, handleFor, protoTypes } = MessagesContext.use();
  const text = useMemo(() => utf8Decoder.decode(detail.payload), [detail.payload]);
  const decoded = detail.decoded;
  // Without the worker's decode (an older worker's answer), the page reads JSON itself.
  const json = useJson(text, decoded !== undefined);
  const tree = decoded ? decoded.value : json?.value;
  const [choice, setChoice] = useState<ShowAsChoice>('auto');
  const [tab, setTab] = useState<Tab>(() =>
    tree !== undefined ? 'decoded' : decoded?.format === 'binary' ? 'hex' : 'text',
  );
  const drawer = useRef<HTMLElement | null>(null);
  useEffect(() => drawer.current?.focus(), []);
  const showDecoded = tree !== undefined || tabFor(choice) === 'decoded';
  const tabs: Tab[] = [...(showDecoded ? (['decoded'] as const) : []), 'text', 'hex', 'base64'];
  if (detail.properties) tabs.push('properties');
  if (detail.previous) tabs.push('changes');
  const tabName = (name: Tab) =>
    name === 'decoded'
      ? (DECODED_TAB_NAMES[decoded?.format ?? 'json'] ?? 'Decoded')
      : TAB_NAMES[name];
  const pick = (next: ShowAsChoice) => {
    setChoice(next);
    const as = showAsRequest(next);
    // The worker decodes again with the decoder picked; for the page's own views (text, hex,
    // base64) and auto it answers with the evidence's choice, so no earlier pick's note stays.
    handleFor(detail.connectionId).requestDetail(detail.id, as ?? undefined);
    setTab(tabFor(next) ?? (tree !== undefined ? 'decoded' : 'text'));
  };

  return (
    <section
      className="message-detail"
      aria-label="Message details"
      ref={drawer}
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header>
        <code className="detail-topic">{visibleText(detail.topic)}</code>
        <span className="detail-actions">
          <CopyButton label="Copy topic" text={() => detail.topic} />
          <CopyButton label="Copy payload" text={() => text} />
          <CloseButton onClose={onClose} />
        </span>
      </header>
      <dl>
        {connectionName && (
          <>
            <dt>Connection</dt>
            <dd>{connectionName}</dd>
          </>
        )}
        <dt>{detail.published ? 'Sent' : 'Received'}</dt>
        <dd>{formatTime(detail.time)}</dd>
        <dt>Size</dt>
        <dd>
          {formatBytes(detail.size)}
          {detail.cut &&
            ` (over the recorder's per-message cap: the first ${formatBytes(detail.payload.length)} were kept)`}
        </dd>
        <dt>QoS</dt>
        <dd>{detail.qos}</dd>
        <dt>Retained</dt>
        <dd>{detail.retain ? 'yes' : 'no'}</dd>
        <dt>Duplicate</dt>
        <dd>{detail.dup ? 'yes (redelivered)' : 'no'}</dd>
      </dl>
      <ShowAsSelect
        value={choice}
        onChange={pick}
        protoTypes={protoTypes?.(detail.connectionId) ?? []}
      />
      {decoded?.note !== undefined && (
        <p className="decode-note" role="note">
          {visibleText(decoded.note)}
        </p>
      )}
      <div className="detail-tabs" role="tablist" aria-label="Payload views">
        {tabs.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`detail-tab-${name}`}
            aria-selected={tab === name}
            aria-controls="detail-panel"
            className={tab === name ? 'active' : ''}
            onClick={() => setTab(name)}
          >
            {tabName(name)}
          </button>
        ))}
      </div>
      <div
        className="detail-panel"
        id="detail-panel"
        role="tabpanel"
        aria-labelledby={`detail-tab-${tab}`}
      >
        {tab === 'text' && <TextView text={text} empty={detail.payload.length === 0} />}
        {tab === 'decoded' && decoded?.format === 'sparkplug' && (
          <SparkplugSummary value={decoded.value} />
        )}
        {tab === 'decoded' &&
          (tree !== undefined ? (
            <JsonView
              value={tree}
              label={
                (decoded?.format ?? 'json') === 'json'
                  ? 'Payload as JSON'
                  : `Payload as ${tabName('decoded')}`
              }
              onChartField={
                chartField
                  ? (path) => chartField(detail.connectionId, detail.topic, path)
                  : undefined
              }
            />
          ) : (
            <TextView text={decoded?.preview ?? text} empty={detail.payload.length === 0} />
          ))}
        {tab === 'hex' && <HexView bytes={detail.payload} />}
        {tab === 'base64' && <TextView text={bytesToBase64(detail.payload)} empty={false} />}
        {tab === 'properties' && detail.properties && (
          <PropertiesView properties={detail.properties} />
        )}
        {tab === 'changes' && detail.previous && (
          <DiffView
            before={utf8Decoder.decode(detail.previous.payload)}
            after={text}
            previousTime={detail.previous.time}
          />
        )}
      </div>
    </section>
  );
}
