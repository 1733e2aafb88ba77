import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { exportHeader, exportLine } from '../../../core/recorder/export-format.ts';
import type { ReplayMessage } from '../../../core/replay/replay-plan.ts';
import type { ConnectionEvent, ReplayState } from '../protocol.ts';
import { RecordingReplay } from './recording-replay.ts';

const encoder = new TextEncoder();

/** A recording file as the export writes it: messages at these offsets (ms) from t0. */
function recordingFile(offsets: number[], t0 = Date.UTC(2026, 11, 2, 12)): Blob {
  const lines = offsets.map((offset, i) =>
    exportLine('jsonl', {
      time: t0 + offset,
      connection: 'Plant',
      topic: `plant/${i}`,
      qos: (i % 3) as 0 | 1 | 2,
      retain: i === 0,
      dup: false,
      published: false,
      size: 1,
      cut: false,
      payload: encoder.encode(String(i)),
      properties: null,
    }),
  );
  return new Blob([exportHeader('jsonl', t0) + lines.join('')]);
}

describe('RecordingReplay', () => {
  let sent: { topic: string; at: number; qos: number; retain: boolean }[];
  let events: ConnectionEvent[];
  let up: boolean;
  /** Acknowledgements held back, as a broker's would be, until released. */
  let pending: (() => void)[];
  let holdAcks: boolean;
  const lastState = () =>
    events.flatMap((e) => (e.type === 'replay' ? [e.replay] : [])).at(-1) as ReplayState;

  const replay = (speed: 1 | 10 | 'max') =>
    new RecordingReplay(
      speed,
      (message: ReplayMessage, done) => {
        if (!up) return false;
        sent.push({
          topic: message.topic,
          at: Date.now(),
          qos: message.qos,
          retain: message.retain,
        });
        if (holdAcks) pending.push(done);
        else done();
        return true;
      },
      (event) => events.push(event),
      () => Date.now(),
    );

  beforeEach(() => {
    vi.useFakeTimers({ now: 0 });
    sent = [];
    events = [];
    up = true;
    pending = [];
    holdAcks = false;
  });
  afterEach(() => vi.useRealTimers());

  it('sends every message in order at the recorded timing, with its QoS and retain', async () => {
    await replay(1).start(recordingFile([0, 100, 350]), 'again/');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toEqual([
      { topic: 'again/plant/0', at: 0, qos: 0, retain: true },
      { topic: 'again/plant/1', at: 100, qos: 1, retain: false },
      { topic: 'again/plant/2', at: 350, qos: 2, retain: false },
    ]);
    expect(lastState()).toMatchObject({ state: 'done', sent: 3, total: 3, spanMs: 350 });
  });

  it('runs ten times faster at 10x, and all at once as fast as possible', async () => {
    await replay(10).start(recordingFile([0, 1_000, 2_000]), '');
    await vi.advanceTimersByTimeAsync(500);
    expect(sent.map((s) => s.at)).toEqual([0, 100, 200]);
    sent = [];
    await replay('max').start(recordingFile([0, 60_000]), '');
    expect(sent.map((s) => s.at)).toEqual([500, 500]);
  });

  it('pauses without losing its place, and stops', async () => {
    const job = replay(1);
    await job.start(recordingFile([0, 100, 200, 300]), '');
    await vi.advanceTimersByTimeAsync(150);
    job.pause();
    expect(lastState()).toMatchObject({ state: 'paused', sent: 2 });
    await vi.advanceTimersByTimeAsync(5_000);
    expect(sent).toHaveLength(2);
    job.resume();
    await vi.advanceTimersByTimeAsync(60);
    // The third message was due 50 ms after the pause: it goes 50 ms after the resume.
    expect(sent.map((s) => s.at)).toEqual([0, 100, 5_200]);
    job.stop();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sent).toHaveLength(3);
    expect(lastState()).toMatchObject({ state: 'stopped', sent: 3, total: 4 });
  });

  it('waits for acknowledgements when too many are outstanding', async () => {
    holdAcks = true;
    await replay('max').start(recordingFile(Array.from({ length: 1_200 }, () => 0)), '');
    expect(sent).toHaveLength(500);
    for (const done of pending.splice(0)) done();
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1_000);
    for (const done of pending.splice(0)) done();
    await vi.advanceTimersByTimeAsync(0);
    for (const done of pending.splice(0)) done();
    expect(lastState()).toMatchObject({ state: 'done', sent: 1_200 });
  });

  it('refuses a file that is not a recording, and sends nothing', async () => {
    await replay(1).start(new Blob(['{"hello":"world"}\n']), '');
    expect(sent).toEqual([]);
    expect(lastState()).toMatchObject({ state: 'failed', reason: expect.stringMatching(/not/) });
  });

  it('refuses a prefix that cannot be part of a topic, and sends nothing', async () => {
    await replay(1).start(recordingFile([0]), 'a/#/');
    expect(sent).toEqual([]);
    expect(lastState()).toMatchObject({
      state: 'failed',
      reason: expect.stringContaining('+ or #'),
    });
  });

  it('says so when the connection goes down mid-replay', async () => {
    await replay(1).start(recordingFile([0, 100]), '');
    up = false;
    await vi.advanceTimersByTimeAsync(200);
    expect(lastState()).toMatchObject({
      state: 'failed',
      sent: 1,
      reason: expect.stringContaining('went down after 1 messages'),
    });
  });
});
