// Times parsing a generated feed in headless Chromium: the widget's `iom-news:parse` measure
// (from the feed text to the validated model), on the release build in dist/.
// Usage: node bench/parse.mjs [COUNT]   (after `make build`)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve, browser, hostPage } from '../tests/e2e/helpers.mjs';

const count = Number(process.argv[2] ?? 10000);
const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const feed = execFileSync('cargo', ['run', '-q', '--release', '-p', 'iom-news-cli', '--', 'synthetic', String(count)], {
  maxBuffer: 1 << 30,
});
const server = await serve(DIST, {
  '/bench.json': ['application/json', feed],
  '/bench.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/bench.json"></iom-news>')],
});
const chrome = await browser();
const times = [];
for (let run = 0; run < 7; run++) {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/bench.html`);
  await tab.locator('.iom-news__list').waitFor({ timeout: 60000 });
  times.push(await tab.evaluate(() => performance.getEntriesByName('iom-news:parse')[0].duration));
  await tab.close();
}
await chrome.close();
server.close();
times.sort((a, b) => a - b);
const version = execFileSync('/usr/bin/chromium', ['--version']).toString().trim();
console.log(
  `parse ${count} items (${(feed.length / 1e6).toFixed(1)} MB) in ${version}: median ${times[3].toFixed(1)} ms, ` +
    `min ${times[0].toFixed(1)} ms, max ${times[6].toFixed(1)} ms (7 runs)`,
);
