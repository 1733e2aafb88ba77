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

type Tab = 'text' | 'json' | 'hex' | 'base64' | 'properties' | 'changes';

const TAB_NAMES: Record<Tab, string> = {
  text: 'Text',
  json: 'JSON tree',
  hex: 'Hex',
  base64: 'Base64',
  properties: 'Properties',
  changes: 'Changes',
};

/** Parses the payload as JSON once per message; null when it is not JSON. */
function useJson(text: string): { value: unknown } | null {
  return useMemo(() => {
    const trimmed = text.trimStart();
    if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return null;
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return null;
    }
  }, [text]);
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
  const { chartField } = MessagesContext.use();
  const text = useMemo(() => utf8Decoder.decode(detail.payload), [detail.payload]);
  const json = useJson(text);
  const [tab, setTab] = useState<Tab>(json ? 'json' : 'text');
  const drawer = useRef<HTMLElement | null>(null);
  useEffect(() => drawer.current?.focus(), []);
  const tabs: Tab[] = ['text', ...(json ? (['json'] as const) : []), 'hex', 'base64'];
  if (detail.properties) tabs.push('properties');
  if (detail.previous) tabs.push('changes');

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
      <div className="detail-tabs" role="tablist" aria-label="Show the payload as">
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
            {TAB_NAMES[name]}
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
        {tab === 'json' && json && (
          <JsonView
            value={json.value}
            onChartField={
              chartField ? (path) => chartField(detail.connectionId, detail.topic, path) : undefined
            }
          />
        )}
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
