import type { Sink } from '../engine/sink.ts';
import { CountersSink } from './counters-sink.ts';
import { HistorySink } from './history-sink.ts';
import { SeriesSink } from './series-sink.ts';
import { TopicTreeSink } from './topic-tree-sink.ts';

/** The sinks of one connection; commands reach the named ones, the pipeline feeds them all. */
export interface ConnectionSinks {
  history: HistorySink;
  tree: TopicTreeSink;
  counters: CountersSink;
  series: SeriesSink;
  /** Every sink, in the order messages reach them. A new sink is added here. */
  all: readonly Sink[];
}

export function createConnectionSinks(now: number): ConnectionSinks {
  const history = new HistorySink();
  const tree = new TopicTreeSink();
  const counters = new CountersSink(now);
  const series = new SeriesSink();
  return { history, tree, counters, series, all: [counters, history, tree, series] };
}
