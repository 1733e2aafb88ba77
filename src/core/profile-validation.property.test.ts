import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createProfile } from './connection-profile.ts';
import type { ConnectionProfile } from './connection-profile.ts';
import { anyEntry } from './profile-arbitraries.ts';
import { reviveProfile } from './profile-storage.ts';
import { validateProfile } from './profile-validation.ts';
import { anyText, codeUnits } from './test-arbitraries.ts';

/** Profiles of the right types with any values in them: what a form or an import can produce. */
const oddNumber = fc.oneof(fc.double(), fc.integer({ min: -5, max: 70_000 }));
const oddText = fc.oneof(
  anyText(30),
  codeUnits(30),
  fc.constantFrom('', ' ', 'a/b', '[::1]', 'x#y'),
);
const profile: fc.Arbitrary<ConnectionProfile> = fc.oneof(
  anyEntry.chain((entry) => {
    const revived = reviveProfile(entry);
    return fc.constant(revived.ok ? revived.profile : createProfile());
  }),
  fc
    .record({
      name: oddText,
      color: oddText,
      host: oddText,
      port: oddNumber,
      path: oddText,
      clientId: oddText,
      username: oddText,
      password: oddText,
      protocolVersion: fc.constantFrom(4 as const, 5 as const),
      cleanStart: fc.boolean(),
      keepaliveSeconds: oddNumber,
      connectTimeoutSeconds: oddNumber,
      reconnectPeriodSeconds: oddNumber,
      sessionExpirySeconds: fc.option(oddNumber),
      will: fc.option(
        fc.record({
          topic: oddText,
          payload: oddText,
          qos: fc.constantFrom(0 as const, 1 as const, 2 as const),
          retain: fc.boolean(),
          delayIntervalSeconds: fc.option(oddNumber),
          messageExpirySeconds: fc.option(oddNumber),
          contentType: oddText,
          userProperties: fc.array(fc.record({ key: oddText, value: oddText }), { maxLength: 2 }),
        }),
      ),
    })
    .map((fields) => createProfile(fields)),
);

describe('validateProfile, for any profile', () => {
  it('never throws, and names a known field with a sentence for each problem', () => {
    const fields = new Set([
      ...Object.keys(createProfile()),
      'will.topic',
      'will.delayIntervalSeconds',
      'will.messageExpirySeconds',
      'properties.receiveMaximum',
      'properties.maximumPacketSize',
      'properties.topicAliasMaximum',
    ]);
    fc.assert(
      fc.property(profile, (p) => {
        for (const problem of validateProfile(p)) {
          const field = problem.field.replace(
            /^(will|properties)\.userProperties\.\d+\.key$/,
            'will.topic',
          );
          expect(fields.has(field), problem.field).toBe(true);
          expect(problem.message).toMatch(/^[A-Z"'].{10,}$/s);
        }
      }),
    );
  });

  it('a profile it accepts has a host, port and path a URL can carry', () => {
    fc.assert(
      fc.property(profile, (p) => {
        if (validateProfile(p).length > 0) return;
        expect(Number.isInteger(p.port) && p.port >= 1 && p.port <= 65535).toBe(true);
        expect(p.path.startsWith('/')).toBe(true);
        expect(
          () => new URL(`ws://${p.host.includes(':') ? `[${p.host}]` : p.host}:${p.port}/`),
        ).not.toThrow();
      }),
    );
  });
});
