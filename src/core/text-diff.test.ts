import { describe, expect, it } from 'vitest';
import { DEFAULT_DIFF_LIMITS, diffJson, diffLines } from './text-diff.ts';
import type { DiffLine, DiffResult } from './text-diff.ts';

function linesOf(result: DiffResult): DiffLine[] {
  if (!result.ok) throw new Error(result.reason);
  return result.lines;
}

/** The diff in the `+ `/`- `/`  ` form a reader sees. */
function shown(result: DiffResult): string[] {
  return linesOf(result).map(
    (line) => `${line.kind === 'added' ? '+' : line.kind === 'removed' ? '-' : ' '} ${line.text}`,
  );
}

/** Rebuilds both texts from a diff: every line must be accounted for, in order. */
function sides(lines: DiffLine[]): { before: string[]; after: string[] } {
  return {
    before: lines.filter((l) => l.kind !== 'added').map((l) => l.text),
    after: lines.filter((l) => l.kind !== 'removed').map((l) => l.text),
  };
}

const changes = (lines: DiffLine[]) => lines.filter((l) => l.kind !== 'same').length;

describe('diffLines', () => {
  it('marks every line the same when nothing changed', () => {
    expect(shown(diffLines('a\nb', 'a\nb'))).toEqual(['  a', '  b']);
    expect(shown(diffLines('', ''))).toEqual([]);
  });

  it('shows a changed value as the old line removed and the new one added', () => {
    expect(
      shown(diffLines('{\n  "t": 21.5,\n  "h": 40\n}', '{\n  "t": 21.7,\n  "h": 40\n}')),
    ).toEqual(['  {', '-   "t": 21.5,', '+   "t": 21.7,', '    "h": 40', '  }']);
  });

  it('finds lines added and removed in the middle', () => {
    expect(shown(diffLines('a\nb\nc\nd', 'a\nc\nx\nd'))).toEqual([
      '  a',
      '- b',
      '  c',
      '+ x',
      '  d',
    ]);
  });

  it('handles an empty side', () => {
    expect(shown(diffLines('', 'a\nb'))).toEqual(['+ a', '+ b']);
    expect(shown(diffLines('a', ''))).toEqual(['- a']);
  });

  it('lists the removed lines of a block before the added ones', () => {
    expect(shown(diffLines('a\nb\nz', 'x\ny\nz'))).toEqual(['- a', '- b', '+ x', '+ y', '  z']);
  });

  it('treats CRLF like LF and ignores a final newline', () => {
    expect(shown(diffLines('a\r\nb\r\n', 'a\nb'))).toEqual(['  a', '  b']);
  });

  it('finds the smallest diff (Myers example: ABCABBA to CBABAC)', () => {
    const lines = linesOf(diffLines('A\nB\nC\nA\nB\nB\nA', 'C\nB\nA\nB\nA\nC'));
    expect(changes(lines)).toBe(5);
    expect(sides(lines)).toEqual({
      before: ['A', 'B', 'C', 'A', 'B', 'B', 'A'],
      after: ['C', 'B', 'A', 'B', 'A', 'C'],
    });
  });

  it('accounts for every line of random texts, in order', () => {
    let seed = 7;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 16;
    };
    for (let round = 0; round < 200; round++) {
      const text = () =>
        Array.from({ length: next() % 12 }, () => 'abcd'[next() % 4] as string).join('\n');
      const before = text();
      const after = text();
      const result = diffLines(before, after);
      expect(result.ok && result.minimal).toBe(true);
      expect(sides(linesOf(result))).toEqual({
        before: before === '' ? [] : before.split('\n'),
        after: after === '' ? [] : after.split('\n'),
      });
    }
  });

  it('refuses, with a reason, texts over the line limit', () => {
    const big = Array.from({ length: 5_001 }, (_, i) => `line ${i}`).join('\n');
    const result = diffLines(big, 'x');
    expect(result).toEqual({
      ok: false,
      reason: 'Too big to compare: a message has more than 5,000 lines.',
    });
    expect(diffLines('x', 'y'.repeat(DEFAULT_DIFF_LIMITS.maxChars + 1)).ok).toBe(false);
  });

  it('settles quickly for a correct, non-minimal diff when everything differs', () => {
    const before = Array.from({ length: 5_000 }, (_, i) => `old ${i}`).join('\n');
    const after = Array.from({ length: 5_000 }, (_, i) => `new ${i}`).join('\n');
    const started = performance.now();
    const result = diffLines(before, after);
    expect(performance.now() - started).toBeLessThan(1_000);
    if (!result.ok) throw new Error(result.reason);
    expect(result.minimal).toBe(false);
    expect(result.lines).toHaveLength(10_000);
    expect(result.lines[0]).toEqual({ kind: 'removed', text: 'old 0' });
    expect(result.lines[5_000]).toEqual({ kind: 'added', text: 'new 0' });
  });

  it('keeps a small change in a long text minimal and fast', () => {
    const before = Array.from({ length: 4_999 }, (_, i) => `line ${i}`);
    const after = [...before];
    after[10] = 'changed';
    after.splice(4_000, 0, 'inserted');
    const result = diffLines(before.join('\n'), after.join('\n'));
    if (!result.ok) throw new Error(result.reason);
    expect(result.minimal).toBe(true);
    expect(changes(result.lines)).toBe(3);
  });
});

describe('diffJson', () => {
  it('pretty-prints both values in their own key order and diffs the lines', () => {
    expect(shown(diffJson({ b: 1, a: [1, 2] }, { b: 1, a: [1, 3] }))).toEqual([
      '  {',
      '    "b": 1,',
      '    "a": [',
      '      1,',
      '-     2',
      '+     3',
      '    ]',
      '  }',
    ]);
  });

  it('compares a missing value as empty', () => {
    expect(shown(diffJson(undefined, 'on'))).toEqual(['+ "on"']);
  });

  it('says so when a value cannot be written as JSON', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(diffJson(cyclic, {}).ok).toBe(false);
    expect(diffJson(1n, 2).ok).toBe(false);
  });
});

describe('diffLines worst cases', () => {
  it('stays fast when repeated lines make long runs of matches', () => {
    const before = Array.from({ length: 5_000 }, (_, i) => (i % 3 === 0 ? 'a' : 'b')).join('\n');
    const after = Array.from({ length: 5_000 }, (_, i) => (i % 2 === 0 ? 'a' : 'b')).join('\n');
    const started = performance.now();
    const result = diffLines(before, after);
    expect(performance.now() - started).toBeLessThan(1_000);
    if (!result.ok) throw new Error(result.reason);
    expect(sides(result.lines).after).toHaveLength(5_000);
  });
});
