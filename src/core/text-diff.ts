/**
 * Line diffs for "what changed since the previous message on this topic". Myers' O((N+M)·D)
 * algorithm ("An O(ND) Difference Algorithm and Its Variations", 1986) after trimming the
 * common head and tail, which is all most sensor payloads differ by. Bounded on every side,
 * so a pathological pair answers in milliseconds instead of freezing the view.
 */

export type DiffKind = 'same' | 'added' | 'removed';

export interface DiffLine {
  kind: DiffKind;
  text: string;
}

/**
 * `minimal` is false when the two texts differ in more lines than `maxEdits`: the changed
 * middle is then shown as all removed, then all added, which is correct but not the
 * smallest diff.
 */
export type DiffResult =
  { ok: true; lines: DiffLine[]; minimal: boolean } | { ok: false; reason: string };

export interface DiffLimits {
  /** Lines either side above which no diff is made. */
  maxLines: number;
  /** Characters either side above which no diff is made. */
  maxChars: number;
  /** Edits searched for before settling for a non-minimal diff; memory grows with its square. */
  maxEdits: number;
}

export const DEFAULT_DIFF_LIMITS: DiffLimits = {
  maxLines: 5_000,
  maxChars: 2_000_000,
  maxEdits: 1_000,
};

/** Lines of a text; a final newline does not start an extra empty line, and '' has none. */
function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The shortest edit script between `a` and `b` (line ids), as the index pairs of the path
 * from (0,0) to (n,m), or null when it needs more than `maxEdits` edits. Keeps one copy of
 * the frontier per edit count to walk back along: O(D²) memory, bounded by `maxEdits`.
 */
function myers(a: Int32Array, b: Int32Array, maxEdits: number): DiffKind[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(maxEdits, n + m);
  const offset = limit + 1;
  // v[offset + k]: the furthest x reached on diagonal k (y = x - k).
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      // Step down (an insertion) from diagonal k+1, or right (a deletion) from k-1.
      const down =
        k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number));
      let x = down ? (v[offset + k + 1] as number) : (v[offset + k - 1] as number) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        return backtrack(trace, n, m);
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
  }
  return null;
}

/** Walks the saved frontiers back from (n,m), giving the edit script in order. */
function backtrack(trace: Int32Array[], n: number, m: number): DiffKind[] {
  const script: DiffKind[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const previous = trace[d - 1] as Int32Array; // holds diagonals -(d-1)..(d-1)
    const at = (k: number) => previous[k + d - 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const previousK = down ? k + 1 : k - 1;
    const previousX = at(previousK);
    const previousY = previousX - previousK;
    while (x > previousX && y > previousY) {
      script.push('same');
      x--;
      y--;
    }
    script.push(down ? 'added' : 'removed');
    x = previousX;
    y = previousY;
  }
  for (; x > 0; x--) script.push('same');
  return script.reverse();
}

/**
 * The lines of `before` and `after`, each marked same, removed or added; within a changed
 * block the removed lines come first. Refuses, with a reason, texts over `limits.maxLines`
 * lines or `limits.maxChars` characters either side.
 */
export function diffLines(
  before: string,
  after: string,
  limits: DiffLimits = DEFAULT_DIFF_LIMITS,
): DiffResult {
  if (before.length > limits.maxChars || after.length > limits.maxChars) {
    return {
      ok: false,
      reason: `Too big to compare: a message has more than ${limits.maxChars.toLocaleString('en-US')} characters.`,
    };
  }
  const a = splitLines(before);
  const b = splitLines(after);
  if (a.length > limits.maxLines || b.length > limits.maxLines) {
    return {
      ok: false,
      reason: `Too big to compare: a message has more than ${limits.maxLines.toLocaleString('en-US')} lines.`,
    };
  }

  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;

  // Lines as small integers, so the inner loop compares numbers rather than strings.
  const ids = new Map<string, number>();
  const idsOf = (lines: string[]) => {
    const out = new Int32Array(lines.length - head - tail);
    for (let i = 0; i < out.length; i++) {
      const line = lines[head + i] as string;
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i] = id;
    }
    return out;
  };
  const middleA = idsOf(a);
  const middleB = idsOf(b);
  const script = myers(middleA, middleB, limits.maxEdits);

  const lines: DiffLine[] = [];
  for (let i = 0; i < head; i++) lines.push({ kind: 'same', text: a[i] as string });
  let x = head;
  let y = head;
  // Changes are gathered per block so its removed lines are listed before its added ones.
  let added: DiffLine[] = [];
  const flush = () => {
    for (const line of added) lines.push(line);
    added = [];
  };
  const steps = script ?? [
    ...new Array<DiffKind>(middleA.length).fill('removed'),
    ...new Array<DiffKind>(middleB.length).fill('added'),
  ];
  for (const step of steps) {
    if (step === 'same') {
      flush();
      lines.push({ kind: 'same', text: a[x++] as string });
      y++;
    } else if (step === 'removed') lines.push({ kind: 'removed', text: a[x++] as string });
    else added.push({ kind: 'added', text: b[y++] as string });
  }
  flush();
  for (let i = a.length - tail; i < a.length; i++)
    lines.push({ kind: 'same', text: a[i] as string });
  return { ok: true, lines, minimal: script !== null };
}

/** 2-space JSON in the document's own key order, or null when the value cannot be written. */
function prettyJson(value: unknown): string | null {
  try {
    // undefined (or a function) has no JSON text: compare it as empty.
    return JSON.stringify(value, null, 2) ?? '';
  } catch {
    return null; // a cycle, a BigInt, or nesting deeper than the stack
  }
}

/**
 * Diffs two JSON values line by line after pretty-printing both (2 spaces, keys in their own
 * order, so a moved key shows as moved), with the limits of {@link diffLines}.
 */
export function diffJson(
  before: unknown,
  after: unknown,
  limits: DiffLimits = DEFAULT_DIFF_LIMITS,
): DiffResult {
  const a = prettyJson(before);
  const b = prettyJson(after);
  if (a === null || b === null) {
    return {
      ok: false,
      reason: 'Cannot compare: a message cannot be written as JSON (too deeply nested?).',
    };
  }
  return diffLines(a, b, limits);
}
