import { describe, expect, it } from 'vitest';
import type { EngineBatch, ExportChunk, SearchHandle } from '../../services/mqtt/index.ts';
import type { ExportFile } from './export-file.ts';
import { endExport, startExport } from './message-export.ts';
import { applyStreamBatches, createMessageView } from './messages-store.ts';
import type { MessageView } from './messages-store.ts';

function fakeSearch() {
  const calls: string[] = [];
  const search: SearchHandle = {
    run: () => 7,
    cancel: () => undefined,
    requestRows: () => undefined,
    seek: () => undefined,
    exportMatches: (queryId, format) => {
      calls.push(`export ${queryId} ${format}`);
      return 3;
    },
    cancelExport: (exportId) => calls.push(`cancel ${exportId}`),
  };
  return { search, calls };
}

function memoryFile() {
  const log: string[] = [];
  const file: ExportFile = {
    write: (text) => log.push(`write ${text}`),
    close: () => {
      log.push('close');
      return Promise.resolve();
    },
    abort: () => log.push('abort'),
  };
  return { file, log };
}

/** A view showing the finished search 7 with 2 matches. */
function searchedView(): MessageView {
  const view = createMessageView();
  view.setState({
    source: {
      kind: 'recorded',
      queryId: 7,
      query: null,
      status: {
        queryId: 7,
        problems: [],
        matched: 2,
        scanned: 10,
        total: 10,
        done: true,
        elapsedMs: 1,
      },
    },
  });
  return view;
}

function chunkBatch(chunk: ExportChunk): EngineBatch {
  return { connections: [], query: null, queryRows: null, querySeek: null, exportChunk: chunk };
}

const apply = (view: MessageView, chunk: ExportChunk) =>
  applyStreamBatches(
    view,
    chunkBatch(chunk),
    () => undefined,
    () => [],
  );

describe('an export of the search results', () => {
  it('writes each chunk to the file as it arrives and closes it after the last', async () => {
    const view = searchedView();
    const { search, calls } = fakeSearch();
    const { file, log } = memoryFile();
    await startExport(view, search, 'jsonl', {}, () => Promise.resolve(file));
    expect(calls).toEqual(['export 7 jsonl']);
    expect(view.getState().exporting).toMatchObject({ exportId: 3, written: 0, total: 2 });

    apply(view, { exportId: 3, text: 'one\n', written: 1, total: 2, done: false, error: null });
    expect(log).toEqual(['write one\n']);
    expect(view.getState().exporting).toMatchObject({ written: 1, done: false });

    apply(view, { exportId: 3, text: 'two\n', written: 2, total: 2, done: true, error: null });
    expect(log).toEqual(['write one\n', 'write two\n', 'close']);
    await Promise.resolve();
    expect(view.getState().exporting).toBeNull();
  });

  it('starts nothing when the user closes the save dialog', async () => {
    const view = searchedView();
    const { search, calls } = fakeSearch();
    await startExport(view, search, 'csv', {}, () => Promise.resolve(null));
    expect(calls).toEqual([]);
    expect(view.getState().exporting).toBeNull();
  });

  it('cancelling stops the worker and drops the half-written file', async () => {
    const view = searchedView();
    const { search, calls } = fakeSearch();
    const { file, log } = memoryFile();
    await startExport(view, search, 'csv', {}, () => Promise.resolve(file));
    apply(view, { exportId: 3, text: 'one\n', written: 1, total: 2, done: false, error: null });
    endExport(view, search);
    expect(calls).toEqual(['export 7 csv', 'cancel 3']);
    expect(log).toEqual(['write one\n', 'abort']);
    expect(view.getState().exporting).toBeNull();
  });

  it('a worker error drops the file and is shown', async () => {
    const view = searchedView();
    const { search } = fakeSearch();
    const { file, log } = memoryFile();
    await startExport(view, search, 'jsonl', {}, () => Promise.resolve(file));
    apply(view, { exportId: 3, text: '', written: 0, total: 2, done: true, error: 'Gone.' });
    expect(log).toEqual(['abort']);
    expect(view.getState().exporting?.error).toBe('Gone.');
  });

  it('a file that cannot be written says why', async () => {
    const view = searchedView();
    const { search } = fakeSearch();
    const file: ExportFile = {
      write: () => undefined,
      close: () => Promise.reject(new Error('The disk is full.')),
      abort: () => undefined,
    };
    await startExport(view, search, 'jsonl', {}, () => Promise.resolve(file));
    apply(view, { exportId: 3, text: 'x', written: 2, total: 2, done: true, error: null });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(view.getState().exporting?.error).toBe(
      'The file could not be written: The disk is full.',
    );
  });
});
