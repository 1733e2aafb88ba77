import { describe, expect, it } from 'vitest';
import { DEFAULT_SUBSCRIBE_OPTIONS } from '../../core/subscription-options.ts';
import { CommandJournal } from './command-journal.ts';
import { testConnectSettings } from './engine/test-support.ts';
import type { WorkerCommand } from './protocol.ts';

const settings = testConnectSettings();

const subscribe = (connectionId: string, filter: string): WorkerCommand => ({
  type: 'subscribe',
  connectionId,
  filter,
  qos: 0,
  options: DEFAULT_SUBSCRIBE_OPTIONS,
});

const describeCommand = (command: WorkerCommand) =>
  command.type +
  ('connectionId' in command ? ` ${command.connectionId}` : '') +
  ('filter' in command ? ` ${command.filter}` : '') +
  ('seriesId' in command ? ` ${command.seriesId}` : '');

describe('CommandJournal', () => {
  it('replays what the worker must know, settings first and the connect last', () => {
    const journal = new CommandJournal();
    const commands: WorkerCommand[] = [
      { type: 'page-info', pageProtocol: 'http:' },
      { type: 'pull' },
      { type: 'connect', connectionId: 'a', settings },
      subscribe('a', 'x/#'),
      subscribe('a', 'y/#'),
      { type: 'watch-series', connectionId: 'a', seriesId: 's1', filter: 'x/1', jsonPath: 'v' },
      { type: 'watch-latest', connectionId: 'a', watchId: 'w1', filter: 'x/+', jsonPath: '' },
      { type: 'watch-latest', connectionId: 'a', watchId: 'w2', filter: 'x/2', jsonPath: '' },
      { type: 'unwatch-latest', connectionId: 'a', watchId: 'w2' },
      { type: 'watch-rate', connectionId: 'a', watchId: 'w1', filter: 'x/#' },
      { type: 'watch-rate', connectionId: 'a', watchId: 'r2', filter: 'y/#' },
      { type: 'unwatch-rate', connectionId: 'a', watchId: 'r2' },
      {
        type: 'publish',
        connectionId: 'a',
        id: 1,
        topic: 'x/1',
        payload: '1',
        qos: 1,
        retain: false,
      },
      { type: 'message-detail', connectionId: 'a', id: 3 },
      { type: 'unsubscribe', connectionId: 'a', filter: 'x/#' },
      subscribe('b', 'z/#'),
      { type: 'connect', connectionId: 'b', settings },
      { type: 'disconnect', connectionId: 'b' },
      subscribe('gone', 'q/#'),
      { type: 'close-connection', connectionId: 'gone' },
    ];
    for (const command of commands) journal.record(command);
    expect(journal.replay().map(describeCommand)).toEqual([
      'page-info',
      'subscribe a y/#',
      'watch-series a x/1 s1',
      'watch-latest a x/+',
      'watch-rate a x/#',
      'connect a',
      'subscribe b z/#',
    ]);
    expect(journal.connectionIds()).toEqual(['a', 'b']);
  });

  it('keeps the latest settings, budget and subscription options', () => {
    const journal = new CommandJournal();
    journal.record({ type: 'connect', connectionId: 'a', settings });
    journal.record({
      type: 'connect',
      connectionId: 'a',
      settings: { ...settings, clientId: 'two' },
    });
    journal.record({
      type: 'subscribe',
      connectionId: 'a',
      filter: 'x',
      qos: 0,
      options: DEFAULT_SUBSCRIBE_OPTIONS,
    });
    journal.record({
      type: 'subscribe',
      connectionId: 'a',
      filter: 'x',
      qos: 2,
      options: DEFAULT_SUBSCRIBE_OPTIONS,
    });
    const replayed = journal.replay();
    expect(replayed).toHaveLength(2);
    expect(replayed[0]).toMatchObject({ type: 'subscribe', qos: 2 });
    expect(replayed[1]).toMatchObject({ type: 'connect', settings: { clientId: 'two' } });
  });

  it('replays .proto schemas and decoder rules before the subscriptions and the connect', () => {
    const journal = new CommandJournal();
    journal.record({ type: 'connect', connectionId: 'a', settings });
    journal.record(subscribe('a', 'x/#'));
    journal.record({
      type: 'register-proto-schema',
      connectionId: 'a',
      schemaId: 'p1',
      text: 'v1',
    });
    journal.record({ type: 'register-proto-schema', connectionId: 'a', schemaId: 'p2', text: 'b' });
    journal.record({
      type: 'register-proto-schema',
      connectionId: 'a',
      schemaId: 'p1',
      text: 'v2',
    });
    journal.record({ type: 'remove-proto-schema', connectionId: 'a', schemaId: 'p2' });
    journal.record({ type: 'set-decoder-rules', connectionId: 'a', rules: [] });
    const rules = [{ filter: 'demo/cbor/#', decoder: 'cbor' as const }];
    journal.record({ type: 'set-decoder-rules', connectionId: 'a', rules });
    expect(journal.replay()).toEqual([
      { type: 'register-proto-schema', connectionId: 'a', schemaId: 'p1', text: 'v2' },
      { type: 'set-decoder-rules', connectionId: 'a', rules },
      subscribe('a', 'x/#'),
      { type: 'connect', connectionId: 'a', settings },
    ]);
  });
});
