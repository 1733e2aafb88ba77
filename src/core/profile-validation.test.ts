import { describe, expect, it } from 'vitest';
import type { ConnectionProfile } from './connection-profile.ts';
import { createProfile } from './connection-profile.ts';
import { validateProfile } from './profile-validation.ts';

const fieldsOf = (profile: ConnectionProfile): string[] =>
  validateProfile(profile).map((problem) => problem.field);

describe('validateProfile', () => {
  it('asks for a name, a host and a port', () => {
    expect(fieldsOf(createProfile({ name: '  ', host: '', port: 0 }))).toEqual([
      'name',
      'host',
      'port',
    ]);
  });

  it('refuses hosts with spaces or slashes, and paths without a leading slash', () => {
    expect(fieldsOf(createProfile({ host: 'broker example' }))).toEqual(['host']);
    expect(fieldsOf(createProfile({ host: 'ws://broker' }))).toEqual(['host']);
    expect(fieldsOf(createProfile({ path: 'mqtt' }))).toEqual(['path']);
  });

  it('accepts an IPv6 host', () => {
    expect(validateProfile(createProfile({ host: '::1' }))).toEqual([]);
  });

  it('allows an empty client ID only with clean start (MQTT 3.1.1 §3.1.3.1)', () => {
    expect(validateProfile(createProfile({ clientId: '', cleanStart: true }))).toEqual([]);
    expect(fieldsOf(createProfile({ clientId: '', cleanStart: false }))).toEqual(['clientId']);
  });

  it('allows long client IDs up to 65535 UTF-8 bytes', () => {
    expect(validateProfile(createProfile({ clientId: 'x'.repeat(100) }))).toEqual([]);
    expect(fieldsOf(createProfile({ clientId: 'é'.repeat(32768) }))).toEqual(['clientId']);
  });

  it('refuses a password without a user name in MQTT 3.1.1 (§3.1.2.9) only', () => {
    expect(fieldsOf(createProfile({ password: 'secret' }))).toEqual(['username']);
    expect(validateProfile(createProfile({ password: 'secret', protocolVersion: 5 }))).toEqual([]);
  });

  it('explains the keepalive range and that 0 turns it off', () => {
    const problems = validateProfile(createProfile({ keepaliveSeconds: 1.5 }));
    expect(problems).toEqual([
      {
        field: 'keepaliveSeconds',
        message: 'Keepalive must be a whole number of seconds from 0 to 65535 (0 turns it off).',
      },
    ]);
    expect(validateProfile(createProfile({ keepaliveSeconds: 0 }))).toEqual([]);
    expect(fieldsOf(createProfile({ keepaliveSeconds: 65536 }))).toEqual(['keepaliveSeconds']);
  });

  it('checks the connect timeout and reconnect period ranges', () => {
    expect(fieldsOf(createProfile({ connectTimeoutSeconds: 0 }))).toEqual([
      'connectTimeoutSeconds',
    ]);
    expect(fieldsOf(createProfile({ connectTimeoutSeconds: 301 }))).toEqual([
      'connectTimeoutSeconds',
    ]);
    expect(validateProfile(createProfile({ reconnectPeriodSeconds: 0 }))).toEqual([]);
    expect(fieldsOf(createProfile({ reconnectPeriodSeconds: 3601 }))).toEqual([
      'reconnectPeriodSeconds',
    ]);
  });

  it('checks the will topic like any topic published to', () => {
    const will = {
      topic: '',
      payload: 'offline',
      qos: 1 as const,
      retain: true,
      delayIntervalSeconds: null,
      messageExpirySeconds: null,
      contentType: '',
      userProperties: [],
    };
    expect(fieldsOf(createProfile({ will }))).toEqual(['will.topic']);
    expect(fieldsOf(createProfile({ will: { ...will, topic: 'status/+' } }))).toEqual([
      'will.topic',
    ]);
    expect(validateProfile(createProfile({ will: { ...will, topic: 'status/plant-a' } }))).toEqual(
      [],
    );
  });

  it('checks MQTT 5 values only when the profile speaks MQTT 5', () => {
    const profile = createProfile({
      sessionExpirySeconds: -1,
      properties: {
        receiveMaximum: 0,
        maximumPacketSize: 268435456,
        topicAliasMaximum: 65536,
        requestResponseInformation: false,
        userProperties: [{ key: ' ', value: 'x' }],
      },
    });
    expect(validateProfile(profile)).toEqual([]);
    expect(fieldsOf({ ...profile, protocolVersion: 5 })).toEqual([
      'sessionExpirySeconds',
      'properties.receiveMaximum',
      'properties.maximumPacketSize',
      'properties.topicAliasMaximum',
      'properties.userProperties.0.key',
    ]);
  });

  it('accepts the MQTT 5 extremes', () => {
    const profile = createProfile({
      protocolVersion: 5,
      sessionExpirySeconds: 4294967295,
      properties: {
        receiveMaximum: 65535,
        maximumPacketSize: 268435455,
        topicAliasMaximum: 0,
        requestResponseInformation: true,
        userProperties: [{ key: 'site', value: '' }],
      },
    });
    expect(validateProfile(profile)).toEqual([]);
  });
});
