// Fast and small: the widget (release build in dist/) against a vanilla-JS floor
// (bench/baseline/), in headless Debian Chromium driven by playwright-core.
//
//   node bench/run.mjs            feeds of 50, 1,000 and 10,000 items from
//                                 `cargo run --release -p iom-news-cli -- synthetic N`; 41 runs
//                                 at 50 items, 7 at the larger sizes; 7 traced loads, 5 slow loads
//   node bench/run.mjs --quick    feeds of 50 and 1,000 items generated in JS (no cargo for the
//                                 feeds); 3 runs at every size, 2 traced loads, 2 slow loads
//   options: --runs N (sizes over 50)  --small-runs N (sizes up to 50)  --sizes 50,1000
//            --js-feeds  --out FILE  --help
//   IOM_NEWS_DIST=DIR measures another build; IOM_NEWS_CLI=BINARY runs a built iom-news CLI
//   instead of `cargo run --release -p iom-news-cli`; CHROMIUM=PATH picks another Chromium.
//
// Times: first render, open a release, back to the list, and one search keystroke ("sample "
// → "sample r": every release matches, so all are scanned, counted and sorted). Then, with the
// 50-item feed: the main thread's long tasks while the page loads (a Chromium trace), the time to
// the first news on screen on a slow network (1.6 Mbps, 150 ms RTT, 4× CPU) for the widget, the
// widget with the CLI's prerendered fallback inside it, and the baseline; and what a
// loading="lazy" widget far below the fold fetches before the reader scrolls.
// Prints the main Markdown table and writes it, with the date, machine, Chromium version, load
// average, the three biggest gaps and those sections, to bench/results.md
// (bench/results-quick.md with --quick). Numbers to read, never assertions;
// the script exits non-zero only when something fails to run (no dist/, a page error, a mark
// that never fires, ...).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serve, watch, hostPage, CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';
import { feedText } from './synthetic.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const DIST = process.env.IOM_NEWS_DIST ?? join(ROOT, 'dist'); // another build to measure
const BASELINE = join(ROOT, 'bench', 'baseline');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const TIMEOUT = 60_000; // for a page to load and emit iom-news:rendered
const ACTION_TIMEOUT = 30_000; // for one open or back
const PAGE_SIZE = 10;
// The search keystroke: with the box holding SEARCH_FROM (a search in progress), one more
// character makes SEARCH_TO. Words of the synthetic feed: "sample" is in every release
// ("Sample release N", "Sample City N"), and the "r" re-highlights every title and summary.
const SEARCH_FROM = 'sample ';
const SEARCH_TO = 'sample r';
const WIDGET_FILES = ['iom-news.js', 'iom-news-widget.js', 'iom-news-widget_bg.wasm', 'iom-news.css'];
const VIEWPORT = { width: 1280, height: 900 };
// Sizes up to SMALL_SIZE get --small-runs runs: their times are short, so noise weighs more in
// the ratio and a median needs more runs to settle.
const SMALL_SIZE = 50;
// The long-task, slow-network and lazy-loading sections load the feed of this size.
const SECTION_SIZE = 50;
// Long tasks: the trace runs from navigation to this long after `iom-news:rendered`, so that
// work the first render leaves to later tasks is counted too.
const SETTLE_MS = 1000;
const LONG_TASK_MS = 50; // a long task, as the Long Tasks API and total blocking time count it
// blink.user_timing puts navigationStart and the iom-news marks in the trace, on its clock.
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
// The slow profile (CDP, on the page's session before it navigates): a 1.6 Mbps, 150 ms round
// trip connection (throughputs in bytes per second) and a CPU four times slower.
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 };
const SLOW_CPU = 4;
// Lazy loading: the widget stands below a block this tall (4+ viewports of 900 px), and the page
// is left this long after its load event before anything is counted.
const LAZY_GAP_PX = 4000;
const LAZY_WAIT_MS = 1500;

// --- Options -----------------------------------------------------------------------------

