/**
 * A search over the recorder: what the user typed, checked and compiled into one predicate per
 * message id. The cheap tests go first (time, direction, topic, decided once per topic), the
 * payload tests last, so a million messages are searched without decoding most of them.
 */
import { createRangeMatcher } from '../byte-search.ts';
import type { RangeMatcher } from '../byte-search.ts';
import { utf8Decoder } from '../decoders/utf8.ts';
import { compileJsonPath, scanJsonField } from '../json-field-scan.ts';
import { compileTopicFilter, validateTopicFilter } from '../topic-filter.ts';
import { fieldMeetsCondition, parseFieldCondition } from './field-condition.ts';
import { META_PUBLISHED } from './message-store.ts';
import type { MessageStore } from './message-store.ts';

export type QueryDirection = 'any' | 'received' | 'published';

/** A query as the search form holds it; empty fields do not restrict. */
export interface MessageQuery {
  topicFilter: string;
  text: string;
  /** `text` is a regular expression. */
  regex: boolean;
  caseSensitive: boolean;
  /** A JSON field condition, as in `temperature > 30`. */
  field: string;
  /** Epoch ms, inclusive; null: no bound. */
  from: number | null;
  to: number | null;
  direction: QueryDirection;
  /** Connections to search; empty: every open one. */
  connectionIds: string[];
}

export const EMPTY_QUERY: MessageQuery = {
  topicFilter: '',
  text: '',
  regex: false,
  caseSensitive: false,
  field: '',
  from: null,
  to: null,
  direction: 'any',
  connectionIds: [],
};

export type QueryField = 'topicFilter' | 'text' | 'field' | 'time';

export interface QueryProblem {
  field: QueryField;
  reason: string;
}

/** One store's view of a compiled query: `matches(id)` for ids the store holds. */
export type StoreMatcher = (id: number) => boolean;

export interface CompiledQuery {
  /** True when nothing restricts: every message matches. */
  readonly matchesAll: boolean;
  forStore(store: MessageStore): StoreMatcher;
}

/** Checks and compiles a query; every problem is named on its field, in words. */
export function compileQuery(
  query: MessageQuery,
): { ok: true; compiled: CompiledQuery } | { ok: false; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  const filter = query.topicFilter.trim();
  let topicMatches: ((topic: string) => boolean) | null = null;
  if (filter !== '') {
    const valid = validateTopicFilter(filter);
    if (valid.ok) topicMatches = compileTopicFilter(filter);
    else problems.push({ field: 'topicFilter', reason: valid.reason });
  }

  let payloadMatches: RangeMatcher | null = null;
  if (query.text !== '') {
    if (query.regex) {
      try {
        const pattern = new RegExp(query.text, query.caseSensitive ? 'u' : 'iu');
        payloadMatches = (bytes, start, end) =>
          pattern.test(utf8Decoder.decode(bytes.subarray(start, end)));
      } catch (error) {
        problems.push({
          field: 'text',
          reason: `Not a valid regular expression: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    } else {
      payloadMatches = createRangeMatcher(query.text, { caseSensitive: query.caseSensitive });
    }
  }

  let fieldMatches: RangeMatcher | null = null;
  if (query.field.trim() !== '') {
    const parsed = parseFieldCondition(query.field);
    if (parsed.ok) {
      const { condition } = parsed;
      const path = compileJsonPath(condition.path);
      // Read from the bytes in place: no text decode and no object tree per payload.
      fieldMatches = (bytes, start, end) => {
        const field = scanJsonField(bytes, start, end, path);
        return field !== null && fieldMeetsCondition(condition, field);
      };
    } else problems.push({ field: 'field', reason: parsed.reason });
  }

  const { from, to, direction } = query;
  if (from !== null && to !== null && from > to)
    problems.push({ field: 'time', reason: 'The start of the time range is after its end.' });
  if (problems.length > 0) return { ok: false, problems };

  const matchesAll =
    !topicMatches &&
    !payloadMatches &&
    !fieldMatches &&
    from === null &&
    to === null &&
    direction === 'any';
  const wantPublished = direction === 'published';

  return {
    ok: true,
    compiled: {
      matchesAll,
      forStore(store) {
        if (matchesAll) return () => true;
        // Whether each topic matches is decided once, on first sight: 0 unknown, 1 yes, 2 no.
        let topicVerdicts = new Uint8Array(Math.max(64, store.topicCount));
        const topicPasses = (topicId: number): boolean => {
          if (!topicMatches) return true;
          if (topicId >= topicVerdicts.length) {
            const grown = new Uint8Array(Math.max(topicId + 1, topicVerdicts.length * 2));
            grown.set(topicVerdicts);
            topicVerdicts = grown;
          }
          let verdict = topicVerdicts[topicId] ?? 0;
          if (verdict === 0) {
            verdict = topicMatches(store.topicName(topicId)) ? 1 : 2;
            topicVerdicts[topicId] = verdict;
          }
          return verdict === 1;
        };
        return (id) => {
          if (from !== null || to !== null) {
            const time = store.timeOf(id);
            if ((from !== null && time < from) || (to !== null && time > to)) return false;
          }
          if (direction !== 'any') {
            const published = (store.metaOf(id) & META_PUBLISHED) !== 0;
            if (published !== wantPublished) return false;
          }
          if (!topicPasses(store.topicIdOf(id))) return false;
          if (!payloadMatches && !fieldMatches) return true;
          const bytes = store.chunkOf(id);
          const start = store.payloadStart(id);
          const end = start + store.payloadLength(id);
          if (payloadMatches && !payloadMatches(bytes, start, end)) return false;
          return !fieldMatches || fieldMatches(bytes, start, end);
        };
      },
    },
  };
}
