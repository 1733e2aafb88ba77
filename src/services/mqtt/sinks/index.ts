import type { DecoderRegistry } from '../../../core/decoders/index.ts';
import type { Sink } from '../engine/sink.ts';
import { BrokerStatsSink } from './broker-stats-sink.ts';
import { CountersSink } from './counters-sink.ts';
import { LatestValuesSink } from './latest-values-sink.ts';
import { RateSink } from './rate-sink.ts';
import { RecorderSink } from './recorder-sink.ts';
import { ReplySink } from './reply-sink.ts';
import { SeriesSink } from './series-sink.ts';
import { TopicTreeSink } from './topic-tree-sink.ts';

/** The sinks of one connection; commands reach the named ones, the pipeline feeds them all. */
export interface ConnectionSinks {
  recorder: RecorderSink;
  tree: TopicTreeSink;
  counters: CountersSink;
  series: SeriesSink;
  latest: LatestValuesSink;
  rates: RateSink;
  brokerStats: BrokerStatsSink;
  /** Requests published with a response topic, waiting for their reply. */
  replies: ReplySink;
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
  const latest = new LatestValuesSink();
  const rates = new RateSink((levels) => tree.countMatching(levels));
  const brokerStats = new BrokerStatsSink();
  const replies = new ReplySink();
  return {
    recorder,
    tree,
    counters,
    series,
    latest,
    rates,
    brokerStats,
    replies,
    all: [counters, recorder, tree, series, latest, rates, brokerStats, replies],
  };
}
