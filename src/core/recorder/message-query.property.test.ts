import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, codeUnits, fieldConditionText, parsedJson, textOf } from '../test-arbitraries.ts';
import { matchesFieldCondition, parseFieldCondition } from './field-condition.ts';
import { compileQuery, EMPTY_QUERY } from './message-query.ts';
import type { MessageQuery, QueryField } from './message-query.ts';
import { MessageStore } from './message-store.ts';

const encoder = new TextEncoder();
const KEYS = ['temperature', 'a', 'a>b', 'x', '0'];
const json = parsedJson({ keys: KEYS, values: ['on', '30', 30, -1.5] });

const query: fc.Arbitrary<MessageQuery> = fc.record({
  topicFilter: fc.oneof(textOf(['a', '/', '+', '#', '$share/g/', ' ']), codeUnits(10)),
  text: fc.oneof(textOf(['a', '(', ')', '[', '\\', '*', '?', '{2}', '.', 'é']), anyText(6)),
  regex: fc.boolean(),
  caseSensitive: fc.boolean(),
  field: fieldConditionText(),
  from: fc.option(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double())),
  to: fc.option(fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double())),
  direction: fc.constantFrom('any' as const, 'received' as const, 'published' as const),
  connectionIds: fc.constant([]),
});

const message = fc.record({
  topic: fc.oneof(
    fc.constantFrom('a', 'a/b', '$SYS/x', 'a//b'),
    anyText(8).filter((t) => t !== ''),
  ),
  payload: fc.oneof(
    fc.uint8Array({ maxLength: 30 }),
    json.map((v) => encoder.encode(JSON.stringify(v) ?? '')),
    anyText(20).map((t) => encoder.encode(t)),
  ),
  time: fc.integer({ min: 0, max: 20 }),
  published: fc.boolean(),
});

const FIELDS: QueryField[] = ['topicFilter', 'text', 'field', 'time'];

describe('search queries, for any input', () => {
  it('compiling never throws: a query, or problems named on their fields', () => {
    fc.assert(
      fc.property(query, (q) => {
        const compiled = compileQuery(q);
        if (!compiled.ok) {
          expect(compiled.problems.length).toBeGreaterThan(0);
          for (const problem of compiled.problems) expect(FIELDS).toContain(problem.field);
        }
      }),
    );
  });

  it('a compiled query runs over any recorded messages without throwing', () => {
    fc.assert(
      fc.property(query, fc.array(message, { maxLength: 8 }), (q, messages) => {
        const compiled = compileQuery(q);
        if (!compiled.ok) return;
        const store = new MessageStore();
        for (const m of messages) store.record({ ...m, qos: 0, retain: false });
        const matches = compiled.compiled.forStore(store);
        for (let id = store.oldestId; id < store.oldestId + store.size; id++)
          expect(typeof matches(id)).toBe('boolean');
      }),
      { numRuns: 50 },
    );
  });

  it('a field search finds the payloads a condition on JSON.parse finds', () => {
    fc.assert(
      fc.property(fieldConditionText(), fc.array(json, { maxLength: 6 }), (field, documents) => {
        const parsed = parseFieldCondition(field);
        const compiled = compileQuery({ ...EMPTY_QUERY, field });
        fc.pre(parsed.ok && compiled.ok);
        if (!parsed.ok || !compiled.ok) return;
        const store = new MessageStore();
        for (const doc of documents)
          store.record({
            topic: 't',
            payload: encoder.encode(JSON.stringify(doc) ?? ''),
            time: 0,
            qos: 0,
            retain: false,
          });
        const matches = compiled.compiled.forStore(store);
        documents.forEach((doc, i) => {
          const container = typeof doc === 'object' && doc !== null;
          const expected = container && matchesFieldCondition(parsed.condition, doc);
          expect(matches(store.oldestId + i), `${field} on ${JSON.stringify(doc)}`).toBe(expected);
        });
      }),
      { numRuns: 200 },
    );
  });
});
