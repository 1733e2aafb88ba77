import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyEntry, anyFieldValue, isProfileShape, PROFILE_KEYS } from './profile-arbitraries.ts';
import { reviveProfile } from './profile-storage.ts';
import { EXPORT_FORMAT, exportProfiles, importProfiles } from './profile-transfer.ts';
import { codeUnits, parsedJson, recordOf, truncated } from './test-arbitraries.ts';
import { validateTopicFilter } from './topic-filter.ts';

/** MQTTX's ConnectionModel fields (emqx/MQTTX src/database/services/ConnectionService.ts). */
const MQTTX_KEYS = [
  'name',
  'host',
  'port',
  'protocol',
  'path',
  'ssl',
  'clientId',
  'username',
  'password',
  'clean',
  'keepalive',
  'connectTimeout',
  'reconnect',
  'reconnectPeriod',
  'mqttVersion',
  'properties',
  'will',
  'subscriptions',
  'isCollection',
  'children',
  'certType',
  'ca',
  'cert',
  'sessionExpiryInterval',
  'receiveMaximum',
  'userProperties',
  'authenticationMethod',
  'lastWillTopic',
  'lastWillPayload',
  'lastWillQos',
  'lastWillRetain',
  'topic',
  'qos',
];
const MQTTX_VALUES = [
  'ws',
  'wss',
  'mqtt',
  'mqtts',
  '5.0',
  '3.1.1',
  '3.1',
  1883,
  8083,
  'true',
  true,
];

/** An MQTTX connection with its fields of any value, sometimes inside collections. */
const mqttxConnection = recordOf(MQTTX_KEYS, { values: MQTTX_VALUES }).map((fields) => ({
  mqttVersion: '3.1.1',
  clientId: 'c',
  host: 'broker.emqx.io',
  port: 8083,
  ...fields,
}));
/** A good MQTTX connection with one or two fields, nested ones included, replaced by anything. */
const damagedMqttx = fc
  .array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...MQTTX_KEYS).map((k) => [k]),
        fc.constantFrom('userProperties', 'receiveMaximum').map((k) => ['properties', k]),
        fc.constantFrom('lastWillTopic', 'lastWillQos', 'properties').map((k) => ['will', k]),
      ),
      anyFieldValue,
    ),
    { minLength: 1, maxLength: 2 },
  )
  .map((damage) => {
    const connection: Record<string, Record<string, unknown> | unknown> = {
      mqttVersion: '5.0',
      clientId: 'c',
      host: 'broker.emqx.io',
      port: 8083,
      protocol: 'ws',
      properties: { userProperties: { a: 'b' } },
      will: { lastWillTopic: 'w', lastWillPayload: 'x', properties: {} },
      subscriptions: [{ topic: 'a/#', qos: 1 }],
    };
    for (const [path, value] of damage) {
      const target = path.length === 1 ? connection : connection[path[0] as string];
      if (typeof target === 'object' && target !== null)
        Object.defineProperty(target, path.at(-1) as string, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return connection;
  });
const mqttxFile = fc.oneof(
  damagedMqttx,
  fc.array(damagedMqttx, { maxLength: 3 }),
  mqttxConnection,
  fc.array(
    fc.oneof(
      mqttxConnection,
      fc
        .array(mqttxConnection, { maxLength: 3 })
        .map((children) => ({ isCollection: true, name: 'folder', children })),
    ),
    { maxLength: 4 },
  ),
);
const ownFile = fc
  .tuple(fc.array(anyEntry, { maxLength: 4 }), fc.oneof(fc.constant(1), anyFieldValue))
  .map(([profiles, version]) => ({ format: EXPORT_FORMAT, version, profiles }));

const files = fc.oneof(
  ownFile.map((f) => JSON.stringify(f)),
  mqttxFile.map((f) => JSON.stringify(f)),
  parsedJson({ keys: [...PROFILE_KEYS, ...MQTTX_KEYS, 'format', 'profiles'] }).map(
    (v) => JSON.stringify(v) ?? '',
  ),
  fc.oneof(ownFile, mqttxFile).chain((f) => truncated(JSON.stringify(f))),
  codeUnits(),
);

describe('importing connections, for any file', () => {
  it('never throws: usable profiles with fresh ids and valid subscriptions, or a reason', () => {
    fc.assert(
      fc.property(files, (text) => {
        const result = importProfiles(text);
        if (!result.ok) {
          expect(result.reason.length).toBeGreaterThan(20);
          return;
        }
        expect(result.profiles.length).toBeGreaterThan(0);
        for (const { profile, subscriptions } of result.profiles) {
          expect(isProfileShape(profile)).toBe(true);
          for (const s of subscriptions) {
            expect(validateTopicFilter(s.filter).ok).toBe(true);
            expect([0, 1, 2]).toContain(s.qos);
          }
        }
        const ids = result.profiles.map(({ profile }) => profile.id);
        expect(new Set(ids).size).toBe(ids.length);
      }),
    );
  });

  it('unfolds MQTTX collections nested to any depth without overflowing the stack', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50_000 }), (depth) => {
        const leaf = '{"mqttVersion":"3.1.1","host":"h","port":1883,"clientId":"c"}';
        const open = '{"isCollection":true,"children":['.repeat(depth);
        const result = importProfiles(`[${open}${leaf}${']}'.repeat(depth)}]`);
        expect(result.ok).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('reads back what it exports, passwords only where saved and asked for', () => {
    const profiles = fc.array(anyEntry, { maxLength: 4 }).map((entries) =>
      entries.flatMap((entry) => {
        const revived = reviveProfile(entry);
        return revived.ok ? [{ ...revived.profile, password: 'pw' }] : [];
      }),
    );
    fc.assert(
      fc.property(profiles, fc.boolean(), (list, includeSecrets) => {
        const result = importProfiles(exportProfiles(list, { includeSecrets }));
        if (list.length === 0) {
          expect(result.ok).toBe(false);
          return;
        }
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(result.warnings).toEqual([]);
        expect(result.profiles.map(({ profile }) => ({ ...profile, id: '' }))).toEqual(
          list.map((p) => ({
            ...p,
            id: '',
            password: includeSecrets && p.savePassword ? 'pw' : '',
          })),
        );
      }),
    );
  });
});