function options(argv) {
  const o = { quick: false, runs: null, smallRuns: null, sizes: null, jsFeeds: false, out: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--quick') o.quick = true;
    else if (arg === '--runs') o.runs = Number(value());
    else if (arg === '--small-runs') o.smallRuns = Number(value());
    else if (arg === '--sizes') o.sizes = value().split(',').map(Number);
    else if (arg === '--js-feeds') o.jsFeeds = true;
    else if (arg === '--out') o.out = value();
    else if (arg === '--help' || arg === '-h') {
      const lines = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n');
      console.log(lines.slice(0, lines.findIndex((l) => !l.startsWith('//'))).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  o.runs ??= o.quick ? 3 : 7;
  o.smallRuns ??= o.quick ? 3 : 41;
  o.traceLoads = o.quick ? 2 : 7; // per renderer, for the long tasks
  o.slowLoads = o.quick ? 2 : 5; // per page, on the slow profile
  o.lazyLoads = 2; // per page (eager, lazy): bytes fetched are the same every time
  o.sizes ??= o.quick ? [50, 1000] : [50, 1000, 10000];
  o.jsFeeds ||= o.quick;
  o.out ??= join(ROOT, 'bench', o.quick ? 'results-quick.md' : 'results.md');
  if (!Number.isInteger(o.runs) || o.runs < 1) throw new Error('--runs must be a positive integer');
  if (!Number.isInteger(o.smallRuns) || o.smallRuns < 1) throw new Error('--small-runs must be a positive integer');
  if (!o.sizes.length || o.sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--sizes must be positive integers');
  return o;
}

// --- Helpers -----------------------------------------------------------------------------

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const num = (n, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const bytes = (n) => (n == null ? 'n/a' : `${num(n)} B`);
const ms = (xs) => {
  if (!xs?.length) return 'n/a';
  const digits = median(xs) < 10 ? 2 : 1;
  return `${num(median(xs), digits)} ms (${num(Math.min(...xs), digits)}–${num(Math.max(...xs), digits)})`;
};
const ratio = (a, b) => (a == null || b == null || b === 0 ? 'n/a' : `×${num(a / b, a / b < 10 ? 2 : 1)}`);
const label = (n) => `${num(n)} items`;
/** Counts as "median (min–max)". */
const counts = (xs) => (xs.length ? `${num(median(xs), Number.isInteger(median(xs)) ? 0 : 1)} (${num(Math.min(...xs))}–${num(Math.max(...xs))})` : 'n/a');

function compressed(buffer) {
  return {
    raw: buffer.length,
    gzip: gzipSync(buffer, { level: 9 }).length,
    brotli: brotliCompressSync(buffer, {
      params: {
        [zlib.BROTLI_PARAM_QUALITY]: 11,
        [zlib.BROTLI_PARAM_SIZE_HINT]: buffer.length,
      },
    }).length,
  };
}

function sum(files) {
  return files.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }), { raw: 0, gzip: 0, brotli: 0 });
}

function commandOutput(command, args) {
  try {
    // Debian's chromium wrapper prints a harmless shell warning on stderr: ignore stderr.
    return execFileSync(command, args, { stdio: ['ignore', 'pipe', 'ignore'], timeout: 30_000 }).toString().trim();
  } catch {
    return null;
  }
}

/** Runs the project's CLI (IOM_NEWS_CLI, or cargo run --release) and returns its stdout. */
function cli(args) {
  const [command, before] = process.env.IOM_NEWS_CLI
    ? [process.env.IOM_NEWS_CLI, []]
    : ['cargo', ['run', '-q', '--release', '-p', 'iom-news-cli', '--']];
  return execFileSync(command, [...before, ...args], {
    cwd: ROOT,
    maxBuffer: 1 << 30,
    timeout: 30 * 60_000,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

function feedFor(count, jsFeeds) {
  if (jsFeeds) return Buffer.from(feedText(count));
  try {
    return cli(['synthetic', String(count)]);
  } catch (error) {
    throw new Error(`could not generate the ${count}-item feed with the CLI (${error.message}); --js-feeds uses the JS generator instead`);
  }
}

/**
 * The list `iom-news build` prerenders from `feed` (its fallback.html: the widget's first page as
 * plain HTML, for the inside of <iom-news>), or why it could not be had.
 */
function fallbackFor(feed) {
  const dir = mkdtempSync(join(os.tmpdir(), 'iom-news-bench-'));
  try {
    writeFileSync(join(dir, 'feed.json'), feed);
    cli(['build', join(dir, 'feed.json'), '--out', join(dir, 'site'), '--dist', DIST, '-q']);
    return { html: readFileSync(join(dir, 'site', 'fallback.html'), 'utf8') };
  } catch (error) {
    return { error: error.message.split('\n')[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A page with the loader in <head> (the recommended embed: the widget's space is kept from the first paint). */
function headPage(body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>iom-news test page</title><link rel="icon" href="data:,">
<script src="/iom-news.js"></script></head>
<body>
<main>
<h1>iom-news test page</h1>
${body}
</main>
</body>
</html>`;
}

/** Headless Chromium with the e2e tests' flags, plus gc() and precise memory figures. */
async function launch() {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (make chromium installs Debian's; CHROMIUM=... picks another)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: TIMEOUT,
    args: [
      ...CHROMIUM_ARGS,
      '--js-flags=--expose-gc',
      '--enable-precise-memory-info',
      // performance.measureUserAgentSpecificMemory() answers at once instead of after the next GC.
      '--enable-blink-features=ForceEagerMeasureMemory',
    ],
  });
}

// --- In-page functions (run by page.evaluate) --------------------------------------------

/**
 * Init script (page.addInitScript, on every page): says on the console when the renderer sets
 * its iom-news:rendered mark (the first list is in the DOM) and when the page first paints
 * content, so that the harness waits for them without running anything in the page while it
 * loads: playwright's first evaluate injects a script of its own (itself a 50–100 ms task), and
 * polling adds main-thread work to what is measured.
 */
function announce() {
  const say = (what) => console.debug(`iom-news-bench:${what}`);
  const watch = (type, name, what) => {
    new PerformanceObserver((list, observer) => {
      if (list.getEntries().some((entry) => entry.name === name)) {
        observer.disconnect();
        say(what);
      }
    }).observe({ type, buffered: true });
  };
  watch('mark', 'iom-news:rendered', 'rendered');
  watch('paint', 'first-contentful-paint', 'fcp');
}

/**
 * Init script (page.addInitScript): checks on every animation frame whether a release headline
 * is on screen, and records the first such frame's performance.now() in
 * window.__iomNewsOnScreen = { at, what }. A headline is a card link in the widget's or the
 * baseline's shadow root (what: 'card'), or the first link of the page's own content inside
 * <iom-news> (what: 'fallback': the prerendered list, which the widget shows through a slot while
 * it loads). On screen means hit-tested at the middle of its first line: inside the viewport,
 * displayed and not clipped (the widget's mount is 0 px high while it loads, so cards there do
 * not count until it is shown).
 */
function watchNews() {
  const onScreen = (link, root) => {
    const box = link?.getClientRects()[0];
    if (!box) return false;
    const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
    if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) return false;
    const hit = root.elementFromPoint(x, y);
    return !!hit && link.contains(hit);
  };
  const seen = () => {
    for (const host of document.querySelectorAll('iom-news, #baseline')) {
      const root = host.shadowRoot;
      if (root && onScreen(root.querySelector('.iom-news__card-link'), root)) return 'card';
      if (onScreen(host.querySelector('a[href]'), document)) return 'fallback';
    }
    return null;
  };
  const frame = () => {
    const what = seen();
    if (what) {
      window.__iomNewsOnScreen = { at: performance.now(), what };
      console.debug('iom-news-bench:news');
    } else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** The shadow root of the widget or of the baseline. */
function shadow() {
  const host = document.querySelector('iom-news') ?? document.getElementById('baseline');
  return host?.shadowRoot ?? null;
}

/** Clicks `click` (element.click()) and resolves with the ms until `until` is in the shadow DOM. */
function clickAndWait([click, until, timeout]) {
  const host = document.querySelector('iom-news') ?? document.getElementById('baseline');
  const root = host.shadowRoot;
  const target = root.querySelector(click);
  if (!target) throw new Error(`nothing to click: ${click}`);
  if (root.querySelector(until)) throw new Error(`${until} is there before the click`);
  return new Promise((resolve, reject) => {
    let done = false;
    let start = 0;
    const check = () => {
      if (done || !root.querySelector(until)) return;
      const elapsed = performance.now() - start;
      done = true;
      observer.disconnect();
      resolve(elapsed);
    };
    const observer = new MutationObserver(check);
    observer.observe(root, { childList: true, subtree: true });
    setTimeout(() => {
      if (done) return;
      done = true;
      observer.disconnect();
      reject(new Error(`${until} did not appear within ${timeout} ms of clicking ${click}`));
    }, timeout);
    start = performance.now();
    target.click();
    check();
  });
}

/** Resolves after two animation frames and a short idle, so effects and focus have settled. */
function settle() {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 100))));
}

/** A canonical form of the shadow root's rendered content, to compare the two renderers. */
function canonicalMarkup() {
  const host = document.querySelector('iom-news') ?? document.getElementById('baseline');
  const top = host.shadowRoot.querySelector('.iom-news');
  if (!top) return null;
  const clone = top.cloneNode(true);
  clone.normalize();
  const out = [];
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      out.push(node.nodeValue.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
    } else if (node.nodeType === Node.ELEMENT_NODE) {
      const attrs = [...node.attributes].map((a) => `${a.name}="${a.value}"`).sort();
      out.push(`<${node.localName}${attrs.map((a) => ' ' + a).join('')}>`);
      node.childNodes.forEach(walk);
      out.push(`</${node.localName}>`);
    }
  };
  walk(clone);
  return out.join('');
}

/** JS heap after gc(), the widget's wasm memory, and the browser's own measurement. */
async function memory() {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  const out = {
    gc: typeof globalThis.gc === 'function',
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: null,
    wasmNote: null,
    uasm: null,
    uasmNote: null,
  };
  if (document.querySelector('iom-news')) {
    try {
      // The same module instance the loader started (same URL); init returns its exports.
      const glue = await import(new URL('/iom-news-widget.js', location.href).href);
      const exports = await glue.default();
      out.wasm = exports.memory.buffer.byteLength;
    } catch (error) {
      out.wasmNote = String(error);
    }
  } else {
    out.wasm = 0;
  }
  if (typeof performance.measureUserAgentSpecificMemory !== 'function') {
    out.uasmNote = 'performance.measureUserAgentSpecificMemory is not available';
  } else if (!self.crossOriginIsolated) {
    out.uasmNote = 'the page is not cross-origin isolated';
  } else {
    try {
      const result = await performance.measureUserAgentSpecificMemory();
      out.uasm = result.bytes;
    } catch (error) {
      out.uasmNote = String(error);
    }
  }
  return out;
}

// --- One page load -----------------------------------------------------------------------

/**
 * Runs `fn({ context, page, fail, check })` on a new page in a fresh browser context (cold HTTP
 * cache), then closes the context. `fail(what)` makes an error naming the page, followed by the
 * page's errors; `check()` throws one if the page has had any (console errors, exceptions,
 * failed requests): a page error fails the run.
 */
async function withPage(browser, name, fn) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(TIMEOUT);
    const problems = watch(page);
    const fail = (what) => new Error(`${name}: ${what}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
    const check = () => {
      if (problems.length) throw fail('errors in the page');
    };
    await page.addInitScript(announce);
    const heard = new Set();
    const waiting = new Set();
    page.on('console', (message) => {
      const text = message.text();
      if (!text.startsWith('iom-news-bench:')) return;
      heard.add(text.slice('iom-news-bench:'.length));
      for (const wake of waiting) wake();
    });
    /** Resolves once the page has said `what` (see announce and watchNews); else fails with `why`. */
    const until = (what, why) => new Promise((resolve, reject) => {
      const wake = () => {
        if (!heard.has(what)) return;
        waiting.delete(wake);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiting.delete(wake);
        reject(fail(`${why} within ${TIMEOUT / 1000} s`));
      }, TIMEOUT);
      waiting.add(wake);
      wake();
    });
    return await fn({ context, page, fail, check, until });
  } finally {
    await context.close().catch(() => {});
  }
}

/**
 * Loads `url` in a fresh browser context (cold HTTP cache), waits for iom-news:rendered,
 * checks the list, then times opening the first release and going back. With `memoryOnly`,
 * measures memory instead.
 */
async function measure(browser, url, { name, count, markup = false, memoryOnly = false }) {
  return withPage(browser, `${name}, ${label(count)}`, async ({ context, page, fail, check, until }) => {
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
    await until('rendered', 'the iom-news:rendered mark did not fire');
    const marks = await page.evaluate(() => ({
      rendered: performance.getEntriesByName('iom-news:rendered')[0].startTime,
      parse: performance.getEntriesByName('iom-news:parse')[0]?.duration ?? null,
      items: (() => {
        const host = document.querySelector('iom-news') ?? document.getElementById('baseline');
        return host.shadowRoot.querySelectorAll('.iom-news__list > .iom-news__item').length;
      })(),
      search: !!(() => {
        const host = document.querySelector('iom-news') ?? document.getElementById('baseline');
        return host.shadowRoot.querySelector('.iom-news input[type="search"], .iom-news__search input, input.iom-news__search');
      })(),
    }));
    const expected = Math.min(PAGE_SIZE, count);
    if (marks.items !== expected) throw fail(`the list shows ${marks.items} releases, not ${expected}`);
    check();
    const result = { rendered: marks.rendered, parse: marks.parse, hasSearch: marks.search };
    await page.evaluate(settle);

    if (memoryOnly) {
      Object.assign(result, await page.evaluate(memory));
      const cdp = await context.newCDPSession(page);
      result.nodes = (await cdp.send('Memory.getDOMCounters')).nodes;
      await cdp.detach();
      return result;
    }
    if (markup) result.listMarkup = await page.evaluate(canonicalMarkup);
    result.open = await page.evaluate(clickAndWait, ['.iom-news__card-link', '.iom-news__release-title', ACTION_TIMEOUT]);
    await page.evaluate(settle);
    if (markup) result.releaseMarkup = await page.evaluate(canonicalMarkup);
    result.back = await page.evaluate(clickAndWait, ['.iom-news__back', '.iom-news__list', ACTION_TIMEOUT]);
    await page.evaluate(settle);
    if (marks.search) {
      // A search in progress, then the one keystroke that is timed.
      await page.evaluate(typeAndWait, [SEARCH_FROM, ACTION_TIMEOUT]);
      await page.evaluate(settle);
      const typed = await page.evaluate(typeAndWait, [SEARCH_TO, ACTION_TIMEOUT]);
      result.search = typed.elapsed;
      result.query = typed.query;
      await page.evaluate(settle);
      if (markup) result.searchMarkup = await page.evaluate(canonicalMarkup);
    }
    check();
    return result;
  });
}

/**
 * Sets the search box to `value` (focused, as if typed) and dispatches one `input` event;
 * resolves with the ms from just before the dispatch until the list shows that search: the
 * count says something and the first card's title has exactly the <mark>s the search words
 * give (worked out here from the title's text), checked on every DOM mutation. Also returns
 * the duration of the last `iom-news:query` measure.
 */
function typeAndWait([value, timeout]) {
  const host = document.querySelector('iom-news') ?? document.getElementById('baseline');
  const root = host.shadowRoot;
  const input = root.querySelector('.iom-news input[type="search"]');
  if (!input) throw new Error('no search box');
  const words = value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/\s+/).filter(Boolean);
  const shows = () => {
    const link = root.querySelector('.iom-news__list .iom-news__card-link');
    const count = root.querySelector('.iom-news__count');
    if (!link || !count?.textContent.trim()) return false;
    const text = link.textContent;
    const folded = text.toLowerCase(); // the synthetic feed's titles are ASCII
    const marked = Array.from(text, () => false);
    for (const word of words) {
      for (let at = folded.indexOf(word); at >= 0; at = folded.indexOf(word, at + word.length)) {
        for (let k = at; k < at + word.length; k++) marked[k] = true;
      }
    }
    let expected = '';
    for (let k = 0; k < text.length; k++) {
      if (marked[k] && !marked[k - 1]) expected += '[';
      expected += text[k];
      if (marked[k] && !marked[k + 1]) expected += ']';
    }
    const actual = [...link.childNodes]
      .map((n) => (n.nodeType === Node.ELEMENT_NODE && n.localName === 'mark' ? `[${n.textContent}]` : n.textContent))
      .join('');
    return actual === expected;
  };
  if (document.activeElement !== host || root.activeElement !== input) input.focus();
  return new Promise((resolve, reject) => {
    let done = false;
    let start = 0;
    const finish = () => {
      if (done || !shows()) return;
      const elapsed = performance.now() - start;
      done = true;
      observer.disconnect();
      const query = performance.getEntriesByName('iom-news:query', 'measure').at(-1);
      resolve({ elapsed, query: query ? query.duration : null });
    };
    const observer = new MutationObserver(finish);
    observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true });
    setTimeout(() => {
      if (done) return;
      done = true;
      observer.disconnect();
      reject(new Error(`the list did not show the search "${value}" within ${timeout} ms`));
    }, timeout);
    input.value = value;
    start = performance.now();
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    finish();
  });
}

/** The first difference between two canonical markups, for the notes. */
function firstDifference(a, b) {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const from = Math.max(0, i - 60);
  return `widget \`…${a.slice(from, i + 60)}…\` vs baseline \`…${b.slice(from, i + 60)}…\``;
}

// --- Long tasks, slow network, lazy loading -----------------------------------------------

/**
 * Loads `url` traced (fresh context, no throttling) and returns the renderer main thread's
 * top-level tasks from navigation start to SETTLE_MS after iom-news:rendered: their number, the
 * longest, the total blocking time and how many are over LONG_TASK_MS (times in ms).
 */
async function longTasks(browser, url, name) {
  return withPage(browser, name, async ({ page, fail, check, until }) => {
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    try {
      await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
      await until('rendered', 'the iom-news:rendered mark did not fire');
      // The margin keeps the whole window in the trace.
      await page.waitForTimeout(SETTLE_MS + 200);
    } catch (error) {
      await browser.stopTracing().catch(() => {});
      throw error;
    }
    const trace = JSON.parse((await browser.stopTracing()).toString());
    check();
    return mainThreadTasks(trace.traceEvents ?? trace, fail);
  });
}

/** The tasks of the renderer main thread that set iom-news:rendered, in the window (see longTasks). */
function mainThreadTasks(events, fail) {
  const mark = events.find((e) => e.name === 'iom-news:rendered' && e.cat?.includes('blink.user_timing'));
  if (!mark) throw fail('the trace has no iom-news:rendered mark');
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === mark.pid && e.args?.name === 'CrRendererMain');
  // The page's navigation (the tab's initial empty document has one too, without a URL).
  const starts = events.filter((e) => e.name === 'navigationStart' && e.pid === mark.pid && e.args?.data?.documentLoaderURL && e.ts <= mark.ts);
  if (!main || !starts.length) throw fail('the trace has no renderer main thread or no navigation start');
  const from = Math.max(...starts.map((e) => e.ts));
  const to = mark.ts + SETTLE_MS * 1000; // trace times are in µs
  const tasks = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid && e.ts >= from && e.ts <= to)
    .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  // Top-level tasks only: one that runs inside another (a nested run loop) is part of it.
  const durations = [];
  let end = -Infinity;
  for (const task of tasks) {
    if (task.ts < end) continue;
    durations.push(task.dur / 1000);
    end = task.ts + task.dur;
  }
  return {
    tasks: durations.length,
    longest: Math.max(0, ...durations),
    blocking: durations.reduce((total, d) => total + Math.max(0, d - LONG_TASK_MS), 0),
    over: durations.filter((d) => d > LONG_TASK_MS).length,
  };
}

/**
 * Loads `url` on the slow profile, in a fresh context (cold cache), and returns in ms from
 * navigation start: `news`, the first frame with a headline on screen (`what` says whose, see
 * watchNews), `rendered` (iom-news:rendered) and `fcp` (the page's first contentful paint).
 */
async function slowLoad(browser, url, name) {
  return withPage(browser, name, async ({ context, page, fail, check, until }) => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_CPU });
    await page.addInitScript(watchNews);
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT });
    await until('news', 'no news came on screen');
    await until('rendered', 'the iom-news:rendered mark did not fire');
    await until('fcp', 'the page did not paint');
    const result = await page.evaluate(() => ({
      news: window.__iomNewsOnScreen.at,
      what: window.__iomNewsOnScreen.what,
      rendered: performance.getEntriesByName('iom-news:rendered')[0].startTime,
      fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime,
    }));
    check();
    return result;
  });
}

