// `npx tsx bench/frame-churn.ts [rate] [topics]`: which parts of the stream-only page the DOM
// changes in, frame by frame, during a burst. Each frame that changes the DOM pays a layout and a
// paint, so a part that changes in more frames than its pacing allows shows up here at once.
import { withRig } from './rig.ts';
import { openStreamOnly } from './pages.ts';
import { startPublisher } from './publisher-process.ts';

const [rate = 5_000, topics = 10_000] = process.argv.slice(2, 4).map(Number);
const FRAMES = 180;

await withRig(async ({ broker, scope, browser }) => {
  const { page } = await openStreamOnly(browser, scope.webUrl);
  const publisher = startPublisher({
    brokerUrl: broker.tcpUrl,
    prefix: topics === 1 ? 'bench/one' : 'bench/spread',
    topicCount: topics,
    rate,
    count: rate * 5,
    budgetMs: 15_000,
  });
  await page.waitForTimeout(1_500);
  const framesByParts = await page.evaluate(
    (frameCount) =>
      new Promise<Record<string, number>>((resolve) => {
        const counts: Record<string, number> = {};
        let parts = new Set<string>();
        const partOf = (node: Node): string => {
          const element = node instanceof Element ? node : node.parentElement;
          if (element?.closest('.message-canvas')) return 'rows';
          if (element?.closest('.tree')) return 'topic tree';
          if (element?.closest('.recorder-status')) return 'recorder line';
          if (element?.closest('.panel-header')) return 'panel header';
          return `other (${element?.tagName.toLowerCase() ?? '?'}.${element?.className ?? ''})`;
        };
        const observer = new MutationObserver((records) => {
          for (const record of records) parts.add(partOf(record.target));
        });
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          characterData: true,
          attributes: true,
        });
        let frames = 0;
        const onFrame = () => {
          frames += 1;
          const key = [...parts].sort().join(' + ') || '(no change)';
          counts[key] = (counts[key] ?? 0) + 1;
          parts = new Set();
          if (frames < frameCount) requestAnimationFrame(onFrame);
          else {
            observer.disconnect();
            resolve(counts);
          }
        };
        requestAnimationFrame(onFrame);
      }),
    FRAMES,
  );
  console.log(`Frames (of ${FRAMES}) by the parts of the page the DOM changed in:`);
  for (const [parts, frames] of Object.entries(framesByParts).sort((a, b) => b[1] - a[1]))
    console.log(`${String(frames).padStart(5)}  ${parts}`);
  await publisher.done;
});
