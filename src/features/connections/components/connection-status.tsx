import { useStore } from 'zustand';
import { useNow } from '../../../components/ui/use-now.ts';
import type { ConnectionStatus } from '../../../services/mqtt/index.ts';
import { ConnectionsContext } from '../connections-context.ts';
import { secondsUntil } from './connection-problem.tsx';

/** A few words for a status, as the header and the connection list show it. */
export function describeStatus(
  status: ConnectionStatus,
  now: number,
  needsPassword = false,
): string {
  switch (status.status) {
    case 'idle':
      return needsPassword ? 'Password needed' : 'Not connected';
    case 'connecting':
      return status.attempt > 1 ? `Connecting (attempt ${status.attempt})…` : 'Connecting…';
    case 'connected': {
      const connected = `Connected · MQTT ${status.protocolVersion === 5 ? '5.0' : '3.1.1'}`;
      if (status.silentSince === null) return connected;
      const seconds = Math.max(0, Math.round((now - status.silentSince) / 1_000));
      return `${connected} · no answer from the broker for ${seconds} s`;
    }
    case 'reconnecting': {
      const seconds = secondsUntil(status.retryAt, now);
      return `Reconnecting in ${seconds} s (attempt ${status.attempt})`;
    }
    case 'error':
      return 'Connection failed';
    case 'disconnected':
      return 'Disconnected';
  }
}

/** The status of the connection in focus, always visible in the header. */
export function ConnectionStatusBadge({
  connectionId,
  name,
}: {
  connectionId: string;
  name: string;
}) {
  const { statusFor } = ConnectionsContext.use();
  const store = statusFor(connectionId);
  const status = useStore(store, (state) => state.status);
  const needsPassword = useStore(store, (state) => state.needsPassword);
  const silent = status.status === 'connected' && status.silentSince !== null;
  const now = useNow(status.status === 'reconnecting' || silent);
  const url = 'url' in status ? status.url : '';
  return (
    <div
      className={`status status-${status.status}${silent ? ' status-silent' : ''}`}
      role="status"
      aria-label="Connection status"
    >
      <span className="status-dot" aria-hidden="true" />
      <span className="status-name">{name}</span>
      <span className="status-text">{describeStatus(status, now, needsPassword)}</span>
      {url && <span className="status-url">{url}</span>}
    </div>
  );
}