/**
 * Loads `url` (a widget LAZY_GAP_PX down the page), waits for the load event and LAZY_WAIT_MS
 * more without scrolling, and returns the paths the server was asked for meanwhile (the page
 * itself left out); then scrolls the widget into view and returns the ms from the scroll until
 * its news is on screen.
 */
async function lazyLoad(browser, server, url, name) {
  return withPage(browser, name, async ({ page, fail, check, until }) => {
    for (const path of Object.keys(server.hits)) delete server.hits[path];
    await page.addInitScript(watchNews);
    await page.goto(url, { waitUntil: 'load', timeout: TIMEOUT });
    await page.waitForTimeout(LAZY_WAIT_MS);
    const own = new URL(url).pathname;
    const fetched = Object.keys(server.hits).filter((path) => path !== own); // in request order
    if (await page.evaluate(() => window.__iomNewsOnScreen)) throw fail('the news was on screen before the scroll');
    const scrolled = await page.evaluate(() => {
      const at = performance.now();
      document.querySelector('iom-news').scrollIntoView(); // instant: no smooth scrolling here
      return at;
    });
    await until('news', 'the news did not come on screen after the scroll');
    const news = await page.evaluate(() => window.__iomNewsOnScreen.at);
    check();
    return { fetched, afterScroll: news - scrolled };
  });
}

