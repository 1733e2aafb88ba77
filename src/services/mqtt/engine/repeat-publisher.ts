import { compileTemplate } from '../../../core/payload-template.ts';
import type { CompiledTemplate, TemplateContext } from '../../../core/payload-template.ts';
import type { ConnectionEvent, PublishProperties, QoS, RepeatSettings } from '../protocol.ts';

/** Sends one message; false when the connection cannot take it (it is down). */
export type SendOne = (
  topic: string,
  payload: string,
  qos: QoS,
  retain: boolean,
  properties: PublishProperties | undefined,
) => boolean;

/** At most this many messages are sent in one timer turn, catching up after a stall. */
const MAX_BURST = 1_000;
/** Progress goes to the page about this often. */
const PROGRESS_MS = 250;

/**
 * Publishes a template every `intervalMs`, `count` times or until stopped, inside the worker:
 * a hidden tab throttles its page's timers, not this one. Each turn is scheduled against the
 * start time (message k is due at start + k × interval), so timer lateness does not add up:
 * a late turn sends every message that fell due, and the rate holds.
 */
export class RepeatPublisher {
  private readonly template: CompiledTemplate;
  private readonly startedAt: number;
  private sent = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastProgress = 0;
  private finished = false;

  constructor(
    private readonly settings: RepeatSettings,
    private readonly send: SendOne,
    private readonly emit: (event: ConnectionEvent) => void,
    private readonly clock: () => number = () => Date.now(),
  ) {
    const compiled = compileTemplate(settings.template);
    this.startedAt = clock();
    if (!compiled.ok) {
      this.template = { dynamic: false, render: () => '' };
      this.finish('failed', compiled.reason);
      return;
    }
    this.template = compiled.template;
    this.turn();
  }

  get repeatId(): number {
    return this.settings.repeatId;
  }

  get running(): boolean {
    return !this.finished;
  }

  stop(): void {
    if (!this.finished) this.finish('stopped');
  }

  private turn(): void {
    this.timer = null;
    const { intervalMs, count, topic, qos, retain, properties } = this.settings;
    const now = this.clock();
    const due = Math.floor((now - this.startedAt) / intervalMs) + 1;
    const target = Math.min(count ?? Infinity, due, this.sent + MAX_BURST);
    const context: TemplateContext = {
      counter: 0,
      now,
      elapsedMs: 0,
      random: Math.random,
      uuid: () => crypto.randomUUID(),
    };
    while (this.sent < target) {
      context.counter = this.sent + 1;
      // Each message carries the time it was due, so timestamps and sine() keep the cadence.
      context.elapsedMs = this.sent * intervalMs;
      context.now = this.startedAt + context.elapsedMs;
      if (!this.send(topic, this.template.render(context), qos, retain, properties)) {
        return this.finish('failed', 'The connection is down.');
      }
      this.sent += 1;
    }
    if (count !== null && this.sent >= count) return this.finish('done');
    if (now - this.lastProgress >= PROGRESS_MS) this.progress('running', now);
    const next = this.startedAt + this.sent * intervalMs;
    this.timer = setTimeout(() => this.turn(), Math.max(0, next - this.clock()));
  }

  private progress(state: 'running' | 'done' | 'stopped' | 'failed', now: number, reason?: string) {
    this.lastProgress = now;
    const elapsed = Math.max(1, now - this.startedAt);
    this.emit({
      type: 'repeat',
      repeatId: this.settings.repeatId,
      state,
      sent: this.sent,
      total: this.settings.count,
      // Messages over the time they span: n messages take (n - 1) intervals.
      rate: this.sent > 1 ? ((this.sent - 1) * 1_000) / elapsed : 0,
      ...(reason ? { reason } : {}),
    });
  }

  private finish(state: 'done' | 'stopped' | 'failed', reason?: string): void {
    this.finished = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    this.progress(state, this.clock(), reason);
  }
}
