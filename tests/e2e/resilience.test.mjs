// Real pages, real failures (issue 17): a feed server that fails in every way a server can,
// the kept copy, broken storage, a module that cannot start, the page's own content while the
// widget loads, and no layout shift. Every page also runs a script of its own, which must keep
// running, and listens for errors and unhandled rejections, of which there must be none.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, feedJson } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const JSON_TYPE = 'application/json';
const item = (id, extra = {}) => ({ id, title: `Release ${id}`, content_text: `Body of ${id}.`, ...extra });
const GOOD = feedJson([item('one'), item('two'), item('three')], { home_page_url: 'https://www.iom.int/news' });
// A feed of 4.2 MB (over the 4 MB a copy is kept of): 60 releases of 70,000 characters each.
const BIG = feedJson(Array.from({ length: 60 }, (_, i) => item(`big-${i}`, { content_text: `Paragraph ${i}. ${'word '.repeat(14000)}` })));

// The host page's own script: a heartbeat that must go on whatever the widget does, and a
// record of every error and unhandled rejection on the page.
const HEARTBEAT = `window.__beats = 0; setInterval(function () { window.__beats++; }, 50);
window.__errors = [];
window.addEventListener('error', function (e) { window.__errors.push(String(e.message)); });
window.addEventListener('unhandledrejection', function (e) { window.__errors.push('unhandled: ' + String(e.reason)); });`;

let server;
let other; // Another origin, without CORS headers.
let chrome;
let toggle = 'good'; // What /f/toggle.json answers: 'good' or 'down'.
let flaky = 0; // How many times /f/flaky.json was asked.

