import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';
import type { ConnectSettings, ConnectionStatus } from '../../services/mqtt/index.ts';

export interface ConnectionState {
  settings: ConnectSettings;
  status: ConnectionStatus;
  /** Whether the user last asked to be connected: a reload reconnects. */
  wantsConnection: boolean;
}

export function generateClientId(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `mqtt-scope-${random}`;
}

export const DEFAULT_SETTINGS: ConnectSettings = {
  url: 'ws://localhost:9001/mqtt',
  clientId: generateClientId(),
  username: '',
  password: '',
  protocolVersion: 4,
  keepaliveSeconds: 30,
  cleanStart: true,
};

export const connectionStore = createStore<ConnectionState>()(
  persist(
    (): ConnectionState => ({
      settings: DEFAULT_SETTINGS,
      status: { status: 'idle' },
      wantsConnection: false,
    }),
    {
      name: 'mqtt-scope:connection',
      // The password stays in memory only: localStorage is readable by any script on this origin.
      partialize: ({ settings, wantsConnection }) => ({
        settings: { ...settings, password: '' },
        wantsConnection,
      }),
    },
  ),
);

export function updateSettings(changes: Partial<ConnectSettings>): void {
  connectionStore.setState((state) => ({ settings: { ...state.settings, ...changes } }));
}

export function applyStatus(status: ConnectionStatus): void {
  connectionStore.setState({ status });
}

export function setWantsConnection(wantsConnection: boolean): void {
  connectionStore.setState({ wantsConnection });
}
