/**
 * Checks a saved connection before it is used: everything the broker would refuse in the
 * CONNECT, as sentences next to the field they concern.
 */
import { profileUrl, validateBrokerUrl } from './broker-url.ts';
import type { ConnectionProfile, UserProperty } from './connection-profile.ts';
import { validateTopicName } from './topic-filter.ts';

export interface ProfileProblem {
  /** A dotted key such as 'host', 'will.topic' or 'properties.receiveMaximum'. */
  field: string;
  message: string;
}

const MAX_UINT16 = 65535;
const MAX_UINT32 = 4294967295;
/** MQTT 5 §3.1.2.11.4: the largest packet the Variable Byte Integer length can describe. */
const MAX_PACKET_SIZE = 268435455;

function utf8Length(s: string): number {
  let bytes = 0;
  for (const char of s) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const isWhole = (n: number, min: number, max: number): boolean =>
  Number.isInteger(n) && n >= min && n <= max;

function checkUserProperties(
  list: readonly UserProperty[],
  field: string,
  problems: ProfileProblem[],
): void {
  list.forEach((property, index) => {
    if (!property.key.trim()) {
      problems.push({
        field: `${field}.${index}.key`,
        message: 'A user property needs a name.',
      });
    }
  });
}

/**
 * Everything that would make the broker refuse the CONNECT, or the client misbehave, as
 * sentences next to the field they concern. MQTT 5 fields are only checked for MQTT 5,
 * since they are not sent over 3.1.1. An empty list means the profile can connect.
 */
export function validateProfile(profile: ConnectionProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const add = (field: string, message: string): void => {
    problems.push({ field, message });
  };

  if (!profile.name.trim()) add('name', 'Give the connection a name.');
  if (!/^#[0-9a-f]{6}$/i.test(profile.color)) {
    add('color', 'The colour must be written as #rrggbb.');
  }
  if (!profile.host.trim()) {
    add('host', 'Enter the broker host name or IP address.');
  } else if (/[\s/\\?#@[\]]/.test(profile.host)) {
    add(
      'host',
      'The host name cannot contain spaces, slashes or the characters ? # @ [ ]. Enter only the host, such as broker.example.com.',
    );
  } else {
    try {
      // Port and path are checked on their own; only the host decides this one.
      new URL(profileUrl({ scheme: 'ws', host: profile.host, port: 1, path: '/' }));
    } catch {
      add('host', `"${profile.host}" is not a valid host name or IP address.`);
    }
  }
  if (!isWhole(profile.port, 1, MAX_UINT16)) {
    add('port', 'The port must be a whole number from 1 to 65535.');
  }
  if (!profile.path.startsWith('/')) {
    add('path', "The path must start with '/', for example /mqtt.");
  }
  for (const url of profile.otherUrls) {
    const check = validateBrokerUrl(url);
    if (!check.ok) add('otherUrls', `Other node "${url}": ${check.reason}`);
  }

  // MQTT 3.1.1 §3.1.3.1: a zero-byte client ID needs a clean session, since the broker could
  // not find the session again; the same holds in practice for MQTT 5's clean start.
  if (profile.clientId === '' && !profile.cleanStart) {
    add(
      'clientId',
      'Enter a client ID or turn on clean start: a broker can only resume a session for a known client ID.',
    );
  } else if (utf8Length(profile.clientId) > MAX_UINT16) {
    add('clientId', 'The client ID is too long: MQTT allows at most 65535 bytes.');
  }
  if (utf8Length(profile.username) > MAX_UINT16) {
    add('username', 'The user name is too long: MQTT allows at most 65535 bytes.');
  }
  // MQTT 3.1.1 §3.1.2.9: the Password Flag must be 0 when the User Name Flag is 0.
  if (profile.protocolVersion === 4 && profile.password !== '' && profile.username === '') {
    add('username', 'MQTT 3.1.1 does not allow a password without a user name.');
  }

  if (!isWhole(profile.keepaliveSeconds, 0, MAX_UINT16)) {
    add(
      'keepaliveSeconds',
      'Keepalive must be a whole number of seconds from 0 to 65535 (0 turns it off).',
    );
  }
  if (!isWhole(profile.connectTimeoutSeconds, 1, 300)) {
    add(
      'connectTimeoutSeconds',
      'The connect timeout must be a whole number of seconds from 1 to 300.',
    );
  }
  if (!isWhole(profile.reconnectPeriodSeconds, 0, 3600)) {
    add(
      'reconnectPeriodSeconds',
      'The reconnect period must be a whole number of seconds from 0 to 3600 (0 means do not reconnect).',
    );
  }

  const v5 = profile.protocolVersion === 5;
  if (v5 && profile.sessionExpirySeconds !== null) {
    if (!isWhole(profile.sessionExpirySeconds, 0, MAX_UINT32)) {
      add(
        'sessionExpirySeconds',
        'Session expiry must be empty or a whole number of seconds from 0 to 4294967295 (which means never).',
      );
    }
  }

  const will = profile.will;
  if (will) {
    const topic = validateTopicName(will.topic);
    if (!will.topic) add('will.topic', 'Enter the topic the will message is published to.');
    else if (!topic.ok) add('will.topic', topic.reason);
    if (v5) {
      if (
        will.delayIntervalSeconds !== null &&
        !isWhole(will.delayIntervalSeconds, 0, MAX_UINT32)
      ) {
        add(
          'will.delayIntervalSeconds',
          'The will delay must be empty or a whole number of seconds from 0 to 4294967295.',
        );
      }
      if (
        will.messageExpirySeconds !== null &&
        !isWhole(will.messageExpirySeconds, 0, MAX_UINT32)
      ) {
        add(
          'will.messageExpirySeconds',
          'The will message expiry must be empty or a whole number of seconds from 0 to 4294967295.',
        );
      }
      checkUserProperties(will.userProperties, 'will.userProperties', problems);
    }
  }

  if (v5) {
    const { receiveMaximum, maximumPacketSize, topicAliasMaximum } = profile.properties;
    // MQTT 5 §3.1.2.11.3 and §3.1.2.11.4: zero is a Protocol Error for both.
    if (receiveMaximum !== null && !isWhole(receiveMaximum, 1, MAX_UINT16)) {
      add(
        'properties.receiveMaximum',
        'Receive maximum must be empty or a whole number from 1 to 65535.',
      );
    }
    if (maximumPacketSize !== null && !isWhole(maximumPacketSize, 1, MAX_PACKET_SIZE)) {
      add(
        'properties.maximumPacketSize',
        'Maximum packet size must be empty or a whole number of bytes from 1 to 268435455.',
      );
    }
    if (topicAliasMaximum !== null && !isWhole(topicAliasMaximum, 0, MAX_UINT16)) {
      add(
        'properties.topicAliasMaximum',
        'Topic alias maximum must be empty or a whole number from 0 to 65535.',
      );
    }
    checkUserProperties(profile.properties.userProperties, 'properties.userProperties', problems);
  }
  return problems;
}