before(async () => {
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<link rel="icon" href="data:,"><script src="/heartbeat.js"></script></head>
<body><main><h1>Host page</h1>${body}<p id="below">The page goes on below the widget.</p></main>
<script src="/iom-news.js" async></script></body></html>`;
  const routes = {
    '/heartbeat.js': ['text/javascript', HEARTBEAT],
    '/f/404.json': [JSON_TYPE, 'not here', 404],
    '/f/500.json': [JSON_TYPE, 'oops', 500],
    '/f/html.json': ['text/html', '<!doctype html><html><body><h1>Sign in to Wi-Fi</h1></body></html>'],
    '/f/good.json': [JSON_TYPE, GOOD],
    '/f/big.json': [JSON_TYPE, BIG],
    // Readable, but not a feed the widget can show (a version it does not know).
    '/f/version.json': [JSON_TYPE, JSON.stringify({ version: 'https://jsonfeed.org/version/2', home_page_url: '/office/news', items: [] })],
  };
  for (const fault of ['404', '500', 'html', 'hang', 'drip', 'cut', 'loop', 'cors', 'flaky', 'toggle', 'good', 'big', 'version']) {
    const feed = fault === 'cors' ? `${'{OTHER}'}/f/good.json` : `/f/${fault}.json`;
    routes[`/${fault}.html`] = ['text/html; charset=utf-8', page(`<iom-news feed="${feed}" timeout="2"></iom-news>`)];
    routes[`/${fault}-fallback.html`] = ['text/html; charset=utf-8', page(
      `<iom-news feed="${feed}" timeout="2"><p><a href="/news/">All IOM news</a></p></iom-news>`)];
  }
  // The recommended embed: the loader in <head>, the page's own link inside <iom-news>.
  routes['/head-fallback.html'] = ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>t</title><link rel="icon" href="data:,"><script src="/iom-news.js"></script>
<script src="/heartbeat.js"></script></head><body><h1>Host page</h1>
<iom-news feed="/f/good.json"><p><a href="/news/">All IOM news</a></p></iom-news>
<p id="below">The page goes on below the widget.</p></body></html>`];
  // A widget inside a form whose field is named "lang": the form's .lang is that field.
  routes['/form-lang.html'] = ['text/html; charset=utf-8', page(
    '<form lang="fr"><input name="lang" value="x"><iom-news feed="/f/good.json"></iom-news></form>')];
  // A country-office page: a heading, a widget of a full feed and a compact one with a small
  // feed, and text below them in view; the loader in <head>, as docs/embedding.md advises.
  routes['/cls-head.html'] = ['text/html; charset=utf-8', `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>cls</title><link rel="icon" href="data:,"><script src="/iom-news.js"></script>
<script src="/heartbeat.js"></script></head><body><h1>IOM Country Office</h1>
<iom-news feed="/synthetic.json" page-size="3"></iom-news>
<p>About the office: ${'text '.repeat(120)}</p>
<iom-news feed="/synthetic.json" layout="compact" page-size="5" heading="none"></iom-news>
<p>${'More of the page. '.repeat(60)}</p></body></html>`];
  // A feed with fewer releases than a page: the first visit cannot know it; the second does.
  routes['/cls-small.html'] = ['text/html; charset=utf-8', routes['/cls-head.html'][1]
    .replaceAll('/synthetic.json', '/feed.json')];
  server = await serve(DIST, routes);
  // The faults a route table cannot give, in front of it.
  server.intercept((req, res) => {
    const path = new URL(`http://x${req.url}`).pathname;
    if (path === '/f/hang.json') return true; // Never answers.
    if (path === '/f/drip.json') {
      res.writeHead(200, { 'content-type': JSON_TYPE });
      const timer = setInterval(() => res.write(' '), 300);
      res.on('close', () => clearInterval(timer));
      return true;
    }
    if (path === '/f/cut.json') {
      res.writeHead(200, { 'content-type': JSON_TYPE, 'content-length': String(GOOD.length) });
      res.write(GOOD.slice(0, GOOD.length / 2));
      setTimeout(() => res.destroy(), 50);
      return true;
    }
    if (path === '/slow-fallback.html') {
      // The page arrives in two parts: the element, then (after a layout) its own content, as
      // a long page on a slow connection does; the feed comes after both.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const [before, after] = routes['/head-fallback.html'][1]
        .replace('/f/good.json', '/f/slow-good.json').split('<p><a href="/news/">');
      res.write(before);
      setTimeout(() => res.end(`<p><a href="/news/">${after}`), 400);
      return true;
    }
    if (path === '/f/slow-good.json') {
      setTimeout(() => res.writeHead(200, { 'content-type': JSON_TYPE }).end(GOOD), 1200);
      return true;
    }
    if (path === '/f/loop.json') {
      res.writeHead(302, { location: '/f/loop.json' }).end();
      return true;
    }
    if (path === '/f/flaky.json') {
      flaky += 1;
      if (flaky === 1) res.writeHead(503, { 'content-type': 'text/plain' }).end('busy');
      else res.writeHead(200, { 'content-type': JSON_TYPE }).end(GOOD);
      return true;
    }
    if (path === '/f/toggle.json') {
      if (toggle === 'down') res.writeHead(502, { 'content-type': 'text/plain' }).end('down');
      else res.writeHead(200, { 'content-type': JSON_TYPE }).end(GOOD);
      return true;
    }
    if (path.endsWith('.html')) {
      // The other origin's address, known only now.
      const html = routes[path]?.[1];
      if (html?.includes('{OTHER}')) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html.replace('{OTHER}', other.url));
        return true;
      }
    }
    return false;
  });
  other = await serve(DIST, { '/f/good.json': [JSON_TYPE, GOOD] });
  chrome = await browser();
});

after(async () => {
  await chrome?.close();
  server?.close();
  other?.close();
});

async function open(path, { init } = {}) {
  const tab = await chrome.context.newPage();
  if (init) await tab.addInitScript(init);
  const pageErrors = [];
  const errors = [];
  const warnings = [];
  tab.on('pageerror', (e) => pageErrors.push(e.message));
  // Listening before the page loads: a fast failure is said before the load event.
  tab.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await tab.goto(`${server.url}${path}`);
  return { tab, pageErrors, errors, warnings };
}

/** The host page's script kept running, and nothing threw or rejected unhandled. */
async function pageIsHealthy(tab, pageErrors) {
  const before = await tab.evaluate(() => window.__beats);
  await tab.waitForTimeout(200);
  assert.ok((await tab.evaluate(() => window.__beats)) > before, "the page's own script stopped");
  assert.deepEqual(await tab.evaluate(() => window.__errors), []);
  assert.deepEqual(pageErrors, []);
}

