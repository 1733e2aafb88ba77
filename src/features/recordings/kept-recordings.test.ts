import { describe, expect, it, vi } from 'vitest';
import { createMemoryFileStore } from '../../services/file-store/memory-file-store.ts';
import type { MemoryFileStore } from '../../services/file-store/memory-file-store.ts';
import {
  createKeptRecordings,
  keepOpenedRecording,
  readKeptMeta,
  UNAVAILABLE_REASON,
} from './kept-recordings.ts';
import type { RecordingState } from '../../services/mqtt/index.ts';
import { addRecording, applyRecordingEvent, createRecordingsStore } from './recordings-store.ts';
import type { KeptRecordingsOptions } from './kept-recordings.ts';

const file = (name: string, text: string, lastModified = 1_000) =>
  new File([text], name, { lastModified });

function setUp(
  files: MemoryFileStore = createMemoryFileStore(),
  options: Partial<KeptRecordingsOptions> = {},
) {
  const told: string[] = [];
  let clock = 10_000;
  let ids = 0;
  const kept = createKeptRecordings(Promise.resolve(files), {
    tell: (text) => told.push(text),
    estimate: () => Promise.resolve(undefined),
    now: () => (clock += 1_000),
    newId: () => `k${(ids += 1)}`,
    ...options,
  });
  return { kept, files, told };
}

const settled = (kept: ReturnType<typeof setUp>['kept']) =>
  new Promise<void>((resolve) => {
    if (kept.store.getState().status !== 'loading') return resolve();
    const stop = kept.store.subscribe((s) => {
      if (s.status !== 'loading') {
        stop();
        resolve();
      }
    });
  });

describe('kept recordings', () => {
  it('asks the browser to keep the site’s storage once a file is kept, not before', async () => {
    const persist = vi.fn(() => Promise.resolve(true));
    const { kept } = setUp(createMemoryFileStore(), { persist });
    await settled(kept);
    expect(persist).not.toHaveBeenCalled();
    await kept.keep(file('a.jsonl', 'aaa'));
    expect(persist).toHaveBeenCalledTimes(1);
  });

  it('keeps an opened file and lists it again after a reload, newest first', async () => {
    const files = createMemoryFileStore();
    const first = setUp(files);
    expect(await first.kept.keep(file('a.jsonl', 'aaa'))).toEqual({ kept: true, id: 'k1' });
    expect(await first.kept.keep(file('b.jsonl', 'bbbbb'))).toEqual({ kept: true, id: 'k2' });

    const reloaded = setUp(files);
    await settled(reloaded.kept);
    const { status, entries } = reloaded.kept.store.getState();
    expect(status).toBe('ready');
    expect(entries.map((e) => [e.name, e.size])).toEqual([
      ['b.jsonl', 5],
      ['a.jsonl', 3],
    ]);
    const back = await reloaded.kept.read('k1');
    expect(back?.name).toBe('a.jsonl');
    expect(await back?.text()).toBe('aaa');
  });

  it('keeps the same file opened twice once, as the most recently opened', async () => {
    const { kept } = setUp();
    await kept.keep(file('a.jsonl', 'aaa'));
    await kept.keep(file('b.jsonl', 'bb'));
    expect(await kept.keep(file('a.jsonl', 'aaa'))).toEqual({ kept: true, id: 'k1' });
    expect(kept.store.getState().entries.map((e) => e.id)).toEqual(['k1', 'k2']);
  });

  it('refuses a file that would pass the budget, and keeps the others', async () => {
    const { kept } = setUp(undefined, { budgetBytes: 10 });
    await kept.keep(file('a.jsonl', '123456'));
    const outcome = await kept.keep(file('b.jsonl', '123456'));
    expect(outcome).toEqual({ kept: false, reason: expect.stringContaining('may use 10 B') });
    expect(kept.store.getState().entries.map((e) => e.name)).toEqual(['a.jsonl']);
  });

  it("says the browser's storage is full when the quota refuses the write", async () => {
    const { kept, files } = setUp(createMemoryFileStore(4));
    const outcome = await kept.keep(file('big.jsonl', 'too large'));
    expect(outcome).toEqual({ kept: false, reason: "the browser's storage for this site is full" });
    expect(kept.store.getState().entries).toEqual([]);
    expect(files.metas.size).toBe(0);
  });

  it('says so before writing when the estimate leaves no room', async () => {
    const { kept, files } = setUp(undefined, {
      estimate: () => Promise.resolve({ quota: 100, usage: 98 }),
    });
    const outcome = await kept.keep(file('a.jsonl', 'abc'));
    expect(outcome).toMatchObject({ kept: false, reason: expect.stringContaining('full') });
    expect(files.files.size).toBe(0);
  });

  it('keeps nothing, and says why, when the browser offers no storage', async () => {
    const told: string[] = [];
    const kept = createKeptRecordings(Promise.reject(new Error('private mode')), {
      tell: (text) => told.push(text),
    });
    expect(await kept.keep(file('a.jsonl', 'a'))).toEqual({
      kept: false,
      reason: UNAVAILABLE_REASON,
    });
    expect(kept.store.getState()).toEqual({ status: 'unavailable', entries: [] });
    expect(await kept.read('x')).toBeNull();
    await kept.remove('x');
    expect(told).toEqual([]);
  });

  it('drops a damaged description alone, with a word, and lists the rest', async () => {
    const files = createMemoryFileStore();
    await setUp(files).kept.keep(file('good.jsonl', 'ok'));
    files.metas.set('bad', { version: 99, name: 'future.jsonl' });
    files.files.set('bad', new Blob(['x']));
    const { kept, told } = setUp(files);
    await settled(kept);
    expect(kept.store.getState().entries.map((e) => e.name)).toEqual(['good.jsonl']);
    expect(told).toEqual(['A kept recording ("future.jsonl") could not be read and was removed.']);
    expect(files.files.has('bad')).toBe(false);
  });

  it('drops an entry whose bytes no longer read when it is opened', async () => {
    const files = createMemoryFileStore();
    const first = setUp(files).kept;
    await first.keep(file('a.jsonl', 'aaa'));
    await first.keep(file('b.jsonl', 'bbb'));
    files.files.set('k1', 'not a blob');
    const { kept, told } = setUp(files);
    await settled(kept);
    expect(await kept.read('k1')).toBeNull();
    expect(told).toEqual(['The kept recording "a.jsonl" could no longer be read and was removed.']);
    expect(kept.store.getState().entries.map((e) => e.name)).toEqual(['b.jsonl']);
    expect(files.metas.has('k1')).toBe(false);
  });

  it('forgets a removed recording across a reload', async () => {
    const files = createMemoryFileStore();
    const first = setUp(files);
    await first.kept.keep(file('a.jsonl', 'aaa'));
    await first.kept.remove('k1');
    expect(first.kept.store.getState().entries).toEqual([]);
    const reloaded = setUp(files);
    await settled(reloaded.kept);
    expect(reloaded.kept.store.getState().entries).toEqual([]);
  });
});

