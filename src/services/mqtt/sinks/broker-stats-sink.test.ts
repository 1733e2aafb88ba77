import { describe, expect, it } from 'vitest';
import { emptyConnectionBatch } from '../protocol.ts';
import { message } from '../engine/test-support.ts';
import { BrokerStatsSink } from './broker-stats-sink.ts';

describe('BrokerStatsSink', () => {
  it('shows gauges as values and counters as rates, once a second', () => {
    const sink = new BrokerStatsSink();
    sink.ingest(message('$SYS/broker/clients/connected', '3', 1_000));
    sink.ingest(message('$SYS/broker/messages/received', '1000', 1_000));
    sink.ingest(message('$SYS/broker/messages/received', '3000', 11_000));
    sink.ingest(message('plant/a', '5', 11_000));
    expect(sink.dueAt(20_000)).toBe(20_000);
    const batch = emptyConnectionBatch('c1');
    sink.flush(batch, 20_000);
    expect(batch.brokerStats).toEqual([
      expect.objectContaining({ key: 'clients', value: 3, total: null, history: [3] }),
      expect.objectContaining({ key: 'messagesIn', value: 200, total: 3000, history: [200] }),
    ]);
    expect(sink.dueAt(20_500)).toBeNull();
  });
});
