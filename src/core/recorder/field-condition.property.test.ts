import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldConditionText, parsedJson } from '../test-arbitraries.ts';
import { matchesFieldCondition, parseFieldCondition } from './field-condition.ts';

const OPERATORS = ['==', '!=', '>', '>=', '<', '<=', '~', 'exists'];

describe('field conditions, for any input', () => {
  it('parsing never throws, and gives a condition or a reason in words', () => {
    fc.assert(
      fc.property(fieldConditionText(), (text) => {
        const parsed = parseFieldCondition(text);
        if (parsed.ok) expect(OPERATORS).toContain(parsed.condition.op);
        else expect(parsed.reason.length).toBeGreaterThan(10);
      }),
    );
  });

  it('testing a condition against any parsed JSON never throws and says yes or no', () => {
    const json = parsedJson({ keys: ['temperature', 'a', 'a>b', 'x', '0'], values: ['on', '30'] });
    fc.assert(
      fc.property(fieldConditionText(), json, (text, value) => {
        const parsed = parseFieldCondition(text);
        if (parsed.ok)
          expect(typeof matchesFieldCondition(parsed.condition, value)).toBe('boolean');
      }),
    );
  });
});
