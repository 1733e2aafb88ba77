import type { Validation } from './topic-filter.ts';

/**
 * Checks a broker URL before any connection attempt, so a typo gets a sentence, not a timeout.
 * Browsers can only open WebSockets, so mqtt:// and mqtts:// are refused with the reason.
 */
export function validateBrokerUrl(url: string): Validation {
  const trimmed = url.trim();
  if (!trimmed)
    return { ok: false, reason: 'Enter the broker URL, for example ws://localhost:8080/mqtt.' };
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return {
      ok: false,
      reason: `"${trimmed}" is not a valid URL. Use the form ws://host:port/path, for example ws://localhost:8080/mqtt.`,
    };
  }
  if (parsed.protocol === 'mqtt:' || parsed.protocol === 'mqtts:' || parsed.protocol === 'tcp:') {
    return {
      ok: false,
      reason: `Browsers cannot open raw TCP connections: use the broker's WebSocket listener (ws:// or wss://) instead of ${parsed.protocol}//.`,
    };
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return {
      ok: false,
      reason: `The URL must start with ws:// or wss://, not ${parsed.protocol}//.`,
    };
  }
  if (!parsed.hostname) return { ok: false, reason: 'The URL has no host name.' };
  return { ok: true };
}
