import { getMqttService } from '../../services/mqtt/index.ts';
import { connectionStore, setWantsConnection } from './connection-store.ts';

export function connect(): void {
  const { settings } = connectionStore.getState();
  setWantsConnection(true);
  getMqttService().connect({ ...settings, url: settings.url.trim() });
}

export function disconnect(): void {
  setWantsConnection(false);
  getMqttService().disconnect();
}
