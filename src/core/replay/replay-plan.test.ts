import { describe, expect, it } from 'vitest';
import type { RecordInput } from '../recorder/message-store.ts';
import { dueAfterMs, planReplay } from './replay-plan.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const recorded = (
  time: number,
  topic: string,
  qos: 0 | 1 | 2 = 0,
  retain = false,
): RecordInput => ({
  time,
  topic,
  payload: bytes(`${topic}@${time}`),
  qos,
  retain,
});

describe('planReplay', () => {
  it('puts messages in time order, keeping the order of those recorded together', () => {
    const plan = planReplay(
      [recorded(1_500, 'b'), recorded(1_000, 'a', 1, true), recorded(1_500, 'c', 2)],
      '',
    );
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.messages.map((m) => [m.topic, m.offsetMs, m.qos, m.retain])).toEqual([
      ['a', 0, 1, true],
      ['b', 500, 0, false],
      ['c', 500, 2, false],
    ]);
    expect(plan.spanMs).toBe(500);
  });

  it('puts every topic under the prefix', () => {
    const plan = planReplay([recorded(0, 'plant/t')], 'replay/');
    expect(plan.ok && plan.messages[0]?.topic).toBe('replay/plant/t');
  });

  it('refuses a prefix or a resulting topic that is not a topic, before anything is sent', () => {
    expect(planReplay([recorded(0, 'a')], 'x/#/')).toMatchObject({ ok: false });
    expect(planReplay([recorded(0, 'a')], 'x/+')).toMatchObject({ ok: false });
    expect(planReplay([], '')).toEqual({ ok: false, reason: 'The recording holds no messages.' });
    const tooLong = planReplay([recorded(0, 'a'.repeat(65_535))], 'p/');
    expect(tooLong.ok).toBe(false);
  });
});

describe('dueAfterMs', () => {
  it('keeps the recorded timing at 1x, a tenth of it at 10x, none as fast as possible', () => {
    expect(dueAfterMs(2_000, 1)).toBe(2_000);
    expect(dueAfterMs(2_000, 10)).toBe(200);
    expect(dueAfterMs(2_000, 'max')).toBe(0);
  });
});