describe('a feed server that fails', { concurrency: 6 }, () => {
  for (const fault of ['404', '500', 'html', 'hang', 'drip', 'cut', 'loop', 'cors']) {
    test(`${fault}: readers get a short message, the web team the details; nothing throws`, async () => {
      const { tab, pageErrors, errors } = await open(`/${fault}.html`);
      const widget = tab.locator('iom-news');
      const alert = widget.locator('.iom-news [role=alert]');
      await alert.waitFor({ timeout: 20000 });
      assert.equal(await alert.locator('p').first().textContent(), 'The news could not be loaded.');
      // No link of the page's and no feed to name one: IOM's news page.
      assert.equal(await alert.locator('a').getAttribute('href'), 'https://www.iom.int/news');
      assert.equal(await alert.locator('a').textContent(), 'Go to the news page');
      assert.equal(await widget.getAttribute('data-iom-news-state'), 'failed');
      await tab.waitForTimeout(100);
      assert.ok(errors.some((e) => /^iom-news \d+\.\d+\.\d+: the feed/.test(e)), errors.join('\n'));
      await pageIsHealthy(tab, pageErrors);
      await tab.close();
    });
  }

  test('a document that is not a usable feed: readers get the feed\'s home page', async () => {
    const { tab, pageErrors } = await open('/version.html');
    const alert = tab.locator('iom-news .iom-news [role=alert]');
    await alert.waitFor({ timeout: 20000 });
    assert.equal(await alert.locator('a').getAttribute('href'), `${server.url}/office/news`);
    await pageIsHealthy(tab, pageErrors);
    await tab.close();
  });

  test('with the page\'s own link inside <iom-news>, readers get that link', async () => {
    const { tab, pageErrors } = await open('/500-fallback.html');
    const alert = tab.locator('iom-news .iom-news [role=alert]');
    await alert.waitFor({ timeout: 20000 });
    assert.match(await alert.locator('a').getAttribute('href'), /\/news\/$/);
    await pageIsHealthy(tab, pageErrors);
    await tab.close();
  });
});

test('a failure that passes is tried again, and the news shows', async () => {
  flaky = 0;
  const { tab, pageErrors } = await open('/flaky.html');
  await tab.locator('iom-news .iom-news__card').first().waitFor({ timeout: 10000 });
  assert.equal(flaky, 2, 'asked twice: the 503, then the feed');
  await pageIsHealthy(tab, pageErrors);
  await tab.close();
});

test('the last good copy is shown, with its date, when the feed is down; Try again loads it fresh', async () => {
  toggle = 'good';
  const { tab, pageErrors } = await open('/toggle.html');
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  assert.equal(await widget.locator('.iom-news__stale').count(), 0);
  // The copy is kept in the task after the news shows.
  await tab.waitForFunction(() => Object.keys(localStorage).some((k) => k.startsWith('iom-news:feed:')));
  toggle = 'down';
  await tab.reload();
  const notice = widget.locator('.iom-news__stale');
  await notice.waitFor({ timeout: 15000 });
  assert.match(await notice.textContent(), /^Showing the news as of \w+ \d+, \d{4}\./);
  assert.equal(await widget.locator('.iom-news__card').count(), 3);
  const kept = await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('iom-news:feed:')));
  assert.ok(kept.some((k) => /^iom-news:feed:http:\/\/127\.0\.0\.1:\d+\/f\/toggle\.json$/.test(k)), kept.join());
  toggle = 'good';
  await notice.locator('button', { hasText: 'Try again' }).click();
  await tab.waitForFunction(() => !document.querySelector('iom-news').shadowRoot.querySelector('.iom-news__stale'));
  assert.equal(await widget.locator('.iom-news__card').count(), 3);
  await pageIsHealthy(tab, pageErrors);
  await tab.close();
});

