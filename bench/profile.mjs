// Where a first render's time goes: a CPU profile of the widget loading a synthetic feed, in
// headless Debian Chromium (CDP Profiler), with wasm functions named.
//
//   make build && node bench/profile.mjs [N]     N items (default 50), 5 page loads
//
// It makes a copy of dist/ in a temporary folder whose wasm keeps its function names
// (wasm-bindgen --keep-debug on the release build's target/size output, then wasm-opt -Oz -g,
// as in dist/ but with the name section), serves it like the benchmark does, and prints the
// 30 functions with the most self time (mean per load), then the median time of the page's
// resources and marks. Numbers to read, never assertions.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, hostPage, CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const RAW = join(ROOT, 'target/size/wasm32-unknown-unknown/release/iom_news.wasm');
const LOADS = 5;
const count = Number(process.argv[2] ?? 50);
if (!Number.isInteger(count) || count < 1) throw new Error('usage: node bench/profile.mjs [items]');

const dir = mkdtempSync(join(tmpdir(), 'iom-news-profile-'));
try {
  cpSync(join(ROOT, 'dist'), dir, { recursive: true });
  const named = join(dir, 'named');
  const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', named, '--out-name', 'w', RAW]);
  run(join(ROOT, 'node_modules/.bin/wasm-opt'), [
    '-Oz', '-g', '--enable-bulk-memory', '--enable-reference-types', '--enable-nontrapping-float-to-int',
    '--enable-sign-ext', '--enable-mutable-globals', join(named, 'w_bg.wasm'), '-o', join(dir, 'iom-news-widget_bg.wasm'),
  ]);
  cpSync(join(named, 'w.js'), join(dir, 'iom-news-widget.js'));

  const feed = execFileSync('cargo', ['run', '-q', '--release', '-p', 'iom-news-cli', '--', 'synthetic', String(count)], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
  });
  const server = await serve(dir, {
    '/feed.json': ['application/json', feed],
    '/page.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/feed.json" page-size="10"></iom-news>')],
  });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const self = new Map();
  const timelines = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext();
    const tab = await context.newPage();
    const cdp = await context.newCDPSession(tab);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    await tab.goto(`${server.url}/page.html`);
    await tab.waitForFunction(() => performance.getEntriesByName('iom-news:rendered').length > 0, null, { polling: 5 });
    const { profile } = await cdp.send('Profiler.stop');
    const time = new Map();
    profile.samples.forEach((node, k) => time.set(node, (time.get(node) ?? 0) + (profile.timeDeltas[k] ?? 0)));
    for (const node of profile.nodes) {
      const name = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.split('/').pop()}`.trim();
      self.set(name, (self.get(name) ?? 0) + (time.get(node.id) ?? 0) / 1000 / LOADS);
    }
    timelines.push(await tab.evaluate(() => {
      const t = {};
      for (const e of performance.getEntriesByType('resource')) t[`${e.name.split('/').pop()} (download)`] = [e.startTime, e.responseEnd];
      for (const e of performance.getEntriesByType('mark')) t[e.name] = [e.startTime];
      return t;
    }));
    await context.close();
  }
  await browser.close();
  server.close();

  console.log(`Self time per load (ms), ${count} items, mean of ${LOADS} loads:`);
  for (const [name, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) {
    console.log(`${ms.toFixed(1).padStart(8)}  ${name.replace(/\[[0-9a-f]+\]/g, '').slice(0, 140)}`);
  }
  console.log(`\nTimeline (ms from navigation, median of ${LOADS} loads):`);
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  for (const key of Object.keys(timelines[0])) {
    const values = timelines.map((t) => t[key]).filter(Boolean);
    const span = values[0].map((_, j) => median(values.map((v) => v[j])).toFixed(0)).join(' – ');
    console.log(`${span.padStart(12)}  ${key}`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
