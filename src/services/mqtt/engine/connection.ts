import { createDecoderRegistry } from '../../../core/decoders/index.ts';
import type { DecoderRegistry } from '../../../core/decoders/index.ts';
import type { ConnectionEvent } from '../protocol.ts';
import { createConnectionSinks } from '../sinks/index.ts';
import type { ConnectionSinks } from '../sinks/index.ts';
import { MqttSource } from '../sources/mqtt-source.ts';
import type { RecordingSource } from '../sources/recording-source.ts';
import type { ConnectFn, SourceEnvironment } from '../sources/mqtt-source.ts';
import { IngestPipeline } from './ingest-pipeline.ts';
import type { RepeatPublisher } from './repeat-publisher.ts';
import type { RecordingReplay } from './recording-replay.ts';

/** Everything the worker keeps for one connection: its source, pipeline, sinks and events. */
export interface Connection {
  id: string;
  source: MqttSource;
  /** Set when the connection shows a saved recording instead of a broker. */
  recording: RecordingSource | null;
  /** The repeat publisher running on this connection, if any. */
  repeat: RepeatPublisher | null;
  /** A saved recording being replayed to the broker through this connection, if any. */
  replay: RecordingReplay | null;
  pipeline: IngestPipeline;
  /** This connection's decoders: its rules, its .proto schemas, what Sparkplug BIRTHs taught. */
  decoders: DecoderRegistry;
  sinks: ConnectionSinks;
  /** Events since the last batch. */
  events: ConnectionEvent[];
  emit: (event: ConnectionEvent) => void;
  /** Tells the pump that something finished later (a detail decoded as the user asked). */
  wake: () => void;
}

export function createConnection(
  id: string,
  connectFn: ConnectFn,
  environment: SourceEnvironment,
  /** Told whenever the connection has something new for the page. */
  onChange: () => void,
): Connection {
  const decoders = createDecoderRegistry({
    onProblem: (text) =>
      connection.emit({ type: 'log', entry: { time: Date.now(), level: 'warn', text } }),
  });
  const sinks = createConnectionSinks(id, decoders, Date.now());
  const pipeline = new IngestPipeline(id, sinks.all, decoders, onChange);
  const connection: Connection = {
    id,
    source: null as unknown as MqttSource,
    recording: null,
    repeat: null,
    replay: null,
    pipeline,
    decoders,
    sinks,
    events: [],
    emit: () => undefined,
    wake: onChange,
  };
  const emit = (event: ConnectionEvent) => {
    connection.events.push(event);
    onChange();
  };
  connection.source = new MqttSource(id, connectFn, pipeline, emit, environment);
  connection.emit = emit;
  return connection;
}
