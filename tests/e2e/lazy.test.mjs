// loading="lazy" (issue 16): nothing is fetched for a widget far below the fold (no module, no
// stylesheet, no feed) until it comes within a viewport of being seen; a deep link to it, in the
// address at load or later, loads it at once; loading="eager" and removal while waiting behave.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, watch } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const WIDGET = ['/iom-news-widget.js', '/iom-news-widget_bg.wasm', '/iom-news.css'];

let server;
let chrome;
before(async () => {
  const page = (body) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>t</title><link rel="icon" href="data:,"><script src="/iom-news.js"></script></head>
<body><main><h1>Lazy</h1>${body}</main></body></html>`;
  const far = '<div style="height:4000px">The page\'s own content</div>';
  server = await serve(DIST, {
    '/far.html': ['text/html; charset=utf-8', page(`${far}<iom-news id="below" loading="lazy" feed="/news.json"></iom-news>`)],
    '/mixed.html': ['text/html; charset=utf-8', page(`<iom-news id="top" feed="/feed.json" page-size="2"></iom-news>
      ${far}<iom-news id="below" loading="lazy" feed="/news.json"></iom-news>`)],
    '/near.html': ['text/html; charset=utf-8', page('<div style="height:1200px"></div><iom-news id="near" loading="lazy" feed="/news.json"></iom-news>')],
    '/odd.html': ['text/html; charset=utf-8', page(`${far}<iom-news id="below" loading="soon" feed="/news.json"></iom-news>`)],
  });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

const fetched = () => Object.fromEntries(
  [...WIDGET, '/news.json', '/feed.json'].map((path) => [path, server.hits[path] ?? 0]));
const reset = () => { for (const key of Object.keys(server.hits)) delete server.hits[key]; };

async function open(path, hash = '') {
  reset();
  const tab = await chrome.context.newPage();
  const problems = watch(tab);
  await tab.goto(`${server.url}${path}${hash}`);
  await tab.waitForLoadState('load');
  return { tab, problems };
}

const state = (tab, id) => tab.locator(`iom-news#${id}`).getAttribute('data-iom-news-state');

test('far below the fold nothing is fetched, the placeholder keeps the space; scrolling near loads it', { timeout: 60000 }, async () => {
  const { tab, problems } = await open('/far.html');
  await tab.waitForTimeout(800);
  assert.deepEqual(fetched(), { '/iom-news-widget.js': 0, '/iom-news-widget_bg.wasm': 0, '/iom-news.css': 0, '/news.json': 0, '/feed.json': 0 });
  assert.equal(await state(tab, 'below'), 'loading');
  const height = await tab.locator('iom-news#below').evaluate((e) => e.getBoundingClientRect().height);
  assert.ok(height > 300, `the placeholder keeps ${height} px`);
  // One viewport (900 px) before it shows, it loads.
  await tab.evaluate(() => window.scrollTo(0, 4000 - 2 * innerHeight + 100));
  await tab.locator('iom-news#below .iom-news__card').first().waitFor();
  assert.equal(fetched()['/news.json'], 1);
  assert.equal(fetched()['/iom-news-widget_bg.wasm'], 1);
  const top = await tab.locator('iom-news#below').evaluate((e) => e.getBoundingClientRect().top);
  assert.ok(top > await tab.evaluate(() => innerHeight), 'it loaded before it was on screen');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a lazy widget within a viewport of the first screen loads at once', { timeout: 60000 }, async () => {
  const { tab, problems } = await open('/near.html');
  await tab.locator('iom-news#near .iom-news__card').first().waitFor();
  assert.equal(fetched()['/news.json'], 1);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a deep link to a lazy widget loads it at once and opens the release', { timeout: 60000 }, async () => {
  const { tab, problems } = await open('/far.html', '#iom-news:below=iom-2026-1007');
  await tab.locator('iom-news#below .iom-news__release-title').waitFor();
  assert.equal(await state(tab, 'below'), 'ready');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a deep link given later (hashchange) loads a waiting widget; another widget\'s link does not', { timeout: 60000 }, async () => {
  const { tab, problems } = await open('/far.html');
  await tab.evaluate(() => { location.hash = 'iom-news:other=iom-2026-1007'; });
  await tab.waitForTimeout(500);
  assert.equal(fetched()['/news.json'], 0, 'a link for another widget leaves it waiting');
  await tab.evaluate(() => { location.hash = 'iom-news:below.q=labour'; });
  await tab.locator('iom-news#below .iom-news__card').first().waitFor();
  assert.equal(await tab.locator('iom-news#below input[type=search]').inputValue(), 'labour');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('an eager widget on the same page loads the module; the lazy one\'s feed still waits', { timeout: 60000 }, async () => {
  const { tab, problems } = await open('/mixed.html');
  await tab.locator('iom-news#top .iom-news__card').first().waitFor();
  await tab.waitForTimeout(300);
  const counts = fetched();
  assert.equal(counts['/feed.json'], 1);
  assert.equal(counts['/news.json'], 0);
  assert.equal(counts['/iom-news-widget_bg.wasm'], 1);
  assert.equal(await tab.locator('iom-news#below').evaluate((e) => e.shadowRoot.querySelectorAll('link').length), 0,
    'no stylesheet requested for the waiting widget');
  await tab.locator('iom-news#below').scrollIntoViewIfNeeded();
  await tab.locator('iom-news#below .iom-news__card').first().waitFor();
  assert.equal(fetched()['/iom-news-widget_bg.wasm'], 1, 'the module is fetched once for the page');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('loading="eager" set on a waiting widget loads it; an unknown value warns and loads at once', { timeout: 60000 }, async () => {
  let { tab, problems } = await open('/far.html');
  await tab.evaluate(() => document.querySelector('iom-news').setAttribute('loading', 'eager'));
  await tab.locator('iom-news#below .iom-news__card').first().waitFor();
  assert.deepEqual(problems, []);
  await tab.close();

  reset();
  tab = await chrome.context.newPage();
  problems = watch(tab);
  const warnings = [];
  tab.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await tab.goto(`${server.url}/odd.html`);
  await tab.locator('iom-news#below .iom-news__card').first().waitFor();
  assert.ok(warnings.some((w) => /loading="soon" is not "lazy" or "eager"/.test(w)), warnings.join('\n'));
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a waiting widget removed from the page fetches nothing and IOMNews.mount resolves to null', { timeout: 60000 }, async () => {
  const { tab, problems } = await open('/far.html');
  const result = await tab.evaluate(async () => {
    const element = document.createElement('div');
    document.querySelector('main').append(element);
    const ready = IOMNews.mount(element, { feed: '/news.json', loading: 'lazy' });
    element.style.marginTop = '9000px';
    IOMNews.unmount(element);
    document.querySelector('iom-news').remove();
    return ready;
  });
  assert.equal(result, null);
  await tab.evaluate(() => window.scrollTo(0, 1e6));
  await tab.waitForTimeout(500);
  assert.equal(fetched()['/news.json'], 0);
  assert.deepEqual(problems, []);
  await tab.close();
});
