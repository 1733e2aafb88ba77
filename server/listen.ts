import type { AddressInfo, Server, Socket } from 'node:net';
import { networkInterfaces } from 'node:os';

/** Which listener a port belongs to; the CLI flag lets errors say how to change it. */
export type PortRole = 'web' | 'ws' | 'tcp';

const roles: Record<PortRole, { label: string; flag: string }> = {
  web: { label: 'web UI', flag: '--port' },
  ws: { label: 'MQTT over WebSocket', flag: '--ws-port' },
  tcp: { label: 'MQTT over TCP', flag: '--mqtt-port' },
};

export class PortInUseError extends Error {
  constructor(
    readonly port: number,
    readonly role: PortRole,
    host: string,
  ) {
    const { label, flag } = roles[role];
    super(
      `Port ${port} (${label}) is already in use on ${host}. ` +
        `Stop the other program or choose another port with ${flag} <port>.`,
    );
    this.name = 'PortInUseError';
  }
}

/** A listening server plus the means to close it, sockets included, and know the port is free. */
export interface Listening {
  port: number;
  close(): Promise<void>;
}

/**
 * Listens and resolves with the real port (port 0 picks a free one).
 * Sockets are tracked so close() does not wait for idle keep-alive or upgraded connections.
 */
export function listen(server: Server, port: number, host: string, role: PortRole) {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return new Promise<Listening>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(new PortInUseError(port, role, host));
      else if (error.code === 'EACCES')
        reject(new Error(`No permission to listen on port ${port}; use a port above 1023.`));
      else reject(new Error(`Could not listen on ${host}:${port}: ${error.message}`));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve({ port: (server.address() as AddressInfo).port, close });
    });
  });
}

/** Host as it can appear in a URL: wildcard binds become loopback, IPv6 gets brackets. */
export function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** This machine's addresses on its networks (not loopback; not link-local, which URLs cannot name). */
export function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && !a.internal && !a.address.startsWith('fe80:') ? [a.address] : []));
}
