import type { IClientSubscribeOptions, MqttClient } from 'mqtt';
import {
  checkSubscribeOptions,
  DEFAULT_SUBSCRIBE_OPTIONS,
} from '../../../core/subscription-options.ts';
import type { SubscribeOptions } from '../../../core/subscription-options.ts';
import { compileTopicFilter, validateTopicFilter } from '../../../core/topic-filter.ts';
import { describeSubackCode } from '../../../core/mqtt-reasons.ts';
import type { ConnectionEvent, LogLevel, QoS } from '../protocol.ts';

/**
 * The subscriptions the user wants on one connection. They are sent again on every
 * (re)connect, whether or not the broker kept a session, so nothing is silently lost.
 */
export class SubscriptionKeeper {
  private readonly wanted = new Map<string, { qos: QoS; options: SubscribeOptions }>();

  constructor(
    private readonly client: () => MqttClient | null,
    private readonly emit: (event: ConnectionEvent) => void,
    private readonly log: (level: LogLevel, text: string) => void,
  ) {}

  subscribe(filter: string, qos: QoS, options: SubscribeOptions = DEFAULT_SUBSCRIBE_OPTIONS): void {
    const validation = validateTopicFilter(filter);
    const checked = validation.ok ? checkSubscribeOptions(filter, options) : validation;
    if (!checked.ok) {
      return this.emit({ type: 'subscribe-failed', filter, reason: checked.reason });
    }
    this.wanted.set(filter, { qos, options });
    if (this.client()?.connected) this.send(filter, qos, options, false);
  }

  unsubscribe(filter: string): void {
    this.wanted.delete(filter);
    const client = this.client();
    if (client?.connected) client.unsubscribe(filter);
    this.emit({ type: 'unsubscribed', filter });
  }

  /** Whether any wanted subscription covers `topic` (a `$share/group/` prefix is skipped). */
  coverage(): (topic: string) => boolean {
    const matchers = [...this.wanted.keys()].map(compileTopicFilter);
    return (topic) => matchers.some((matches) => matches(topic));
  }

  /** Sends every wanted subscription; `afterReconnect` marks them as restored for the user. */
  restore(afterReconnect: boolean): void {
    if (afterReconnect && this.wanted.size > 0) {
      this.log('info', `Restoring ${this.wanted.size} subscription(s) after the reconnect.`);
    }
    for (const [filter, { qos, options }] of this.wanted)
      this.send(filter, qos, options, afterReconnect);
  }

  private send(filter: string, qos: QoS, options: SubscribeOptions, restored: boolean): void {
    const { noLocal, retainAsPublished, retainHandling, subscriptionId } = options;
    const subscribeOptions: IClientSubscribeOptions = {
      qos,
      nl: noLocal,
      rap: retainAsPublished,
      rh: retainHandling,
      ...(subscriptionId !== null && { properties: { subscriptionIdentifier: subscriptionId } }),
    };
    this.client()?.subscribe(filter, subscribeOptions, (error, granted) => {
      const grantedQos = granted?.[0]?.qos;
      if (error || grantedQos === undefined || grantedQos >= 128) {
        const reason =
          grantedQos !== undefined && grantedQos >= 128
            ? describeSubackCode(grantedQos)
            : `The subscription failed: ${error ? error.message : 'no answer from the broker'}.`;
        this.wanted.delete(filter);
        this.log('warn', `SUBACK for ${filter}: ${reason}`);
        return this.emit({ type: 'subscribe-failed', filter, reason });
      }
      this.log('info', `SUBACK for ${filter}: QoS ${grantedQos} granted (asked for ${qos}).`);
      this.emit({ type: 'subscribed', filter, grantedQos: grantedQos as QoS, restored });
    });
  }
}
