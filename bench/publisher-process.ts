import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The ten metrics of the bench's Sparkplug DDATA messages, by name (a chart picks one). */
export const SPARKPLUG_METRICS = Array.from({ length: 10 }, (_, i) => `Line/Sensor ${i}`);

export interface PublishPlan {
  brokerUrl: string;
  /** Topics are `${prefix}/${seq % topicCount}`. */
  prefix: string;
  topicCount: number;
  count: number;
  /** Messages per second; 0 publishes as fast as the socket takes them. */
  rate: number;
  /** Hard stop, even if not every message went out. */
  budgetMs: number;
  /**
   * What each message carries: JSON (`{"v":…,"seq":…,"ts":…}`, the default), or a Sparkplug B
   * DDATA payload with ten named metrics (the topics then have to be Sparkplug device topics).
   */
  payload?: 'json' | 'sparkplug';
}

export interface PublishReport {
  sent: number;
  /** Wall-clock (Date.now) of the first and the last publish call. */
  firstAt: number;
  lastAt: number;
  /** Topic and payload bytes of everything sent: what a recorder must at least hold. */
  rawBytes: number;
}

export interface RunningPublisher {
  done: Promise<PublishReport>;
  stop(): void;
}

/**
 * Runs bench/publisher.ts in its own Node process, so publishing never competes with the
 * driver's event loop (which is busy talking to Chromium).
 */
export function startPublisher(plan: PublishPlan): RunningPublisher {
  const entry = fileURLToPath(new URL('./publisher.ts', import.meta.url));
  const child = fork(entry, [JSON.stringify(plan)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const done = new Promise<PublishReport>((resolve, reject) => {
    child.once('message', (report) => resolve(report as PublishReport));
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the publisher exited with code ${code}`)));
  });
  // Marks the rejection handled for the case where stop() ends a publisher nobody awaits.
  done.catch(() => undefined);
  return {
    done,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}
