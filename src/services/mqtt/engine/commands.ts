import type { ConnectionCommand } from '../protocol.ts';
import { RecordingSource } from '../sources/recording-source.ts';
import { RepeatPublisher } from './repeat-publisher.ts';
import { RecordingReplay } from './recording-replay.ts';
import type { Connection } from './connection.ts';

type Handlers = {
  [K in ConnectionCommand['type']]: (
    connection: Connection,
    command: Extract<ConnectionCommand, { type: K }>,
  ) => void;
};

/**
 * One small handler per command that addresses a connection (as MQTT.js has one per packet
 * type). A new command is one entry here; the compiler insists that each has one.
 */
const handlers: Handlers = {
  connect: ({ source }, { settings }) => source.connect(settings),
  disconnect: ({ source }) => source.disconnect(),
  'close-connection': ({ source, recording, repeat, replay }) => {
    repeat?.stop();
    replay?.stop();
    source.dispose();
    recording?.dispose();
  },
  'open-recording': (connection, { file }) => {
    connection.recording?.dispose();
    connection.recording = new RecordingSource(connection.pipeline, connection.emit);
    // A recording is over: its topics were not silenced, they ended.
    connection.sinks.tree.setWatched(() => false);
    void connection.recording.open(file);
  },
  replay: (connection, { file, speed, topicPrefix }) => {
    connection.replay?.stop();
    const { source } = connection;
    connection.replay = new RecordingReplay(
      speed,
      ({ topic, payload, qos, retain }, done) => {
        const client = source.mqttClient();
        if (!client?.connected) return false;
        // mqtt.js sends a Uint8Array's bytes as they are.
        client.publish(topic, payload as Buffer, { qos, retain }, () => done());
        return true;
      },
      connection.emit,
    );
    void connection.replay.start(file, topicPrefix);
  },
  'replay-control': ({ replay }, { action }) => {
    if (action === 'pause') replay?.pause();
    else if (action === 'resume') replay?.resume();
    else replay?.stop();
  },
  subscribe: ({ source, sinks }, { filter, qos, options }) => {
    source.subscriptions.subscribe(filter, qos, options);
    sinks.tree.setWatched(source.subscriptions.coverage());
  },
  unsubscribe: ({ source, sinks }, { filter }) => {
    source.subscriptions.unsubscribe(filter);
    sinks.tree.setWatched(source.subscriptions.coverage());
  },
  publish: ({ source, sinks }, { id, topic, payload, qos, retain, properties, awaitReply }) => {
    const { responseTopic, correlationData } = properties ?? {};
    if (awaitReply && responseTopic && correlationData) {
      sinks.replies.expect(id, responseTopic, correlationData, Date.now());
    }
    source.publisher.publish(id, topic, payload, qos, retain, properties);
  },
  'start-repeat': (connection, { settings }) => {
    connection.repeat?.stop();
    const { publisher } = connection.source;
    connection.repeat = new RepeatPublisher(
      settings,
      (topic, payload, qos, retain, properties) =>
        publisher.publishQuiet(topic, payload, qos, retain, properties),
      connection.emit,
    );
  },
  'stop-repeat': ({ repeat }, { repeatId }) => {
    if (repeat?.repeatId === repeatId) repeat.stop();
  },
  'watch-series': ({ sinks, pipeline }, { seriesId, filter, jsonPath, topics, view, more }) => {
    // Only the view changed (window, width, zoom): the history stays, nothing to backfill.
    if (!sinks.series.watch(seriesId, filter, jsonPath, topics, view, more)) return;
    // With the message's MQTT 5 properties: its content type may be what chose its decoder.
    sinks.series.backfill(
      seriesId,
      sinks.recorder.store,
      (topic, payload, id) => sinks.recorder.decodeRecorded(id) ?? pipeline.decode(topic, payload),
    );
  },
  'unwatch-series': ({ sinks }, { seriesId }) => sinks.series.unwatch(seriesId),
  'watch-latest': ({ sinks, pipeline }, { watchId, filter, jsonPath }) => {
    sinks.latest.watch(watchId, filter, jsonPath);
    sinks.latest.backfill(
      watchId,
      sinks.recorder.store,
      (topic, payload, id) => sinks.recorder.decodeRecorded(id) ?? pipeline.decode(topic, payload),
    );
  },
  'unwatch-latest': ({ sinks }, { watchId }) => sinks.latest.unwatch(watchId),
  'watch-rate': ({ sinks }, { watchId, filter }) => sinks.rates.watch(watchId, filter, Date.now()),
  'unwatch-rate': ({ sinks }, { watchId }) => sinks.rates.unwatch(watchId),
  'clear-messages': ({ sinks }) => {
    for (const sink of sinks.all) sink.clear?.();
  },
  'message-detail': ({ sinks, wake }, { id, as }) => sinks.recorder.requestDetail(id, as, wake),
  'set-recorder-budget': ({ sinks }, { budget }) => sinks.recorder.setBudget(budget),
  'expand-topics': ({ sinks }, { paths }) => sinks.tree.expand(paths),
  'search-topics': ({ sinks }, { text }) => sinks.tree.search(text),
  'set-decoder-rules': ({ decoders, emit }, { rules }) => {
    decoders.setRules(rules);
    emit({ type: 'decoders', status: decoders.status() });
  },
  'register-proto-schema': ({ decoders, emit }, { schemaId, text }) => {
    const done = decoders.registerSchema(schemaId, text);
    emit({ type: 'decoders', status: decoders.status() });
    void done.then((state) => {
      if (state.state === 'failed') {
        const text = `The .proto schema '${schemaId}' could not be read: ${state.reason}`;
        emit({ type: 'log', entry: { time: Date.now(), level: 'warn', text } });
      }
      emit({ type: 'decoders', status: decoders.status() });
    });
  },
  'remove-proto-schema': ({ decoders, emit }, { schemaId }) => {
    decoders.removeSchema(schemaId);
    emit({ type: 'decoders', status: decoders.status() });
  },
};

export function runConnectionCommand(connection: Connection, command: ConnectionCommand): void {
  const handler = handlers[command.type] as (c: Connection, cmd: ConnectionCommand) => void;
  handler(connection, command);
}
