import { useStore } from 'zustand';
import { connectionStore } from '../connection-store.ts';
import type { ConnectionStatus } from '../../../services/mqtt/index.ts';

function describe(status: ConnectionStatus): string {
  switch (status.status) {
    case 'idle':
      return 'Not connected';
    case 'connecting':
      return 'Connecting…';
    case 'connected':
      return `Connected · MQTT ${status.protocolVersion === 5 ? '5.0' : '3.1.1'}`;
    case 'reconnecting':
      return `Reconnecting (attempt ${status.attempt})`;
    case 'error':
      return 'Connection failed';
    case 'disconnected':
      return 'Disconnected';
  }
}

/** The connection state, always visible in the header. */
export function ConnectionStatusBadge() {
  const status = useStore(connectionStore, (state) => state.status);
  const url = 'url' in status ? status.url : '';
  return (
    <div className={`status status-${status.status}`} role="status" aria-label="Connection status">
      <span className="status-dot" aria-hidden="true" />
      <span className="status-text">{describe(status)}</span>
      {url && <span className="status-url">{url}</span>}
    </div>
  );
}
