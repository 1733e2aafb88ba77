/**
 * fast-check generators and a shape check for saved connection profiles, shared by the
 * property tests of profile-storage, profile-validation and profile-transfer. Test support
 * only: nothing in the app imports it.
 */
import fc from 'fast-check';
import { createProfile } from './connection-profile.ts';
import type { ConnectionProfile, UserProperty } from './connection-profile.ts';
import { anyText, hostileObjects, parsedJson } from './test-arbitraries.ts';

/** Every key a profile has, nested ones as `will.topic`, so damage reaches each of them. */
const PROFILE_FIELDS = Object.keys(createProfile()).filter((k) => k !== 'will');
const WILL_FIELDS = [
  'topic',
  'payload',
  'qos',
  'retain',
  'delayIntervalSeconds',
  'messageExpirySeconds',
  'contentType',
  'userProperties',
];
const PROPERTY_FIELDS = Object.keys(createProfile().properties);
export const PROFILE_KEYS = [
  ...PROFILE_FIELDS,
  'will',
  ...WILL_FIELDS,
  ...PROPERTY_FIELDS,
  'key',
  'value',
];

/** What a damaged field may hold: any JSON, an extreme number, an object String() chokes on. */
export const anyFieldValue: fc.Arbitrary<unknown> = fc.oneof(
  parsedJson({ keys: PROFILE_KEYS, values: ['ws', 'wss', 4, 5, 0, 1, 2, '#ff00aa', '/mqtt'] }),
  hostileObjects(),
  fc.double(),
  anyText(20),
  fc.constantFrom(1e300, -1, 65536, 0.5, '', ' ', 'localhost', '[::1]', 'a b'),
  // Key/value maps as mqtt.js and MQTTX keep user properties, with odd values inside.
  fc
    .array(
      fc.tuple(
        fc.constantFrom('k', '__proto__', 'toString'),
        fc.oneof(hostileObjects(), fc.array(hostileObjects(), { maxLength: 2 }), fc.string()),
      ),
      { maxLength: 3 },
    )
    .map((entries) => Object.fromEntries(entries)),
  fc.array(fc.record({ key: fc.string(), value: hostileObjects() }), { maxLength: 2 }),
);

/** A saved profile as JSON, as a good version wrote it, with an optional will. */
export const goodEntry: fc.Arbitrary<Record<string, unknown>> = fc
  .record({
    host: fc.constantFrom('localhost', 'broker.example', '127.0.0.1', '::1'),
    savePassword: fc.boolean(),
    password: anyText(8),
    protocolVersion: fc.constantFrom(4 as const, 5 as const),
    withWill: fc.boolean(),
  })
  .map(({ withWill, ...fields }) => {
    const profile = createProfile({
      ...fields,
      will: withWill
        ? {
            topic: 'last/will',
            payload: 'gone',
            qos: 1,
            retain: true,
            delayIntervalSeconds: null,
            messageExpirySeconds: 5,
            contentType: '',
            userProperties: [{ key: 'k', value: 'v' }],
          }
        : null,
    });
    return JSON.parse(JSON.stringify(profile)) as Record<string, unknown>;
  });

/** `entry` with up to three fields, nested ones included, replaced by anything. */
export const damagedEntry: fc.Arbitrary<unknown> = fc
  .tuple(
    goodEntry,
    fc.array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...PROFILE_FIELDS, 'will').map((k) => [k]),
          fc.constantFrom(...WILL_FIELDS).map((k) => ['will', k]),
          fc.constantFrom(...PROPERTY_FIELDS).map((k) => ['properties', k]),
          fc.constant(['properties', 'userProperties', '0']),
        ),
        anyFieldValue,
      ),
      { minLength: 1, maxLength: 3 },
    ),
  )
  .map(([entry, damage]) => {
    for (const [path, value] of damage) {
      let target: unknown = entry;
      for (const step of path.slice(0, -1)) {
        target =
          typeof target === 'object' && target !== null
            ? (target as Record<string, unknown>)[step]
            : null;
      }
      if (typeof target === 'object' && target !== null) {
        Object.defineProperty(target, path.at(-1) as string, {
          value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return entry;
  });

/** A saved entry of any kind: good, damaged, or any JSON at all. */
export const anyEntry: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 2, arbitrary: goodEntry },
  { weight: 4, arbitrary: damagedEntry },
  { weight: 1, arbitrary: parsedJson({ keys: PROFILE_KEYS }) },
);

const isString = (v: unknown) => typeof v === 'string';
const isCount = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isNullableCount = (v: unknown) => v === null || isCount(v);
const isQoS = (v: unknown) => v === 0 || v === 1 || v === 2;
const isUserProperties = (v: unknown) =>
  Array.isArray(v) && v.every((p: UserProperty) => isString(p.key) && isString(p.value));

/** Whether `p` has the type the app expects in every field: what a reset must guarantee. */
export function isProfileShape(p: ConnectionProfile): boolean {
  const { will, properties } = p;
  return (
    [p.id, p.name, p.host, p.path, p.clientId, p.username, p.password].every(isString) &&
    p.id !== '' &&
    p.host.trim() !== '' &&
    p.path.startsWith('/') &&
    /^#[0-9a-f]{6}$/i.test(p.color) &&
    (p.scheme === 'ws' || p.scheme === 'wss') &&
    (p.protocolVersion === 4 || p.protocolVersion === 5) &&
    typeof p.savePassword === 'boolean' &&
    typeof p.cleanStart === 'boolean' &&
    [p.port, p.keepaliveSeconds, p.connectTimeoutSeconds, p.reconnectPeriodSeconds].every(
      isCount,
    ) &&
    isNullableCount(p.sessionExpirySeconds) &&
    (will === null ||
      (isString(will.topic) &&
        isString(will.payload) &&
        isQoS(will.qos) &&
        typeof will.retain === 'boolean' &&
        isNullableCount(will.delayIntervalSeconds) &&
        isNullableCount(will.messageExpirySeconds) &&
        isString(will.contentType) &&
        isUserProperties(will.userProperties))) &&
    isNullableCount(properties.receiveMaximum) &&
    isNullableCount(properties.maximumPacketSize) &&
    isNullableCount(properties.topicAliasMaximum) &&
    typeof properties.requestResponseInformation === 'boolean' &&
    isUserProperties(properties.userProperties) &&
    Array.isArray(p.decoders.rules) &&
    p.decoders.rules.every((r) => isString(r.filter) && isString(r.decoder)) &&
    Array.isArray(p.decoders.schemas) &&
    p.decoders.schemas.every((s) => isString(s.schemaId) && isString(s.text)) &&
    Object.getPrototypeOf(p) === Object.prototype
  );
}
