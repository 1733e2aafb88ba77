import { lazy, Suspense } from 'react';
import { useStore } from 'zustand';
import { Panel } from '../../../components/ui/panel.tsx';
import { formatRate } from '../../../core/format.ts';
import { messagesStore } from '../messages-store.ts';
import { clearStream, pauseStream, resumeStream } from '../message-actions.ts';
import { MessageList } from './message-list.tsx';

const MessageDetail = lazy(() => import('./message-detail.tsx'));

export function MessagesPanel() {
  const paused = useStore(messagesStore, (state) => state.paused);
  const received = useStore(messagesStore, (state) => state.counters.received);
  const rate = useStore(messagesStore, (state) => state.counters.rate);
  const hasSelection = useStore(messagesStore, (state) => state.selectedSeq !== null);

  return (
    <Panel
      title="Messages"
      className="messages-panel"
      actions={
        <>
          <span className="counter" aria-label="Messages received">
            <strong data-testid="received-count">{received.toLocaleString('en-US')}</strong>{' '}
            received · {formatRate(rate)}
          </span>
          <button
            type="button"
            className="button-secondary"
            onClick={paused ? resumeStream : pauseStream}
          >
            {paused ? 'Resume' : 'Pause'}
          </button>
          <button type="button" className="button-secondary" onClick={clearStream}>
            Clear
          </button>
        </>
      }
    >
      <div className="message-header" aria-hidden="true">
        <span>Time</span>
        <span>Topic</span>
        <span>Payload</span>
        <span />
      </div>
      <MessageList />
      {hasSelection && (
        <Suspense fallback={null}>
          <MessageDetail />
        </Suspense>
      )}
    </Panel>
  );
}