test('a feed too large for the page\'s storage is shown, not kept, and the console says why', async () => {
  assert.ok(BIG.length > 4_000_000 && BIG.length < 5_000_000, `BIG is ${BIG.length} B`);
  const { tab, pageErrors, warnings } = await open('/big.html');
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor({ timeout: 20000 });
  await tab.waitForFunction(() => performance.getEntriesByName('iom-news:rendered').length > 0);
  await tab.waitForTimeout(300); // The copy would be kept two tasks after the render.
  const said = warnings.filter((w) => w.includes('a copy is kept of'));
  assert.equal(said.length, 1, warnings.join('\n'));
  assert.match(said[0], /^iom-news \d+\.\d+\.\d+: the feed "[^"]*\/f\/big\.json" is 4\.\d MB, more than the 4 MB a copy is kept of/);
  assert.deepEqual(await tab.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('/f/big.json'))), []);
  assert.equal(await widget.locator('.iom-news__card').count(), 10);
  await pageIsHealthy(tab, pageErrors);
  await tab.close();
});

test('storage that throws (disabled, full) is survived', async () => {
  const { tab, pageErrors } = await open('/good.html', {
    init: () => {
      const refuse = () => { throw new DOMException('full', 'QuotaExceededError'); };
      Storage.prototype.setItem = refuse;
      Storage.prototype.getItem = () => { throw new DOMException('disabled', 'SecurityError'); };
    },
  });
  await tab.locator('iom-news .iom-news__card').first().waitFor();
  await pageIsHealthy(tab, pageErrors);
  await tab.close();
});

test('the page\'s own content stays visible until the widget shows the news', async () => {
  const held = [];
  const { tab, pageErrors } = await (async () => {
    const tab = await chrome.context.newPage();
    await tab.route('**/f/good.json', async (route) => { held.push(route); });
    const pageErrors = [];
    tab.on('pageerror', (e) => pageErrors.push(e.message));
    await tab.goto(`${server.url}/good-fallback.html`);
    return { tab, pageErrors };
  })();
  const own = tab.locator('iom-news a', { hasText: 'All IOM news' });
  await tab.waitForFunction(() => document.querySelector('iom-news')?.shadowRoot);
  await tab.waitForTimeout(300);
  assert.ok(await own.isVisible(), 'the fallback link shows while the feed loads');
  while (!held.length) await tab.waitForTimeout(50);
  await held[0].fulfill({ contentType: JSON_TYPE, body: GOOD });
  await tab.locator('iom-news .iom-news__card').first().waitFor();
  assert.equal(await own.isVisible(), false, 'and goes when the news shows');
  await pageIsHealthy(tab, pageErrors);
  await tab.close();
});

test('a module the page\'s CSP blocks leaves the page\'s content, or a link to the news', async () => {
  const tab = await chrome.context.newPage();
  // No 'wasm-unsafe-eval': the WebAssembly cannot compile.
  await tab.route('**/*-fallback.html', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" } });
  });
  await tab.goto(`${server.url}/good-fallback.html`);
  const widget = tab.locator('iom-news');
  await tab.waitForFunction(() => document.querySelector('iom-news').dataset.iomNewsState === 'broken', null, { timeout: 10000 });
  assert.ok(await widget.locator('a', { hasText: 'All IOM news' }).isVisible());
  await tab.close();
});

