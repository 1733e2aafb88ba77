import { parseRecording } from '../../../core/recorder/import-format.ts';
import { dueAfterMs, planReplay } from '../../../core/replay/replay-plan.ts';
import type { ReplayMessage, ReplaySpeed } from '../../../core/replay/replay-plan.ts';
import type { ConnectionEvent, ReplayState } from '../protocol.ts';

/**
 * Hands one message to the broker connection and calls `done` once it is on its way (QoS 0) or
 * acknowledged (QoS 1 and 2). False when the connection cannot take it now (it is down).
 */
export type ReplaySend = (message: ReplayMessage, done: () => void) => boolean;

/** Messages handed over and not yet done: beyond this the replay waits (flow control). */
const MAX_IN_FLIGHT = 500;
/** Progress goes to the page about this often. */
const PROGRESS_MS = 200;

/**
 * Replays a saved recording to a broker: its topics, payloads, QoS and retain, in order, at the
 * recorded timing, ten times faster, or as fast as the broker takes them. Each message is
 * scheduled against the start (message k is due at start + offset_k / speed), so timer
 * lateness does not add up; pausing shifts the start by the time paused.
 */
export class RecordingReplay {
  private messages: ReplayMessage[] = [];
  private next = 0;
  private done = 0;
  private inFlight = 0;
  private startedAt = 0;
  private pausedAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastProgress = -Infinity;
  private state: ReplayState['state'] = 'loading';
  private skipped = 0;

  constructor(
    private readonly speed: ReplaySpeed,
    private readonly send: ReplaySend,
    private readonly emit: (event: ConnectionEvent) => void,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Reads the recording, checks all of it, then starts; a file that is not ours sends nothing. */
  async start(file: Blob, topicPrefix: string): Promise<void> {
    this.report(true);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      return this.fail(`The file could not be read: ${errorText(error)}`);
    }
    if (this.state !== 'loading') return; // stopped meanwhile
    const parsed = parseRecording(text);
    if (!parsed.ok) return this.fail(parsed.reason);
    const plan = planReplay(parsed.recording.messages, topicPrefix);
    if (!plan.ok) return this.fail(plan.reason);
    this.messages = plan.messages;
    this.skipped = parsed.recording.skipped;
    this.state = 'running';
    this.startedAt = this.clock();
    this.report(true);
    this.turn();
  }

  pause(): void {
    if (this.state !== 'running') return;
    this.state = 'paused';
    this.pausedAt = this.clock();
    this.clearTimer();
    this.report(true);
  }

  resume(): void {
    if (this.state !== 'paused' || this.pausedAt === null) return;
    this.startedAt += this.clock() - this.pausedAt;
    this.pausedAt = null;
    this.state = 'running';
    this.report(true);
    this.turn();
  }

  stop(): void {
    if (this.state === 'done' || this.state === 'stopped' || this.state === 'failed') return;
    this.state = 'stopped';
    this.clearTimer();
    this.report(true);
  }

  private turn = (): void => {
    this.timer = null;
    if (this.state !== 'running') return;
    const elapsed = this.clock() - this.startedAt;
    while (this.next < this.messages.length && this.inFlight < MAX_IN_FLIGHT) {
      const message = this.messages[this.next] as ReplayMessage;
      if (dueAfterMs(message.offsetMs, this.speed) > elapsed) break;
      this.inFlight += 1;
      const handed = this.send(message, () => this.onDone());
      if (!handed) {
        this.inFlight -= 1;
        return this.fail(
          `The connection went down after ${this.done.toLocaleString('en-US')} messages: connect and replay again.`,
        );
      }
      this.next += 1;
    }
    this.report(false);
    if (this.next >= this.messages.length) {
      if (this.inFlight === 0) this.finish();
      return;
    }
    if (this.inFlight >= MAX_IN_FLIGHT) return; // an acknowledgement schedules the next turn
    const due = dueAfterMs((this.messages[this.next] as ReplayMessage).offsetMs, this.speed);
    this.schedule(Math.max(0, due - (this.clock() - this.startedAt)));
  };

  private onDone(): void {
    this.inFlight -= 1;
    this.done += 1;
    if (this.state !== 'running') return;
    if (this.next >= this.messages.length) {
      if (this.inFlight === 0) this.finish();
    } else if (this.inFlight === MAX_IN_FLIGHT - 1 && this.timer === null) {
      // The window was full: this acknowledgement made room.
      this.schedule(0);
    }
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    this.timer = setTimeout(this.turn, delayMs);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private finish(): void {
    this.state = 'done';
    this.clearTimer();
    this.report(true);
  }

  private fail(reason: string): void {
    this.state = 'failed';
    this.clearTimer();
    this.emit({ type: 'replay', replay: { state: 'failed', reason, sent: this.done } });
  }

  private report(always: boolean): void {
    const now = this.clock();
    if (!always && now - this.lastProgress < PROGRESS_MS) return;
    this.lastProgress = now;
    if (this.state === 'loading') {
      return this.emit({ type: 'replay', replay: { state: 'loading' } });
    }
    if (this.state === 'failed') return;
    this.emit({
      type: 'replay',
      replay: {
        state: this.state,
        sent: this.done,
        total: this.messages.length,
        skipped: this.skipped,
        speed: this.speed,
        elapsedMs: (this.pausedAt ?? now) - this.startedAt,
        spanMs: this.messages.at(-1)?.offsetMs ?? 0,
      },
    });
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
