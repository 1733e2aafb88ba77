import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionEvent, RepeatSettings } from '../protocol.ts';
import { RepeatPublisher } from './repeat-publisher.ts';

const settings = (changes: Partial<RepeatSettings> = {}): RepeatSettings => ({
  repeatId: 1,
  topic: 'load/test',
  template: '{"n":{{counter}},"t":{{timestamp}}}',
  qos: 0,
  retain: false,
  intervalMs: 100,
  count: 5,
  ...changes,
});

function run(changes: Partial<RepeatSettings> = {}, connected = () => true) {
  const sent: string[] = [];
  const events: ConnectionEvent[] = [];
  const repeat = new RepeatPublisher(
    settings(changes),
    (_topic, payload) => {
      if (!connected()) return false;
      sent.push(payload);
      return true;
    },
    (event) => events.push(event),
  );
  const last = () => events.filter((e) => e.type === 'repeat').at(-1);
  return { repeat, sent, events, last };
}

describe('the repeat publisher', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('sends exactly `count` messages, one per interval, numbered from 1', () => {
    const { sent, last } = run();
    expect(sent).toEqual(['{"n":1,"t":1000000}']);
    vi.advanceTimersByTime(250);
    expect(sent).toHaveLength(3);
    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(5);
    expect(sent[4]).toBe('{"n":5,"t":1000400}');
    expect(last()).toMatchObject({ state: 'done', sent: 5, total: 5, rate: 10 });
  });

  it('catches up after a stalled timer, so the rate holds over time', () => {
    const { sent } = run({ count: null });
    vi.advanceTimersByTime(200);
    expect(sent).toHaveLength(3);
    // The worker was busy for a second: the next turn comes 1.1 s after the last, once.
    vi.setSystemTime(Date.now() + 1_000);
    vi.advanceTimersByTime(100);
    // Due by then: the messages of 0 … 1,300 ms.
    expect(sent).toHaveLength(14);
    expect(sent[13]).toBe('{"n":14,"t":1001300}');
  });

  it('runs until stopped when no count is given', () => {
    const { repeat, sent, last } = run({ count: null });
    vi.advanceTimersByTime(1_000);
    repeat.stop();
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(11);
    expect(last()).toMatchObject({ state: 'stopped', sent: 11, total: null });
  });

  it('refuses an unknown placeholder by its name and sends nothing', () => {
    const { sent, last } = run({ template: '{{counter}} {{temperature}}' });
    vi.advanceTimersByTime(1_000);
    expect(sent).toEqual([]);
    expect(last()).toMatchObject({
      state: 'failed',
      reason: expect.stringContaining('{{temperature}}'),
    });
  });

  it('stops with the reason when the connection goes down', () => {
    let up = true;
    const { sent, last } = run({ count: null }, () => up);
    vi.advanceTimersByTime(150);
    up = false;
    vi.advanceTimersByTime(1_000);
    expect(sent).toHaveLength(2);
    expect(last()).toMatchObject({ state: 'failed', sent: 2, reason: 'The connection is down.' });
  });
});
