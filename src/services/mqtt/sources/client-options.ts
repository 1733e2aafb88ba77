import type { IClientOptions } from 'mqtt';
import type { UserProperty } from '../../../core/connection-profile.ts';
import type { ConnectSettings } from '../protocol.ts';

/** MQTT 5 user properties as mqtt.js sends them: a repeated key becomes a list (§3.1.2.11.8). */
export function toUserProperties(
  pairs: readonly UserProperty[],
): Record<string, string | string[]> | undefined {
  if (pairs.length === 0) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const { key, value } of pairs) {
    const existing = out[key];
    if (existing === undefined) out[key] = value;
    else out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return out;
}

/** Drops unset values, so mqtt.js sends only the properties the user chose. */
function defined<T extends object>(value: T): T | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
  return entries.length > 0 ? (Object.fromEntries(entries) as T) : undefined;
}

/**
 * mqtt.js options for a profile. Reconnects are paced by the source (with backoff), so the
 * period here is only the first delay; subscriptions are restored by the source too.
 */
export function toClientOptions(settings: ConnectSettings): IClientOptions {
  const v5 = settings.protocolVersion === 5;
  const { will, properties } = settings;
  return {
    clientId: settings.clientId,
    username: settings.username || undefined,
    password: settings.password || undefined,
    protocolVersion: settings.protocolVersion,
    keepalive: settings.keepaliveSeconds,
    clean: settings.cleanStart,
    connectTimeout: settings.connectTimeoutSeconds * 1_000,
    reconnectPeriod: settings.reconnectPeriodSeconds * 1_000,
    // Refusals worth retrying (server busy) are retried; the source ends the others at once.
    reconnectOnConnackError: true,
    resubscribe: false,
    will: will
      ? {
          topic: will.topic,
          payload: new TextEncoder().encode(will.payload) as Buffer,
          qos: will.qos,
          retain: will.retain,
          properties: v5
            ? defined({
                willDelayInterval: will.delayIntervalSeconds ?? undefined,
                messageExpiryInterval: will.messageExpirySeconds ?? undefined,
                contentType: will.contentType || undefined,
                userProperties: toUserProperties(will.userProperties),
              })
            : undefined,
        }
      : undefined,
    properties: v5
      ? defined({
          sessionExpiryInterval: settings.sessionExpirySeconds ?? undefined,
          receiveMaximum: properties.receiveMaximum ?? undefined,
          maximumPacketSize: properties.maximumPacketSize ?? undefined,
          topicAliasMaximum: properties.topicAliasMaximum ?? undefined,
          requestResponseInformation: properties.requestResponseInformation || undefined,
          userProperties: toUserProperties(properties.userProperties),
        })
      : undefined,
  };
}
