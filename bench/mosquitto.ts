import { startMosquitto } from '../e2e/support/mosquitto.ts';

export interface BenchBroker {
  wsUrl: string;
  tcpUrl: string;
  stop(): Promise<void>;
}

/**
 * A Mosquitto tuned for measuring the subscriber, not the broker: it never drops QoS 0 for a
 * slow consumer (unlimited queue), so a message missing in the page was lost by the page.
 * MOSQUITTO_DEBUG=1 shows its log.
 */
export async function startBenchMosquitto(): Promise<BenchBroker> {
  const broker = await startMosquitto({
    extraConfig: [
      // 0 = no limit: with a limit Mosquitto silently drops QoS 0 messages to a busy subscriber.
      'max_queued_messages 0',
      'max_queued_bytes 0',
      'max_inflight_bytes 0',
      'set_tcp_nodelay true',
    ],
  });
  return {
    wsUrl: `${broker.wsUrl}/mqtt`,
    tcpUrl: `mqtt://127.0.0.1:${broker.tcpPort}`,
    stop: broker.stop,
  };
}
