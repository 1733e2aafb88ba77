import type { DecoderRegistry } from '../../../core/decoders/index.ts';
import type { Sink } from '../engine/sink.ts';
import { BrokerStatsSink } from './broker-stats-sink.ts';
import { CountersSink } from './counters-sink.ts';
import { RecorderSink } from './recorder-sink.ts';
import { SeriesSink } from './series-sink.ts';
import { TopicTreeSink } from './topic-tree-sink.ts';

/** The sinks of one connection; commands reach the named ones, the pipeline feeds them all. */
export interface ConnectionSinks {
  recorder: RecorderSink;
  tree: TopicTreeSink;
  counters: CountersSink;
  series: SeriesSink;
  brokerStats: BrokerStatsSink;
  /** Every sink, in the order messages reach them. A new sink is added here. */
  all: readonly Sink[];
}

export function createConnectionSinks(
  connectionId: string,
  decoders: DecoderRegistry,
  now: number,
): ConnectionSinks {
  const recorder = new RecorderSink(connectionId, decoders);
  const tree = new TopicTreeSink();
  const counters = new CountersSink(now);
  const series = new SeriesSink();
  const brokerStats = new BrokerStatsSink();
  return {
    recorder,
    tree,
    counters,
    series,
    brokerStats,
    all: [counters, recorder, tree, series, brokerStats],
  };
}
