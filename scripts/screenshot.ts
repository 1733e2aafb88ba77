// Takes the README's screenshot of the real app with live simulator data:
//   npx tsx scripts/screenshot.ts [out.png] [seconds of data]
// Needs a production build (npm run build).
import { chromium } from '@playwright/test';
import playwrightConfig from '../playwright.config.ts';
import { startScope } from '../server/scope-server.ts';

const out = process.argv[2] ?? 'docs/screenshot.png';
const seconds = Number(process.argv[3] ?? 25);

const scope = await startScope({ port: 0, wsPort: 0, tcpPort: 0, seed: 11 });
const browser = await chromium.launch({ ...playwrightConfig.use?.launchOptions, headless: true });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(scope.webUrl);
  await page.waitForTimeout(seconds * 1_000);
  await page.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await scope.close();
}
