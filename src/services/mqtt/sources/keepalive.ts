import type { MqttClient } from 'mqtt';

/**
 * mqtt.js takes only a PINGRESP as proof that the broker is alive. Behind a backlog of publishes
 * the PINGRESP waits its turn, and mqtt.js dropped a healthy, busy connection after 1.5 keepalive
 * periods (seen in the 1M-message soak, losing the backlog). A publish received is proof too:
 * step its keepalive counter back before the timeout step, so it pings again instead.
 */
export function holdOffKeepaliveTimeout(client: MqttClient): void {
  const manager = (client as unknown as { keepaliveManager?: { counter?: unknown } })
    .keepaliveManager;
  if (manager && typeof manager.counter === 'number' && manager.counter > 1) manager.counter = 1;
}