describe('readKeptMeta', () => {
  it('reads what keep writes and refuses anything else', () => {
    const meta = { version: 1, name: 'a.jsonl', size: 3, openedAt: 5, lastModified: 4 };
    expect(readKeptMeta('k', meta)).toEqual({ id: 'k', ...meta, version: undefined });
    expect(readKeptMeta('k', { ...meta, size: -1 })).toBeNull();
    expect(readKeptMeta('k', { ...meta, name: '' })).toBeNull();
    expect(readKeptMeta('k', { ...meta, openedAt: Number.NaN })).toBeNull();
    expect(readKeptMeta('k', 'a.jsonl')).toBeNull();
    expect(readKeptMeta('k', null)).toBeNull();
  });
});

describe('keepOpenedRecording', () => {
  const open = (store: ReturnType<typeof createRecordingsStore>, name: string) =>
    addRecording(store, {
      id: name,
      name,
      color: '#fff',
      state: { state: 'loading' },
      file: new Blob([]),
    });
  const ready: RecordingState = {
    state: 'ready',
    messages: 1,
    skipped: 0,
    skippedLines: [],
    connections: [],
  };

  it('keeps a file once the worker has read it as a recording, and never one that failed', async () => {
    const { kept, files } = setUp();
    const store = createRecordingsStore();
    open(store, 'good.jsonl');
    open(store, 'settings.json');
    keepOpenedRecording(store, kept, 'good.jsonl', file('good.jsonl', 'ok'));
    keepOpenedRecording(store, kept, 'settings.json', file('settings.json', '{}'));
    expect(files.files.size).toBe(0);
    applyRecordingEvent(store, 'settings.json', {
      type: 'recording',
      recording: { state: 'failed', reason: 'not an MQTT Scope recording' },
    });
    applyRecordingEvent(store, 'good.jsonl', { type: 'recording', recording: ready });
    await vi.waitFor(() =>
      expect(store.getState().recordings.map((r) => r.keep)).toEqual([
        { state: 'kept', keptId: 'k1' },
        undefined,
      ]),
    );
    expect(kept.store.getState().entries.map((e) => e.name)).toEqual(['good.jsonl']);
  });
});
