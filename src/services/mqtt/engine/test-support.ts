// Shared by the engine's and the sinks' tests: messages made the way the pipeline makes them.
import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import { IngestedMessage } from './ingested-message.ts';
import { createProfile } from '../../../core/connection-profile.ts';
import type { ConnectSettings, QoS } from '../protocol.ts';

const decoders = createDecoderRegistry();
let seq = 0;

export const bytes = (text: string) => new TextEncoder().encode(text);

export function message(
  topic: string,
  payload: Uint8Array | string,
  time = 0,
  {
    qos = 0,
    retain = false,
    published = false,
  }: { qos?: QoS; retain?: boolean; published?: boolean } = {},
): IngestedMessage {
  seq += 1;
  const body = typeof payload === 'string' ? bytes(payload) : payload;
  return new IngestedMessage(
    'c1',
    seq,
    time,
    topic,
    body,
    qos,
    retain,
    decoders,
    false,
    null,
    published,
  );
}

/** Connection settings for tests: a plain 3.1.1 login-less profile, with `overrides` on top. */
export function testConnectSettings(overrides: Partial<ConnectSettings> = {}): ConnectSettings {
  return {
    url: 'ws://127.0.0.1:9001/mqtt',
    clientId: 'test',
    username: '',
    password: '',
    protocolVersion: 4,
    cleanStart: true,
    keepaliveSeconds: 30,
    connectTimeoutSeconds: 10,
    reconnectPeriodSeconds: 2,
    sessionExpirySeconds: null,
    will: null,
    properties: createProfile({ host: '127.0.0.1', port: 9001, path: '/mqtt' }).properties,
    ...overrides,
  };
}
