import { describe, expect, it } from 'vitest';
import { counterRate, readStatValue, statForTopic } from './broker-stats.ts';

describe('broker statistics', () => {
  it('recognises Mosquitto, EMQX and aedes $SYS topics', () => {
    expect(statForTopic('$SYS/broker/clients/connected')?.key).toBe('clients');
    expect(statForTopic('$SYS/brokers/emqx@127.0.0.1/stats/connections.count')?.key).toBe(
      'clients',
    );
    expect(statForTopic('$SYS/a1b2/clients/total')?.key).toBe('clients');
    expect(statForTopic('$SYS/broker/publish/messages/dropped')?.key).toBe('dropped');
    expect(statForTopic('$SYS/broker/retained messages/count')?.key).toBe('retained');
    expect(statForTopic('$SYS/broker/version')).toBeNull();
    expect(statForTopic('broker/clients/connected')).toBeNull();
  });

  it('reads numbers however the broker writes them', () => {
    expect(readStatValue('42')).toBe(42);
    expect(readStatValue('1234 seconds')).toBe(1234);
    expect(readStatValue('3.5')).toBe(3.5);
    expect(readStatValue('mosquitto version 2.0')).toBeNull();
  });

  it('turns counters into rates and skips a restart', () => {
    expect(counterRate({ time: 0, value: 100 }, { time: 2_000, value: 300 })).toBe(100);
    expect(counterRate({ time: 0, value: 100 }, { time: 1_000, value: 5 })).toBeNull();
  });
});
