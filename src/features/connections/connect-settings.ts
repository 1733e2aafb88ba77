import { profileUrl } from '../../core/broker-url.ts';
import type { ConnectionProfile } from '../../core/connection-profile.ts';
import type { ConnectSettings } from '../../services/mqtt/index.ts';

/** What the worker needs of a profile to connect: its URL composed, UI-only fields left out. */
export function toConnectSettings(profile: ConnectionProfile): ConnectSettings {
  return {
    url: profileUrl(profile),
    otherUrls: profile.otherUrls,
    clientId: profile.clientId,
    username: profile.username,
    password: profile.password,
    protocolVersion: profile.protocolVersion,
    cleanStart: profile.cleanStart,
    keepaliveSeconds: profile.keepaliveSeconds,
    connectTimeoutSeconds: profile.connectTimeoutSeconds,
    reconnectPeriodSeconds: profile.reconnectPeriodSeconds,
    sessionExpirySeconds: profile.sessionExpirySeconds,
    will: profile.will,
    properties: profile.properties,
  };
}
