import type { CDPSession, Page } from '@playwright/test';

export interface HeapSample {
  /** V8 heap in use on the page's main thread, MB. */
  mainMb: number;
  /** The same for the MQTT worker; null when the page has no worker (the ceiling). */
  workerMb: number | null;
}

interface CdpReply {
  id?: number;
  result?: { usedSize?: number; profile?: unknown };
}

/**
 * Reads V8 heap usage of a page and of its dedicated worker over CDP. The worker is reached
 * through Target.setAutoAttach in non-flattened mode: Playwright's CDPSession cannot address a
 * child session, but Target.sendMessageToTarget can.
 */
export class HeapMeter {
  private workerSession: string | null = null;
  private nextId = 1;
  private readonly replies = new Map<number, (reply: CdpReply) => void>();

  private constructor(private readonly cdp: CDPSession) {
    cdp.on('Target.attachedToTarget', (event) => {
      if (event.targetInfo.type === 'worker') this.workerSession = event.sessionId;
    });
    cdp.on('Target.detachedFromTarget', (event) => {
      if (event.sessionId === this.workerSession) this.workerSession = null;
    });
    cdp.on('Target.receivedMessageFromTarget', (event) => {
      const reply = JSON.parse(event.message) as CdpReply;
      if (reply.id !== undefined) this.replies.get(reply.id)?.(reply);
    });
  }

  static async attach(page: Page): Promise<HeapMeter> {
    const cdp = await page.context().newCDPSession(page);
    const meter = new HeapMeter(cdp);
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: false,
      flatten: false,
    });
    return meter;
  }

  /** With collectGarbage, measures what is still reachable rather than what awaits collection. */
  async sample(collectGarbage = false): Promise<HeapSample> {
    if (collectGarbage) {
      await this.cdp.send('HeapProfiler.collectGarbage');
      await this.sendToWorker('HeapProfiler.collectGarbage');
    }
    const main = await this.cdp.send('Runtime.getHeapUsage');
    const worker = await this.sendToWorker('Runtime.getHeapUsage');
    const usedSize = worker?.result?.usedSize;
    return {
      mainMb: main.usedSize / 2 ** 20,
      workerMb: usedSize === undefined ? null : usedSize / 2 ** 20,
    };
  }

  /** A CDP command to the page's worker; null when there is none or it did not answer. */
  async sendToWorker(method: string, params: object = {}): Promise<CdpReply | null> {
    const sessionId = this.workerSession;
    if (!sessionId) return null;
    const id = this.nextId++;
    const reply = new Promise<CdpReply | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), 5_000);
      this.replies.set(id, (value) => {
        clearTimeout(timer);
        resolve(value);
      });
    });
    await this.cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    const value = await reply;
    this.replies.delete(id);
    return value;
  }
}