test('a module that cannot be fetched gives the failure in the page\'s language, whatever the markup names', async () => {
  const tab2 = await chrome.context.newPage();
  const errors = [];
  tab2.on('pageerror', (e) => errors.push(e.message));
  await tab2.route('**/iom-news-widget.js', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await tab2.goto(`${server.url}/form-lang.html`);
  await tab2.waitForFunction(() => document.querySelector('iom-news').dataset.iomNewsState === 'broken', null, { timeout: 10000 });
  const alert = tab2.locator('iom-news .iom-news-failed');
  await alert.waitFor();
  assert.equal(await alert.locator('p').first().textContent(), 'Les actualités n’ont pas pu être chargées.');
  assert.match(await alert.locator('a').getAttribute('href'), /^https:\/\/www\.iom\.int\/news/);
  assert.deepEqual(errors, []);
  await tab2.close();
});

/** The layout shift of `path` loading, its feeds delayed as on a slow connection. */
async function cls(path) {
  const tab = await chrome.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.addInitScript(() => {
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__cls += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await tab.route('**/*.json', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await route.continue();
  });
  await tab.goto(`${server.url}${path}`);
  await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')].every((w) => w.dataset.iomNewsState === 'ready'));
  await tab.waitForTimeout(400);
  const value = await tab.evaluate(() => window.__cls);
  await tab.close();
  return value;
}

test('loading widgets shifts the page by no more than 0.05 (CLS)', async () => {
  // The loader in <head>: the placeholder is there from the first paint, the size of a page.
  const first = await cls('/cls-head.html');
  // A second visit (the same browser profile) knows each widget's height from the first.
  const second = await cls('/cls-head.html');
  const small = [await cls('/cls-small.html'), await cls('/cls-small.html')];
  console.log(`CLS, loader in <head>: first visit ${first.toFixed(4)}, second ${second.toFixed(4)}; ` +
    `feeds shorter than a page: first ${small[0].toFixed(4)}, second ${small[1].toFixed(4)}`);
  assert.ok(first <= 0.05, `first visit: CLS ${first}`);
  assert.ok(second <= 0.05, `second visit: CLS ${second}`);
  assert.ok(small[0] <= 0.05, `first visit, short feeds: CLS ${small[0]}`);
  assert.ok(small[1] <= 0.05, `second visit, short feeds: CLS ${small[1]}`);
});

test('with the page\'s own content inside <iom-news> and the loader in <head>, no space is held', async () => {
  const tab = await chrome.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.addInitScript(() => localStorage.clear());
  await tab.goto(`${server.url}/slow-fallback.html`);
  await tab.waitForFunction(() => document.querySelector('iom-news').dataset.iomNewsState === 'ready');
  await tab.waitForTimeout(100);
  const sizes = await tab.evaluate(() => {
    const host = document.querySelector('iom-news');
    return {
      held: getComputedStyle(host.shadowRoot.querySelector('.iom-news-mount')).minHeight,
      host: host.getBoundingClientRect().height,
      news: host.shadowRoot.querySelector('.iom-news').getBoundingClientRect().height,
    };
  });
  assert.equal(sizes.held, '0px');
  assert.ok(Math.abs(sizes.host - sizes.news) < 2, JSON.stringify(sizes));
  await tab.close();
});

test('the space held for a short first page is given back once the widget is out of view, or the reader acts in it', async () => {
  const tab = await chrome.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  // A first visit: no height kept from an earlier one.
  await tab.addInitScript(() => localStorage.clear());
  await tab.goto(`${server.url}/cls-small.html`);
  await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')].every((w) => w.dataset.iomNewsState === 'ready'));
  const held = () => tab.evaluate(() => [...document.querySelectorAll('iom-news')]
    .map((w) => getComputedStyle(w.shadowRoot.querySelector('.iom-news-mount')).minHeight));
  const first = await held();
  assert.match(first[0], /^\d+px$/, 'the first widget holds its placeholder\'s space');
  const content = await tab.evaluate(() => document.querySelector('iom-news').shadowRoot.querySelector('.iom-news').getBoundingClientRect().height);
  assert.ok(parseInt(first[0], 10) > content, `held ${first[0]} over ${content}px of news`);
  // Out of view: given back (the page above it does not move).
  await tab.evaluate(() => {
    document.body.append(Object.assign(document.createElement('div'), { textContent: 'More of the page.' }));
    document.body.lastChild.style.height = '3000px';
    window.scrollTo(0, document.body.scrollHeight);
  });
  await tab.waitForFunction(() => getComputedStyle(document.querySelector('iom-news').shadowRoot.querySelector('.iom-news-mount')).minHeight === '0px');
  // The second visit's placeholder is the news's own height, not the held space.
  const kept = await tab.evaluate(() => Object.entries(localStorage).filter(([k]) => k.startsWith('iom-news:height:')).map(([, v]) => Number(v)));
  assert.ok(kept.length >= 1 && kept.every((h) => h > 0 && h < parseInt(first[0], 10) + 1), kept.join());
  // In view, the reader acts in the widget: given back.
  await tab.evaluate(() => localStorage.clear());
  await tab.goto(`${server.url}/cls-small.html?again`);
  await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')].every((w) => w.dataset.iomNewsState === 'ready'));
  assert.match((await held())[0], /^\d+px$/);
  await tab.locator('iom-news').first().click({ position: { x: 2, y: 2 } });
  await tab.waitForFunction(() => getComputedStyle(document.querySelector('iom-news').shadowRoot.querySelector('.iom-news-mount')).minHeight === '0px');
  await tab.close();
});
