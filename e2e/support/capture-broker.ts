import { WebSocketServer } from 'ws';
import mqttPacket from 'mqtt-packet';
import type { IConnectPacket } from 'mqtt-packet';

export interface CaptureBroker {
  url: string;
  /** The CONNECT packets received, as the broker parsed them. */
  connects: IConnectPacket[];
  close(): Promise<void>;
}

/**
 * A stand-in broker that accepts every MQTT 5 CONNECT and keeps it, so a test can read what the
 * client really sent (Mosquitto does not show CONNECT user properties anywhere).
 */
export async function startCaptureBroker(): Promise<CaptureBroker> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const connects: IConnectPacket[] = [];
  server.on('connection', (socket) => {
    const parser = mqttPacket.parser({ protocolVersion: 5 });
    parser.on('packet', (packet) => {
      if (packet.cmd !== 'connect') return;
      connects.push(packet);
      const connack = mqttPacket.generate(
        { cmd: 'connack', sessionPresent: false, reasonCode: 0 },
        { protocolVersion: 5 },
      );
      socket.send(connack);
    });
    socket.on('message', (data: Buffer) => parser.parse(data));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `ws://127.0.0.1:${port}/mqtt`,
    connects,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
