export { createMqttService } from './mqtt-service.ts';
export type { BatchListener, ConnectionHandle, MqttService, SearchHandle } from './mqtt-service.ts';
export type * from './protocol.ts';
export { MESSAGE_HISTORY } from './protocol.ts';
