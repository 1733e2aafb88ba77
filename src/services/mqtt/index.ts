export { createMqttService } from './mqtt-service.ts';
export type { BatchListener, MqttService } from './mqtt-service.ts';
export type * from './protocol.ts';
export { MESSAGE_HISTORY } from './protocol.ts';

import { createMqttService } from './mqtt-service.ts';
import type { MqttService } from './mqtt-service.ts';

let service: MqttService | null = null;

/** The one MQTT worker of this page, started on first use. */
export function getMqttService(): MqttService {
  service ??= createMqttService();
  return service;
}
