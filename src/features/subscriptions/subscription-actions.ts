import { getMqttService } from '../../services/mqtt/index.ts';
import type { QoS } from '../../services/mqtt/index.ts';
import { addSubscription, removeSubscription } from './subscriptions-store.ts';

export function subscribe(filter: string, qos: QoS): void {
  addSubscription(filter, qos);
  getMqttService().subscribe(filter, qos);
}

export function unsubscribe(filter: string): void {
  removeSubscription(filter);
  getMqttService().unsubscribe(filter);
}
