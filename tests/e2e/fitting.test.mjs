// Fitting the pages it lands on (issue 17): where a compact list's clicks go, the heading, the
// themes that paint and the one that inherits, filters on a phone, the keyboard in a release,
// and fifty widgets on one page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, watch, activeText } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));

let server;
let chrome;
before(async () => {
  const page = (body, { style = '' } = {}) => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>t</title><link rel="icon" href="data:,">${style}<script src="/iom-news.js"></script></head>
<body><main>${body}</main></body></html>`;
  const fifty = [];
  const feeds = ['/news.json', '/synthetic.json', '/feed.json'];
  const layouts = ['list', 'cards', 'compact'];
  for (let i = 0; i < 50; i++) {
    fifty.push(`<iom-news id="w${i}" feed="${feeds[i % 3]}" layout="${layouts[(i >> 1) % 3]}" page-size="3"></iom-news>`);
  }
  const routes = {
    '/sidebar.html': ['text/html; charset=utf-8', page(`
      <iom-news id="main-news" feed="/news.json"></iom-news>
      <aside><iom-news id="side" feed="/news.json" layout="compact" page-size="3" open="#main-news"></iom-news></aside>
      <aside><iom-news id="away" feed="/news.json" layout="compact" page-size="3" open="/newsroom/#latest"></iom-news></aside>`)],
    '/headings.html': ['text/html; charset=utf-8', page(`
      <iom-news id="none" feed="/news.json" heading="none" page-size="2"></iom-news>
      <iom-news id="own" feed="/news.json" heading="Latest from IOM" page-size="2"></iom-news>`)],
    '/themes.html': ['text/html; charset=utf-8', page(`
      <div class="host-dark"><iom-news id="inherit" feed="/news.json" theme="inherit" page-size="2"></iom-news></div>
      <iom-news id="dark" feed="/news.json" theme="dark" page-size="2"></iom-news>
      <iom-news id="light" feed="/news.json" page-size="2"></iom-news>
      <iom-news id="boxed" feed="/news.json" page-size="2"></iom-news>`, { style: '<link rel="stylesheet" href="/themes.css">' })],
    '/themes.css': ['text/css', `.host-dark { background: rgb(20, 40, 60); color: rgb(250, 240, 230); }
      #boxed { --iom-news-surface: rgb(238, 238, 238); --iom-news-padding: 20px; }`],
    '/phone.html': ['text/html; charset=utf-8', page('<h1>News</h1><iom-news feed="/news.json"></iom-news>')],
    '/fifty.html': ['text/html; charset=utf-8', page(fifty.join('\n'))],
  };
  server = await serve(DIST, routes);
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

async function open(path, { width = 1280, height = 900 } = {}) {
  const tab = await chrome.context.newPage();
  await tab.setViewportSize({ width, height });
  const problems = watch(tab);
  await tab.goto(`${server.url}${path}`);
  return { tab, problems };
}

test('open="#id": a compact list opens its releases in the main widget; open="URL" links to the news page', async () => {
  const { tab, problems } = await open('/sidebar.html');
  const side = tab.locator('iom-news#side');
  const main = tab.locator('iom-news#main-news');
  await side.locator('.iom-news__card').first().waitFor();
  await main.locator('.iom-news__card').first().waitFor();
  const first = side.locator('.iom-news__card-link').first();
  const title = await first.textContent();
  assert.match(await first.getAttribute('href'), /^#iom-news:main-news=/);
  await first.click();
  await main.locator('.iom-news__release-title', { hasText: title }).waitFor();
  assert.equal(await side.locator('.iom-news__list').count(), 1, 'the sidebar keeps its list');
  assert.match(decodeURIComponent(new URL(tab.url()).hash), /^#iom-news:main-news=/);
  const away = await tab.locator('iom-news#away .iom-news__card-link').first().getAttribute('href');
  assert.match(away, new RegExp(`^${server.url}/newsroom/#iom-news:latest=`));
  assert.deepEqual(problems, []);
  await tab.close();
});

test('heading="none" hides the feed title; heading="..." replaces it', async () => {
  const { tab, problems } = await open('/headings.html');
  await tab.locator('iom-news#own .iom-news__card').first().waitFor();
  await tab.locator('iom-news#none .iom-news__card').first().waitFor();
  assert.equal(await tab.locator('iom-news#none .iom-news__feed-title').count(), 0);
  assert.equal(await tab.locator('iom-news#own .iom-news__feed-title').textContent(), 'Latest from IOM');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('themes: dark paints its ground and pads it; inherit takes the page\'s colours; light shows the page through', async () => {
  const { tab, problems } = await open('/themes.html');
  for (const id of ['inherit', 'dark', 'light']) await tab.locator(`iom-news#${id} .iom-news__card`).first().waitFor();
  const look = (id) => tab.locator(`iom-news#${id} .iom-news`).evaluate((root) => {
    const style = getComputedStyle(root);
    const title = getComputedStyle(root.querySelector('.iom-news__summary'));
    return { ground: style.backgroundColor, padding: style.paddingTop, text: title.color };
  });
  const dark = await look('dark');
  assert.notEqual(dark.ground, 'rgba(0, 0, 0, 0)');
  assert.equal(dark.padding, '16px');
  const inherit = await look('inherit');
  assert.equal(inherit.ground, 'rgba(0, 0, 0, 0)');
  assert.equal(inherit.padding, '0px');
  assert.equal(inherit.text, 'rgb(250, 240, 230)', 'the page\'s text colour');
  const light = await look('light');
  assert.equal(light.ground, 'rgba(0, 0, 0, 0)');
  assert.equal(light.padding, '0px');
  // A light box the page asks for: its ground, and its content kept off the edges.
  const boxed = await look('boxed');
  assert.equal(boxed.ground, 'rgb(238, 238, 238)');
  assert.equal(boxed.padding, '20px');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('on a 360 px phone the filters fold behind one button and the first headline is on the first screen', async () => {
  const { tab, problems } = await open('/phone.html', { width: 360, height: 640 });
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  const toggle = widget.locator('.iom-news__filter-toggle');
  assert.ok(await toggle.isVisible());
  assert.equal(await widget.locator('.iom-news__select').first().isVisible(), false);
  const top = await widget.locator('.iom-news__card-title').first().evaluate((h) => h.getBoundingClientRect().bottom);
  assert.ok(top < 640, `the first headline ends at ${top} px`);
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await widget.locator('.iom-news__select').first().selectOption({ index: 1 });
  await tab.waitForFunction(() => /\(1\)/.test(document.querySelector('iom-news').shadowRoot
    .querySelector('.iom-news__filter-toggle').textContent));
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a release: focus on its heading with Back in view, Escape goes back, a second Back at the end on a phone', async () => {
  const { tab, problems } = await open('/phone.html', { width: 360, height: 640 });
  const widget = tab.locator('iom-news');
  const link = widget.locator('.iom-news__card-link').nth(2);
  await link.scrollIntoViewIfNeeded();
  const title = await link.textContent();
  await link.click();
  await widget.locator('.iom-news__release-title').waitFor();
  assert.equal(await tab.evaluate(activeText), title);
  const back = await widget.locator('.iom-news__back').evaluate((b) => {
    const r = b.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= innerHeight + 1;
  });
  assert.ok(back, 'Back is in view');
  assert.ok(await widget.locator('.iom-news__back-end').isVisible(), 'a second Back at the end');
  await tab.keyboard.press('Escape');
  await widget.locator('.iom-news__list').waitFor();
  assert.equal(await tab.evaluate(activeText), title, 'focus returns to the release');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('fifty widgets of three feeds on one page: all render, each feed is fetched once, no long task over 200 ms', async () => {
  const tab = await chrome.context.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  await tab.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const problems = watch(tab);
  const before = { ...server.hits };
  await tab.goto(`${server.url}/fifty.html`);
  await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')]
    .every((w) => w.dataset.iomNewsState === 'ready'), null, { timeout: 30000 });
  await tab.waitForTimeout(300);
  for (const feed of ['/news.json', '/synthetic.json', '/feed.json']) {
    assert.equal((server.hits[feed] ?? 0) - (before[feed] ?? 0), 1, `${feed} fetched once`);
  }
  const longest = await tab.evaluate(() => window.__longest);
  console.log(`fifty widgets: longest task ${Math.round(longest)} ms`);
  assert.ok(longest <= 200, `a task of ${longest} ms`);
  assert.deepEqual(problems, []);
  await tab.close();
});