/** A Markdown table: the first row is the header, the first column left-aligned, the rest right. */
function markdownTable(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r) => `| ${r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w, c) => (c === 0 ? ':' : '') + '-'.repeat(w + 1) + (c === 0 ? '' : ':')).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}

// --- Main --------------------------------------------------------------------------------

async function main() {
  const o = options(process.argv.slice(2));
  const runsFor = (n) => (n <= SMALL_SIZE ? o.smallRuns : o.runs);
  const missing = WIDGET_FILES.filter((f) => !existsSync(join(DIST, f)));
  if (missing.length) throw new Error(`dist/ is missing ${missing.join(', ')}: run \`make dist\` first`);
  for (const f of ['index.html', 'baseline.js']) {
    if (!existsSync(join(BASELINE, f))) throw new Error(`bench/baseline/${f} is missing`);
  }

  // Shipped bytes.
  const css = readFileSync(join(DIST, 'iom-news.css'));
  const widgetFiles = WIDGET_FILES.map((f) => ({ name: f, ...compressed(readFileSync(join(DIST, f))) }));
  const baselineHtml = readFileSync(join(BASELINE, 'index.html'));
  const baselineJs = readFileSync(join(BASELINE, 'baseline.js'));
  const baselineFiles = [
    { name: 'index.html', ...compressed(baselineHtml) },
    { name: 'baseline.js', ...compressed(baselineJs) },
    { name: 'iom-news.css (the widget\'s)', ...compressed(css) },
  ];
  const widgetBytes = sum(widgetFiles);
  const baselineBytes = sum(baselineFiles);

  // Feeds and pages (the sections after the table use the SECTION_SIZE feed, in --sizes or not).
  const feedSizes = [...new Set([...o.sizes, SECTION_SIZE])];
  console.error(`generating feeds of ${feedSizes.map((n) => num(n)).join(', ')} items (${o.jsFeeds ? 'JS generator' : 'the CLI'})`);
  const feeds = new Map(feedSizes.map((n) => [n, feedFor(n, o.jsFeeds)]));
  console.error(`prerendering the ${label(SECTION_SIZE)} fallback with the CLI (iom-news build)`);
  const fallback = fallbackFor(feeds.get(SECTION_SIZE));
  if (fallback.error) console.error(`no fallback (${fallback.error}): the slow-network section leaves out page (b)`);
  const isolated = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };
  const routes = {
    '/baseline/index.html': ['text/html; charset=utf-8', baselineHtml],
    '/baseline/isolated.html': ['text/html; charset=utf-8', baselineHtml],
    '/baseline/baseline.js': ['text/javascript; charset=utf-8', baselineJs],
    '/baseline/iom-news.css': ['text/css; charset=utf-8', css],
  };
  const headers = { '/baseline/isolated.html': isolated };
  for (const [n, feed] of feeds) {
    const page = hostPage(`<iom-news feed="/bench-${n}.json" page-size="${PAGE_SIZE}"></iom-news>`);
    routes[`/bench-${n}.json`] = ['application/json', feed];
    routes[`/bench-widget-${n}.html`] = ['text/html; charset=utf-8', page];
    routes[`/bench-widget-${n}-isolated.html`] = ['text/html; charset=utf-8', page];
    headers[`/bench-widget-${n}-isolated.html`] = isolated;
  }
  // The slow-network pages (the recommended embed: loader in <head>), with and without the
  // prerendered list inside <iom-news>, and the lazy-loading pages (the widget far below the fold).
  const sectionFeed = `/bench-${SECTION_SIZE}.json`;
  const sectionPages = {
    alone: `/bench-head-${SECTION_SIZE}.html`,
    fallback: `/bench-fallback-${SECTION_SIZE}.html`,
    eager: `/bench-eager-${SECTION_SIZE}.html`,
    lazy: `/bench-lazy-${SECTION_SIZE}.html`,
  };
  const far = `<div style="height:${LAZY_GAP_PX}px">The page's own content</div>`;
  for (const [key, body] of [
    ['alone', `<iom-news feed="${sectionFeed}"></iom-news>`],
    ['fallback', fallback.html && `<iom-news feed="${sectionFeed}">${fallback.html}</iom-news>`],
    ['eager', `${far}\n<iom-news feed="${sectionFeed}" loading="eager"></iom-news>`],
    ['lazy', `${far}\n<iom-news feed="${sectionFeed}" loading="lazy"></iom-news>`],
  ]) {
    if (body) routes[sectionPages[key]] = ['text/html; charset=utf-8', headPage(body)];
  }
  const server = await serve(DIST, routes, headers);
  // The slow network's own server compresses, as a web host does: what crosses a slow link is
  // the gzip size.
  const slowServer = await serve(DIST, routes, headers, { compress: true });
  const urls = (n, isolatedPage = false) => ({
    widget: `${server.url}/bench-widget-${n}${isolatedPage ? '-isolated' : ''}.html`,
    baseline: `${server.url}/baseline/${isolatedPage ? 'isolated' : 'index'}.html?feed=/bench-${n}.json&page-size=${PAGE_SIZE}`,
  });

  let browser = null;
  const stop = async () => {
    await browser?.close().catch(() => {});
    server.close();
    slowServer.close();
  };
  process.once('SIGINT', () => stop().then(() => process.exit(130)));
  const samples = {}; // samples[impl][n] = [results]
  const notes = [];
  let memorySamples = null;
  const hasSearch = { widget: false, baseline: false };
  const loadStart = os.loadavg();
  try {
    browser = await launch();
    const version = browser.version();
    // Warm-up (not measured): the OS file cache, the server, Chromium's first process.
    const small = o.sizes[0];
    await measure(browser, urls(small).widget, { name: 'widget (warm-up)', count: small });
    await measure(browser, urls(small).baseline, { name: 'baseline (warm-up)', count: small });

    const rounds = Math.max(...o.sizes.map(runsFor));
    for (let run = 0; run < rounds; run++) {
      for (const n of o.sizes) {
        if (run >= runsFor(n)) continue;
        // Alternate which goes first, so drifting machine noise cancels in the ratio.
        const order = run % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
        for (const impl of order) {
          const result = await measure(browser, urls(n)[impl], { name: impl, count: n, markup: run === 0 });
          ((samples[impl] ??= {})[n] ??= []).push(result);
          hasSearch[impl] ||= result.hasSearch;
        }
        process.stderr.write(
          `run ${run + 1}/${runsFor(n)}, ${label(n)}: rendered widget ${samples.widget[n].at(-1).rendered.toFixed(1)} ms, ` +
            `baseline ${samples.baseline[n].at(-1).rendered.toFixed(1)} ms\n`,
        );
      }
    }

    // Memory after loading the largest feed, on cross-origin-isolated copies of the pages.
    const largest = Math.max(...o.sizes);
    memorySamples = { widget: [], baseline: [] };
    for (let run = 0; run < Math.min(o.runs, 3); run++) {
      const order = run % 2 ? ['baseline', 'widget'] : ['widget', 'baseline'];
      for (const impl of order) {
        memorySamples[impl].push(await measure(browser, urls(largest, true)[impl], { name: `${impl} (memory)`, count: largest, memoryOnly: true }));
      }
    }
    process.stderr.write(`memory measured after loading ${label(largest)}\n`);

    // Long tasks while the SECTION_SIZE pages of the table load, traced, renderers alternated.
    const traced = { widget: [], baseline: [] };
    for (let run = 0; run < o.traceLoads; run++) {
      for (const impl of run % 2 ? ['baseline', 'widget'] : ['widget', 'baseline']) {
        traced[impl].push(await longTasks(browser, urls(SECTION_SIZE)[impl], `${impl} (traced), ${label(SECTION_SIZE)}`));
      }
      process.stderr.write(`traced load ${run + 1}/${o.traceLoads}: longest task widget ${traced.widget.at(-1).longest.toFixed(1)} ms, baseline ${traced.baseline.at(-1).longest.toFixed(1)} ms\n`);
    }

    // The slow profile, the three pages in a rotating order.
    const slowPages = [
      ['alone', `${slowServer.url}${sectionPages.alone}`],
      ...(fallback.html ? [['fallback', `${slowServer.url}${sectionPages.fallback}`]] : []),
      ['baseline', urls(SECTION_SIZE).baseline.replace(server.url, slowServer.url)],
    ];
    const slow = Object.fromEntries(slowPages.map(([key]) => [key, []]));
    for (let run = 0; run < o.slowLoads; run++) {
      const order = slowPages.map((_, i) => slowPages[(i + run) % slowPages.length]);
      for (const [key, url] of order) slow[key].push(await slowLoad(browser, url, `${key} (slow profile), ${label(SECTION_SIZE)}`));
      process.stderr.write(`slow load ${run + 1}/${o.slowLoads}: news on screen ${slowPages.map(([key]) => `${key} ${slow[key].at(-1).news.toFixed(0)} ms`).join(', ')}\n`);
    }

    // Lazy loading: eager and lazy alternated.
    const lazy = { eager: [], lazy: [] };
    for (let run = 0; run < o.lazyLoads; run++) {
      for (const key of run % 2 ? ['lazy', 'eager'] : ['eager', 'lazy']) {
        lazy[key].push(await lazyLoad(browser, server, `${server.url}${sectionPages[key]}`, `loading=${key}, ${label(SECTION_SIZE)}`));
      }
    }
    process.stderr.write(`lazy loading: before the scroll, eager fetched ${lazy.eager[0].fetched.length} files, lazy ${lazy.lazy[0].fetched.length}\n`);

    // Markup check: the baseline should build the same DOM as the widget.
    for (const n of o.sizes) {
      const [w, b] = [samples.widget[n][0], samples.baseline[n][0]];
      for (const [what, key] of [
        ['list (with the search bar)', 'listMarkup'],
        ['release view', 'releaseMarkup'],
        [`search results for "${SEARCH_TO}" (with the search bar)`, 'searchMarkup'],
      ]) {
        if (w[key] == null && b[key] == null) continue;
        if (w[key] === b[key]) notes.push(`Markup check, ${label(n)}, ${what}: the baseline builds the same DOM as the widget.`);
        else notes.push(`Markup check, ${label(n)}, ${what}: **differs**, first difference: ${firstDifference(w[key] ?? '', b[key] ?? '')}`);
      }
    }

    // The table.
    const rows = [['metric', 'widget', 'baseline', 'widget / baseline']];
    const facts = []; // the medians behind the rows, for the findings
    const msValue = (x) => `${num(x, x < 10 ? 2 : 1)} ms`;
    for (const kind of ['raw', 'gzip', 'brotli']) {
      const how = { raw: 'raw', gzip: 'gzip -9', brotli: 'brotli q11' }[kind];
      const what = `shipped bytes, ${how}`;
      rows.push([what, bytes(widgetBytes[kind]), bytes(baselineBytes[kind]), ratio(widgetBytes[kind], baselineBytes[kind])]);
      facts.push({ family: 'bytes', what, w: widgetBytes[kind], b: baselineBytes[kind], fmt: bytes });
    }
    const pick = (impl, n, key) => samples[impl][n].map((r) => r[key]).filter((v) => v != null);
    const med = (impl, n, key) => (pick(impl, n, key).length ? median(pick(impl, n, key)) : null);
    const timeRow = (title, n, key) => {
      const [w, b] = [pick('widget', n, key), pick('baseline', n, key)];
      rows.push([title, ms(w), ms(b), ratio(w.length ? median(w) : null, b.length ? median(b) : null)]);
      if (w.length && b.length) facts.push({ family: key, n, what: title, w: median(w), b: median(b), fmt: msValue });
    };
    for (const n of o.sizes) timeRow(`navigation → \`iom-news:rendered\`, ${label(n)}`, n, 'rendered');
    for (const n of o.sizes) timeRow(`of which feed parse + validate (\`iom-news:parse\`), ${label(n)}`, n, 'parse');
    for (const n of o.sizes) timeRow(`open a release (click → title in DOM), ${label(n)}`, n, 'open');
    for (const n of o.sizes) timeRow(`back to the list (click → list in DOM), ${label(n)}`, n, 'back');
    if (hasSearch.widget || hasSearch.baseline) {
      const keystroke = `search keystroke "${SEARCH_FROM}" → "${SEARCH_TO}" (input → list shows it)`;
      for (const n of o.sizes) timeRow(`${keystroke}, ${label(n)}`, n, 'search');
      // The widget's measure reads 0 when it spans from its mark to the same mark (see the notes).
      const zero = o.sizes.every((n) => pick('widget', n, 'query').every((q) => q === 0));
      for (const n of o.sizes) {
        const title = `of which the query run (\`iom-news:query\` measure), ${label(n)}`;
        if (zero) rows.push([title, '0 ms (times nothing, see the notes)', ms(pick('baseline', n, 'query')), 'n/a']);
        else timeRow(title, n, 'query');
      }
    } else {
      rows.push(['search keystroke', 'n/a (no search box)', 'n/a (no search box)', 'n/a']);
    }
    const mem = (impl, key) => {
      const xs = memorySamples[impl].map((r) => r[key]).filter((v) => v != null);
      return xs.length ? median(xs) : null;
    };
    const memRow = (title, key) => {
      rows.push([title, bytes(mem('widget', key)), bytes(mem('baseline', key)), ratio(mem('widget', key), mem('baseline', key))]);
      facts.push({ family: key, what: title, w: mem('widget', key), b: mem('baseline', key), fmt: bytes });
    };
    const ml = label(largest);
    memRow(`JS heap used after gc(), ${ml}`, 'heap');
    memRow(`wasm linear memory, ${ml}`, 'wasm');
    for (const impl of ['widget', 'baseline']) {
      for (const r of memorySamples[impl]) r.total = r.heap != null && r.wasm != null ? r.heap + r.wasm : null;
    }
    memRow(`JS heap + wasm memory, ${ml}`, 'total');
    memRow(`\`measureUserAgentSpecificMemory()\` (JS, DOM, shared; no wasm), ${ml}`, 'uasm');
    rows.push([`DOM nodes in the tab (CDP), ${ml}`, num(mem('widget', 'nodes') ?? 0), num(mem('baseline', 'nodes') ?? 0), ratio(mem('widget', 'nodes'), mem('baseline', 'nodes'))]);
    facts.push({ family: 'nodes', what: `DOM nodes in the tab, ${ml}`, w: mem('widget', 'nodes'), b: mem('baseline', 'nodes'), fmt: (x) => num(x) });

    // Findings: the biggest gaps, with what explains them.
    const queryZero = hasSearch.widget && o.sizes.every((n) => pick('widget', n, 'query').every((q) => q === 0));
    // (the table's "of which the query run" rows say the same)
    if (queryZero) {
      notes.push('The widget\'s `iom-news:query` measure is always 0 ms: it is taken from the `iom-news:query` mark to the same mark (an old bug, fixed), so it times nothing; the baseline\'s runs from its mark to the end of the query.');
    }
    const why = {
      bytes: () => {
        const wasm = widgetFiles.find((f) => f.name.endsWith('.wasm'));
        return `The wasm binary alone is ${bytes(wasm.brotli)} brotli, ${num((100 * wasm.brotli) / widgetBytes.brotli)} % of the widget's bytes; the baseline's script is sent unminified.`;
      },
      rendered: (f) => {
        const [pw, pb] = [med('widget', f.n, 'parse'), med('baseline', f.n, 'parse')];
        return `Of which feed parse + validate: widget ${pw == null ? 'n/a' : msValue(pw)}, baseline ${pb == null ? 'n/a' : msValue(pb)}; the widget also fetches and compiles its loader, glue and wasm before it fetches the feed.`;
      },
      parse: () => 'The widget validates much more than the floor (BCP 47 tags, phone numbers, ...), in wasm, from a copy of the feed text.',
      search: (f) => {
        const [qw, qb] = [med('widget', f.n, 'query'), med('baseline', f.n, 'query')];
        const split = queryZero || qw == null
          ? `The baseline's query run (match, facet counts, sort) takes ${qb == null ? 'n/a' : msValue(qb)} of it; the widget's \`iom-news:query\` measure reads 0 ms (see the notes), so its split is unknown.`
          : `Of which the query run: widget ${msValue(qw)}, baseline ${qb == null ? 'n/a' : msValue(qb)}; the rest is building and diffing the DOM.`;
        return `DOM work only, until the first card shows the new highlights. ${split}`;
      },
      query: () => 'Matching the folded texts, counting the facets and sorting, as each renderer measures it.',
      open: () => 'DOM work only: building the release view (the body through the allow-list).',
      back: () => 'DOM work only: rebuilding the list and the search bar.',
      total: () => `Widget: JS heap ${bytes(mem('widget', 'heap'))} + wasm memory ${bytes(mem('widget', 'wasm'))} (it only grows: the peak of parsing the feed); baseline: JS heap only.`,
    };
    // One gap per dimension: bytes (brotli, as served), memory (JS heap + wasm, largest feed) and
    // time (the timed row with the largest difference in ms at the largest feed); each with its
    // ratio. A ratio alone would rank a 4 ms step above a 100 ms one.
    const byWhat = (what) => facts.find((f) => f.what === what);
    const timed = facts.filter((f) => f.n === largest && f.w != null && f.b != null && !(f.family === 'query' && queryZero));
    const picks = [
      byWhat('shipped bytes, brotli q11'),
      byWhat(`JS heap + wasm memory, ${ml}`),
      timed.sort((a, b) => Math.abs(b.w - b.b) - Math.abs(a.w - a.b))[0],
    ].filter((f) => f && f.w > 0 && f.b > 0);
    const findings = picks.map((f, i) => {
      const gap = Math.max(f.w / f.b, f.b / f.w);
      const factor = num(gap, gap < 10 ? 2 : 1);
      const which = f.w > f.b ? `the widget needs ×${factor} the baseline's` : `the baseline needs ×${factor} the widget's`;
      return `${i + 1}. **${f.what}**: widget ${f.fmt(f.w)}, baseline ${f.fmt(f.b)}; ${which}. ${why[f.family]?.(f) ?? ''}`.trim();
    });
    const search = facts.find((f) => f.family === 'search' && f.n === largest);
    if (search && !picks.includes(search)) {
      findings.push(`\nThe search keystroke over ${label(largest)}: widget ${msValue(search.w)}, baseline ${msValue(search.b)} (×${num(search.w / search.b, 2)}). ${why.search(search)}`);
    }

    const table = markdownTable(rows);
    console.log(table);

    // Long tasks.
    const traceCol = (impl, key, fmt) => fmt(traced[impl].map((r) => r[key]));
    const longTable = markdownTable([
      [`per load, ${label(SECTION_SIZE)}`, 'widget', 'baseline'],
      ['longest main-thread task', traceCol('widget', 'longest', ms), traceCol('baseline', 'longest', ms)],
      [`total blocking time (Σ max(0, task − ${LONG_TASK_MS} ms))`, traceCol('widget', 'blocking', ms), traceCol('baseline', 'blocking', ms)],
      [`tasks over ${LONG_TASK_MS} ms`, traceCol('widget', 'over', counts), traceCol('baseline', 'over', counts)],
      ['main-thread tasks in the window', traceCol('widget', 'tasks', counts), traceCol('baseline', 'tasks', counts)],
    ]);
    const longLoads = traced.widget.filter((r) => r.over > 0).length;
    const longTarget = longLoads
      ? `**not met**: the widget ran a task over ${LONG_TASK_MS} ms in ${longLoads} of ${traced.widget.length} loads.`
      : `met: no widget task over ${LONG_TASK_MS} ms in ${traced.widget.length} loads (the longest: ${msValue(Math.max(...traced.widget.map((r) => r.longest)))}).`;

    // Slow network.
    const slowCol = (key, field) => (slow[key] ? ms(slow[key].map((r) => r[field])) : 'n/a');
    const slowRows = [[`page, ${label(SECTION_SIZE)}`, 'first news on screen', '`iom-news:rendered`', 'first contentful paint']];
    for (const [key, title] of [
      ['alone', '(a) widget, loader in `<head>`'],
      ['fallback', '(b) widget with the prerendered fallback inside'],
      ['baseline', '(c) baseline'],
    ]) {
      if (slow[key]) slowRows.push([title, slowCol(key, 'news'), slowCol(key, 'rendered'), slowCol(key, 'fcp')]);
      else slowRows.push([title, 'n/a (no fallback, see the notes)', 'n/a', 'n/a']);
    }
    const slowTable = markdownTable(slowRows);
    const fallbackFirst = slow.fallback?.filter((r) => r.what === 'fallback').length;

    // Lazy loading: the fetched files' sizes as a server would send them compressed.
    const sent = new Map();
    const sizeOf = (path) => {
      if (!sent.has(path)) sent.set(path, compressed(routes[path]?.[1] ?? readFileSync(join(DIST, path))));
      return sent.get(path);
    };
    const lazyCol = (key, fmt) => fmt(lazy[key]);
    const fetchedNames = (loads) => [...new Set(loads.map((r) => r.fetched.map((p) => p.slice(1)).join(', ') || 'nothing'))].join(' / ');
    const fetchedBytes = (kind) => (loads) => bytes(median(loads.map((r) => sum(r.fetched.map(sizeOf))[kind])));
    const lazyTable = markdownTable([
      [`${label(SECTION_SIZE)}, ${num(LAZY_GAP_PX)} px below the top`, 'loading="eager"', 'loading="lazy"'],
      ['files fetched before the scroll', lazyCol('eager', fetchedNames), lazyCol('lazy', fetchedNames)],
      ['bytes before the scroll, gzip -9', lazyCol('eager', fetchedBytes('gzip')), lazyCol('lazy', fetchedBytes('gzip'))],
      ['bytes before the scroll, brotli q11', lazyCol('eager', fetchedBytes('brotli')), lazyCol('lazy', fetchedBytes('brotli'))],
      ['scroll → news on screen', lazyCol('eager', (l) => ms(l.map((r) => r.afterScroll))), lazyCol('lazy', (l) => ms(l.map((r) => r.afterScroll)))],
    ]);

    const and = (xs) => (xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs.at(-1)}`);
    const runCounts = [...new Set(o.sizes.map(runsFor))]
      .map((r) => `${r} at ${and(o.sizes.filter((n) => runsFor(n) === r).map((n) => num(n)))} items`)
      .join(', ');
    const sectionFeedBytes = compressed(feeds.get(SECTION_SIZE));
    const transfer = (files) => `${bytes(files.gzip)} gzip, ${num(files.gzip / SLOW_NETWORK.downloadThroughput, 1)} s at ${num(SLOW_NETWORK.downloadThroughput)} B/s`;
    if (fallback.error) notes.push(`Slow network: page (b) was left out: the fallback could not be prerendered with the CLI (${fallback.error}).`);

    // Memory notes.
    const wm = memorySamples.widget[0];
    if (!wm.gc) notes.push('gc() was not exposed: heap figures include garbage.');
    if (wm.wasmNote) notes.push(`wasm memory could not be read: ${wm.wasmNote}`);
    if (wm.uasmNote) notes.push(`measureUserAgentSpecificMemory: ${wm.uasmNote}`);

    // results.md
    const chromiumVersion = commandOutput(CHROMIUM, ['--version']) ?? `Chromium ${version}`;
    const head = commandOutput('git', ['-C', ROOT, 'rev-parse', '--short', 'HEAD']);
    const dirty = commandOutput('git', ['-C', ROOT, 'status', '--porcelain', '--', 'src', 'core', 'www', 'Cargo.toml', 'Cargo.lock']);
    const built = statSync(join(DIST, 'iom-news-widget_bg.wasm')).mtime.toISOString().replace(/\.\d+Z$/, 'Z');
    const cpus = os.cpus();
    const perFile = (files) => files.map((f) => `${f.name} ${num(f.raw)} / ${num(f.gzip)} / ${num(f.brotli)}`).join('; ');
    const text = `# iom-news: the widget against a vanilla-JS floor${o.quick ? ' (quick run)' : ''}

- Date: ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}
- Machine: ${commandOutput('nproc', []) ?? cpus.length} CPUs (${cpus[0]?.model ?? 'unknown model'}), ${num(os.totalmem() / 2 ** 30, 1)} GiB RAM, ${os.type()} ${os.release()}
- Load average (1, 5, 15 min): ${loadStart.map((l) => l.toFixed(2)).join(' ')} at the start, ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} at the end (the end figure counts the benchmark's own Chromium and node; other work on the machine adds noise, which the min–max ranges show)
- Browser: ${chromiumVersion}, headless, driven by playwright-core
- Widget: dist/ built ${built} from git ${head ?? 'unknown'}${dirty ? ' (sources had uncommitted changes)' : ''}
- Feeds: \`iom-news synthetic N\`${o.jsFeeds ? ' generated by bench/synthetic.mjs (a byte-identical JS port of core/src/synth.rs)' : ` from ${process.env.IOM_NEWS_CLI ?? '`cargo run --release -p iom-news-cli`'}`}; page-size ${PAGE_SIZE}
- Runs per cell: ${runCounts} (sizes up to ${num(SMALL_SIZE)} items get \`--small-runs\`, the others \`--runs\`), widget and baseline alternated (the order flips every round); each run is a fresh browser context (cold HTTP cache). Times are medians (min–max); memory is the median of ${memorySamples.widget.length} loads.

${table}

## Findings

The biggest gaps between the widget and the baseline in this run, one per dimension (shipped bytes, memory, time: the timed row with the largest difference at ${label(largest)}):

${findings.join('\n')}

## Long tasks while a ${num(SECTION_SIZE)}-item page loads

The renderer's main thread from navigation start to ${num(SETTLE_MS)} ms after \`iom-news:rendered\`, on the table's pages without throttling; ${o.traceLoads} loads per renderer, alternated, each in a fresh context. Medians (min–max). Target, no widget task over ${LONG_TASK_MS} ms: ${longTarget}

${longTable}

## Slow network (${num((SLOW_NETWORK.downloadThroughput * 8) / 1e6, 1)} Mbps, ${SLOW_NETWORK.latency} ms RTT, ${SLOW_CPU}× CPU)

Milliseconds from navigation start; ${o.slowLoads} loads per page, each in a fresh context (cold cache). Medians (min–max).${fallbackFirst == null ? '' : ` With the fallback, the first news on screen was the prerendered list in ${fallbackFirst} of ${slow.fallback.length} loads (else the widget's own cards).`}

${slowTable}

## Lazy loading: bytes before scroll

A widget ${num(LAZY_GAP_PX)} px down the page (the window is ${VIEWPORT.height} px high), ${o.lazyLoads} loads each: what the page fetched until ${num(LAZY_WAIT_MS)} ms after its load event without scrolling (the HTML page itself not counted), at the size a server would send it compressed; then the time from scrolling the widget into view to its news on screen.

${lazyTable}

## How it is measured (\`node bench/run.mjs${o.quick ? ' --quick' : ''}\`)

- Shipped bytes: the widget is ${WIDGET_FILES.map((f) => `dist/${f}`).join(', ')}; the baseline is bench/baseline/index.html (its whole host page), baseline.js (unminified, comments included) and the same iom-news.css. Per file, raw / gzip / brotli: widget ${perFile(widgetFiles)}; baseline ${perFile(baselineFiles)}.
- Render: \`performance.mark('iom-news:rendered')\` (both renderers set it right after the first list is in the DOM), from navigation start; the host page and the feed come from the same 127.0.0.1 server. The widget loads its loader, glue and wasm before it fetches the feed; the baseline fetches the feed and the stylesheet at once. The harness runs nothing in the page until the mark: an init script says on the console when the mark is set (a \`PerformanceObserver\`), where earlier runs polled with playwright's \`waitForFunction\` every 10 ms, whose injected script and polls were main-thread work inside the time measured, for both renderers.
- Open / back: inside the page, \`performance.now()\` around a synthetic \`element.click()\` until a MutationObserver sees \`.iom-news__release-title\` (open) or \`.iom-news__list\` (back) in the shadow root: DOM work only, before style, layout and paint.
- Search keystroke: after open and back, the search box (focused) is set to "${SEARCH_FROM}" with one \`input\` event (a search in progress: every synthetic release holds "sample"), and the page settles; then it is set to "${SEARCH_TO}" and one \`input\` event (\`bubbles\`, \`composed\`) is dispatched. The time runs from just before the dispatch until, on a DOM mutation, the live count is not empty and the first card's title carries exactly the \`<mark>\`s the words "${SEARCH_TO}" give (computed in the page from the title's text). Every release matches, so both renderers scan, count and sort all of them and rebuild the first page with every "r" highlighted. DOM work only, like open and back; one keystroke per page load, so one per run, renderers alternated. The query run is the \`iom-news:query\` measure each renderer sets. The baseline searches on every \`input\` event, without debounce: it folds the words (NFD, marks dropped, lowercase), keeps the releases whose text (folded once at load: title, summary, dateline, body text with tags stripped, contacts) holds every word, counts the facet values, sorts newest first (undated last) and rebuilds the first page with \`<mark>\`s; its search bar (box, selects with counts, clear) is updated in place.
- Memory: ${label(largest)}, on copies of the pages served cross-origin isolated (COOP/COEP) so that \`performance.measureUserAgentSpecificMemory()\` works; Chromium runs with \`--js-flags=--expose-gc --enable-precise-memory-info\`. JS heap is \`performance.memory.usedJSHeapSize\` after \`gc()\`. The widget's wasm memory is the byte length of its \`WebAssembly.Memory\` (read through the glue module's exports); it only grows, so it is the peak of loading and parsing the feed, and \`measureUserAgentSpecificMemory()\` does not count it.
- The baseline is a floor, not a rival: it formats dates and countries only for the releases it shows and validates less than the widget (see the header of bench/baseline/baseline.js).
- Each attempt to make the widget smaller or faster, with its numbers, and where each target of issue 7 stands: bench/attempts.md (kept by hand; this file is rewritten by every run).
- Runs per size: sizes up to ${num(SMALL_SIZE)} items get ${o.smallRuns} runs (\`--small-runs\`), larger ones ${o.runs} (\`--runs\`): a ${num(SMALL_SIZE)}-item page renders in a few hundred ms, so the machine's noise weighs more in its ratio and its median needs more runs. Each round loads every size still due, widget and baseline in an order that flips every round.
- Long tasks: each load is a fresh context traced with playwright-core's \`browser.startTracing\` (categories ${TRACE_CATEGORIES.map((c) => `\`${c}\``).join(', ')}; the last puts navigationStart and the iom-news marks in the trace, on its clock), on the table's pages (the widget's loader \`async\` at the end of the body). The renderer is the process that set \`iom-news:rendered\`, its main thread the one its \`thread_name\` metadata calls \`CrRendererMain\`; the tasks are that thread's top-level \`RunTask\` events (\`ph: 'X'\`; one nested in another counts as part of it) that start between the page's navigationStart and ${num(SETTLE_MS)} ms after the mark, so the work the first render leaves behind is counted. Longest task; total blocking time, the sum over tasks of max(0, duration − ${LONG_TASK_MS} ms); tasks over ${LONG_TASK_MS} ms, the Long Tasks API's threshold. Without throttling: on a slow phone each task takes several times longer.
- Slow network: before each page navigates, its own CDP session sends \`Network.emulateNetworkConditions\` (latency ${SLOW_NETWORK.latency} ms, download ${num(SLOW_NETWORK.downloadThroughput)} B/s, upload ${num(SLOW_NETWORK.uploadThroughput)} B/s = 750 kbps) and \`Emulation.setCPUThrottlingRate\` ${SLOW_CPU}; the pages take turns in a rotating order. (a) is the recommended embed: \`<script src="/iom-news.js">\` in \`<head>\`, then an \`<h1>\` and \`<iom-news feed="/bench-${SECTION_SIZE}.json">\` in the body; (b) is the same page with, inside \`<iom-news>\`, the fallback.html that \`iom-news build FEED --out DIR --dist dist\` prerenders from the same feed${fallback.html ? ` (${bytes(Buffer.byteLength(fallback.html))}: the widget's first page as plain HTML)` : ''}; (c) is the baseline page, as in the table. First news on screen: an init script (\`page.addInitScript\`) checks on every \`requestAnimationFrame\` and records \`performance.now()\` at the first frame at which a release headline is on screen, hit-tested at the middle of its first line with \`elementFromPoint\` (in the viewport, displayed, not clipped): a \`.iom-news__card-link\` in the widget's shadow root for (a); for (b) the first link of the fallback in \`<iom-news>\`'s light DOM (shown through the widget's slot while it loads) or the widget's own card link, whichever comes first; a card link in the baseline's shadow root for (c). \`iom-news:rendered\` is each renderer's own mark; first contentful paint is \`performance.getEntriesByName('first-contentful-paint')\`. Its server sends every file gzip-encoded (level 9), as a web host would: (a) fetches the widget's files and the feed, ${transfer(sum([widgetBytes, sectionFeedBytes]))}, and (c) the baseline's files and the feed, ${transfer(sum([baselineBytes, sectionFeedBytes]))}, before any latency.
- Lazy loading: the pages have the loader in \`<head>\`, a ${num(LAZY_GAP_PX)} px block, then \`<iom-news feed="/bench-${SECTION_SIZE}.json" loading="eager">\` or \`loading="lazy"\`, in a ${VIEWPORT.width} × ${VIEWPORT.height} window; fresh context per load. The files fetched are the paths the test server was asked for (its \`hits\`), in request order, from navigation to ${num(LAZY_WAIT_MS)} ms after the load event; the HTML page itself is left out (it is the host's, and the same in both). Bytes before scroll are the sum of those files' gzip -9 and brotli q11 sizes, computed in node from the files (the test server sends them uncompressed). The scroll is \`scrollIntoView()\` on the widget (instant); its time runs from just before it to the first animation frame with a card link on screen (the init script of the slow network), without throttling.
- Markup check: on the first run, each renderer's \`.iom-news\` element (search bar included) is serialized canonically (attributes sorted, text merged) for the list, the release view and the search results, and compared.
${notes.map((n) => `- ${n}`).join('\n')}
`;
    writeFileSync(o.out, text);
    console.error(`\nwritten to ${o.out}`);
  } finally {
    await stop();
  }
}

main().catch((error) => {
  console.error(`bench/run.mjs failed: ${error.message}`);
  process.exitCode = 1;
});
