import { describe, expect, it } from 'vitest';
import { exportFileName, streamedFile } from './export-file.ts';

/** A writable file that records what reached it, optionally refusing the n-th write. */
function fakeWritable(failOnWrite = -1) {
  const written: string[] = [];
  const state = { closed: false, aborted: false };
  let writes = 0;
  return {
    written,
    state,
    writable: {
      async write(text: string) {
        writes += 1;
        await Promise.resolve();
        if (writes === failOnWrite) throw new Error('The disk is full.');
        written.push(text);
      },
      close: () => {
        state.closed = true;
        return Promise.resolve();
      },
      abort: () => {
        state.aborted = true;
        return Promise.resolve();
      },
    },
  };
}

describe('streamedFile', () => {
  it('writes chunks in the order they came and closes the file', async () => {
    const { written, state, writable } = fakeWritable();
    const file = streamedFile(writable);
    for (const chunk of ['a\n', 'b\n', 'c\n']) file.write(chunk);
    await file.close();
    expect(written).toEqual(['a\n', 'b\n', 'c\n']);
    expect(state).toEqual({ closed: true, aborted: false });
  });

  it('reports the first refused write on close, writes nothing after it and drops the file', async () => {
    const { written, state, writable } = fakeWritable(2);
    const file = streamedFile(writable);
    for (const chunk of ['a', 'b', 'c']) file.write(chunk);
    await expect(file.close()).rejects.toThrow('The disk is full.');
    expect(written).toEqual(['a']);
    expect(state).toEqual({ closed: false, aborted: true });
  });

  it('abort drops the file once the queued writes settled', async () => {
    const { state, writable } = fakeWritable();
    const file = streamedFile(writable);
    file.write('a');
    file.abort();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(state).toEqual({ closed: false, aborted: true });
  });
});

describe('exportFileName', () => {
  it('names the file by the time of the export, with the format as extension', () => {
    const now = new Date('2026-01-28T10:15:00.000Z');
    expect(exportFileName('jsonl', now)).toBe('mqtt-scope-20260128-101500.jsonl');
    expect(exportFileName('csv', now)).toBe('mqtt-scope-20260128-101500.csv');
  });
});
