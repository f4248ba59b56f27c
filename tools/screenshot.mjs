// Takes a screenshot of a page in headless Debian Chromium, for looking at what we build.
// Usage: node tools/screenshot.mjs URL OUT.png [WIDTH] [--full] [--dark]
import { browser } from '../tests/e2e/helpers.mjs';

const [url, out, width = '1280', ...flags] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node tools/screenshot.mjs URL OUT.png [WIDTH] [--full] [--dark]');
  process.exit(2);
}
const chrome = await browser();
const page = await chrome.context.newPage();
await page.setViewportSize({ width: Number(width), height: 900 });
if (flags.includes('--dark')) await page.emulateMedia({ colorScheme: 'dark' });
page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
await page.goto(url);
await page.waitForSelector('.iom-news__feed, .iom-news__release, .iom-news__error', { timeout: 15000 });
await page.screenshot({ path: out, fullPage: flags.includes('--full') });
await chrome.close();
