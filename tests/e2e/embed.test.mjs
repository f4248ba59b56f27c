// End to end: the example host pages of www/examples/ (copied to dist/examples/), in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { serve, browser, watch, hostPage, activeText } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const SHOTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const TITLE = 'IOM, Mongolia Support Greater Protection of Labour Migrants';
const ID = 'iom-mongolia-support-greater-protection-of-labour-migrants';
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' https: data:; base-uri 'none'; object-src 'none'";
const WASM = '/iom-news-widget_bg.wasm';

let server;
let chrome;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  const routes = {
    '/api.html': ['text/html; charset=utf-8', hostPage(`
      <div id="by-api"></div>
      <iom-news id="attrs" feed="/synthetic.json" page-size="2" theme="purple" layout="grid"></iom-news>
      <iom-news id="quiet" feed="/feed.json" links="off"></iom-news>`)],
  };
  server = await serve(DIST, routes, { '/examples/csp.html': { 'content-security-policy': CSP } });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

async function open(path, { width = 1280 } = {}) {
  const tab = await chrome.context.newPage();
  await tab.setViewportSize({ width, height: 900 });
  const problems = watch(tab);
  const warnings = [];
  tab.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`);
    });
  });
  const response = await tab.goto(`${server.url}${path}`);
  return { tab, problems, warnings, response };
}

const shot = (tab, name) => tab.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true });

// Computed styles that must not depend on the host page.
async function styles(tab) {
  return tab.locator('iom-news').first().evaluate((host) => {
    const root = host.shadowRoot;
    const picks = ['.iom-news', '.iom-news__feed-title', '.iom-news__card-link', '.iom-news__meta', '.iom-news__summary', '.iom-news__dateline'];
    const props = ['color', 'background-color', 'font-size', 'font-family', 'font-weight', 'line-height', 'letter-spacing',
      'text-transform', 'text-decoration-line', 'margin-top', 'margin-bottom', 'padding-top', 'display', 'direction', 'text-align'];
    return Object.fromEntries(picks.map((sel) => {
      const el = root.querySelector(sel);
      const cs = getComputedStyle(el);
      return [sel, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
    }));
  });
}

test('plain page: one script tag mounts the widget right after itself', async () => {
  const { tab, problems } = await open('/examples/plain.html', { width: 900 });
  const card = tab.locator('iom-news .iom-news__card', { hasText: TITLE });
  await card.waitFor();
  const placed = await tab.evaluate(() => {
    const script = document.querySelector('script[data-feed]');
    return script.nextElementSibling?.localName;
  });
  assert.equal(placed, 'iom-news');
  assert.equal(await tab.evaluate(() => !!document.querySelector('iom-news').shadowRoot), true);
  assert.deepEqual(problems, []);
  await shot(tab, 'example-plain');
  await tab.close();
});

test('hostile page: the host CSS cannot change the widget, the widget CSS cannot change the page', async () => {
  const plain = await open('/examples/plain.html', { width: 900 });
  await plain.tab.locator('iom-news .iom-news__card').waitFor();
  const expected = await styles(plain.tab);
  await plain.tab.close();

  const { tab, problems } = await open('/examples/hostile.html', { width: 900 });
  await tab.locator('iom-news .iom-news__card').waitFor();
  assert.deepEqual(await styles(tab), expected);
  // The page keeps its own (hostile) look: its div stays hidden, and no widget stylesheet
  // reached the document.
  assert.equal(await tab.evaluate(() => getComputedStyle(document.querySelector('main > div')).display), 'none');
  assert.equal(await tab.evaluate(() => [...document.styleSheets].some((s) => s.href?.includes('iom-news.css'))), false);
  // It still works: open the release.
  await tab.locator('iom-news .iom-news__card-link').click();
  await tab.locator('iom-news .iom-news__release-title').waitFor();
  assert.deepEqual(problems, []);
  await shot(tab, 'example-hostile');
  await tab.close();
});

test('strict CSP page: the widget works with no violation', async () => {
  const { tab, problems, response } = await open('/examples/csp.html', { width: 900 });
  assert.equal(response.headers()['content-security-policy'], CSP, 'the test server sends the CSP header');
  await tab.locator('iom-news .iom-news__card-link').click();
  await tab.locator('iom-news .iom-news__contact-email a').waitFor();
  assert.equal(await tab.locator('iom-news .iom-news__body p').count(), 8);
  await tab.waitForTimeout(200);
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await shot(tab, 'example-csp');
  await tab.close();
});

test('three instances open releases independently, with deep links that do not clash', async () => {
  const { tab, problems } = await open('/examples/three.html');
  const main = tab.locator('iom-news#main');
  const dark = tab.locator('iom-news#dark');
  const sidebar = tab.locator('iom-news#sidebar');
  await main.locator('.iom-news__card').waitFor();
  await dark.locator('.iom-news__card').first().waitFor();
  assert.equal(await sidebar.locator('.iom-news__card').count(), 5, 'page-size="5"');
  assert.equal(await dark.locator('.iom-news__card').count(), 3, 'page-size="3"');
  assert.equal(await dark.locator('.iom-news').getAttribute('data-theme'), 'dark');
  assert.match(await dark.locator('.iom-news').getAttribute('class'), /iom-news--cards/);
  await shot(tab, 'example-three');

  await main.locator('.iom-news__card-link').click();
  await main.locator('.iom-news__release-title').waitFor();
  // The dark cards show www/news.json, newest first: its second release.
  const [, second] = JSON.parse(readFileSync(new URL('../../www/news.json', import.meta.url), 'utf8')).items
    .sort((a, b) => Date.parse(b.date_published) - Date.parse(a.date_published));
  await dark.locator('.iom-news__card-link').nth(1).click();
  await dark.locator('.iom-news__release-title').waitFor();
  assert.equal(new URL(tab.url()).hash, `#iom-news:main=${ID}&iom-news:dark=${second.id}`);
  assert.equal(await sidebar.locator('.iom-news__list').count(), 1, 'the sidebar stays on its list');

  await tab.reload();
  await main.locator('.iom-news__release-title').waitFor();
  await dark.locator('.iom-news__release-title').waitFor();
  assert.equal(await dark.locator('.iom-news__release-title').textContent(), second.title);

  await tab.goBack();
  await dark.locator('.iom-news__list').waitFor();
  assert.equal(await main.locator('.iom-news__release-title').textContent(), TITLE, 'back closes only the last');
  assert.equal(await tab.evaluate((p) => performance.getEntriesByType('resource').filter((r) => r.name.endsWith(p)).length, WASM), 1,
    'the wasm is fetched once for three widgets');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('router page: the host fragment router keeps working beside the widget', async () => {
  const { tab, problems } = await open('/examples/router.html#/home');
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card-link').click();
  await widget.locator('.iom-news__release-title').waitFor();
  assert.equal(new URL(tab.url()).hash, `#/home&iom-news=${ID}`);
  assert.equal(await tab.locator('#route').textContent(), 'home');

  await tab.goBack();
  await widget.locator('.iom-news__list').waitFor();
  assert.equal(new URL(tab.url()).hash, '#/home');
  assert.equal(await tab.locator('#route').textContent(), 'home');

  await tab.locator('nav a', { hasText: 'About' }).click();
  await tab.waitForFunction(() => document.getElementById('route').textContent === 'about');
  assert.equal(await tab.locator('#page-about').isVisible(), true);
  await tab.goBack();
  await tab.waitForFunction(() => document.getElementById('route').textContent === 'home');
  assert.equal(await widget.locator('.iom-news__list').count(), 1);
  assert.deepEqual(problems, []);
  await shot(tab, 'example-router');
  await tab.close();
});

test('late page: an element added after load mounts, with the wasm fetched once', async () => {
  const { tab, problems } = await open('/examples/late.html');
  assert.equal(await tab.locator('iom-news').count(), 0);
  await tab.locator('#add').click();
  await tab.locator('iom-news .iom-news__card').first().waitFor();
  assert.equal(await tab.locator('iom-news .iom-news__card').count(), 4);
  await tab.locator('#add').click();
  await tab.locator('iom-news >> nth=1').locator('.iom-news__card').first().waitFor();
  assert.equal(await tab.evaluate((p) => performance.getEntriesByType('resource').filter((r) => r.name.endsWith(p)).length, WASM), 1);
  assert.deepEqual(problems, []);
  await shot(tab, 'example-late');
  await tab.close();
});

test('attributes: bad values warn and fall back; live changes apply; links="off" leaves the URL alone', async () => {
  const { tab, warnings } = await open('/api.html');
  const attrs = tab.locator('iom-news#attrs');
  await attrs.locator('.iom-news__card').first().waitFor();
  assert.equal(await attrs.locator('.iom-news').getAttribute('data-theme'), 'light');
  assert.match(await attrs.locator('.iom-news').getAttribute('class'), /iom-news--list/);
  const log = warnings.join('\n');
  assert.match(log, /theme="purple" is not valid; use light, dark, auto or inherit\. Using light\./);
  assert.match(log, /layout="grid" is not valid; use list, cards or compact\. Using list\./);
  assert.equal(await attrs.locator('.iom-news__card').count(), 2);

  // "More news" shows the next page-size releases and moves focus to the first new one.
  await attrs.locator('.iom-news__more').click();
  await attrs.locator('.iom-news__card >> nth=3').waitFor();
  assert.equal(await tab.evaluate(activeText), 'Sample release 3');

  await tab.locator('iom-news#attrs').evaluate((el) => {
    el.setAttribute('theme', 'dark');
    el.setAttribute('country', 'MNG');
  });
  await tab.waitForFunction(() => document.querySelector('#attrs').shadowRoot.querySelector('.iom-news').dataset.theme === 'dark');
  const countries = await attrs.locator('.iom-news__countries').allTextContents();
  assert.ok(countries.length > 0 && countries.every((c) => c === 'Mongolia'), countries.join());

  const quiet = tab.locator('iom-news#quiet');
  const before = tab.url();
  await quiet.locator('.iom-news__card-link').click();
  await quiet.locator('.iom-news__release-title').waitFor();
  assert.equal(tab.url(), before, 'links="off": the address is untouched');
  await tab.close();
});

test('JS API: IOMNews.mount renders into any element; open and close events reach the host', async () => {
  const { tab, problems } = await open('/api.html');
  await tab.waitForFunction(() => window.IOMNews);
  await tab.evaluate(async () => {
    const target = document.getElementById('by-api');
    window.__events = [];
    target.addEventListener('iom-news:open', (e) => window.__events.push(`open ${e.detail}`));
    target.addEventListener('iom-news:close', (e) => window.__events.push(`close ${e.detail}`));
    await window.IOMNews.mount(target, { feed: '/feed.json', layout: 'compact', pageSize: 5 });
  });
  const widget = tab.locator('#by-api');
  await widget.locator('.iom-news__card-link').click();
  await widget.locator('.iom-news__back').click();
  await widget.locator('.iom-news__list').waitFor();
  assert.deepEqual(await tab.evaluate(() => window.__events), [`open ${ID}`, `close ${ID}`]);
  assert.match(await widget.locator('.iom-news').getAttribute('class'), /iom-news--compact/);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('open and close events reach the host for every open and close: clicks, Back, Forward, a deep link', async () => {
  const { tab, problems } = await open('/examples/plain.html');
  await tab.evaluate(() => {
    window.__events = [];
    for (const name of ['iom-news:open', 'iom-news:close']) {
      document.addEventListener(name, (e) => window.__events.push(`${e.type.slice(9)} ${e.detail}`));
    }
  });
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card-link').click();
  await widget.locator('.iom-news__release-title').waitFor();
  await tab.goBack();
  await widget.locator('.iom-news__list').waitFor();
  await tab.goForward();
  await widget.locator('.iom-news__release-title').waitFor();
  await widget.locator('.iom-news__back').click();
  await widget.locator('.iom-news__list').waitFor();
  assert.deepEqual(await tab.evaluate(() => window.__events), [`open ${ID}`, `close ${ID}`, `open ${ID}`, `close ${ID}`]);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('changing lang on a live widget does not fetch the feed again', async () => {
  const { tab, problems } = await open('/api.html');
  const quiet = tab.locator('iom-news#quiet');
  await quiet.locator('.iom-news__card').waitFor();
  const before = server.hits['/feed.json'];
  await quiet.evaluate((el) => el.setAttribute('lang', 'fr'));
  await quiet.evaluate((el) => el.setAttribute('layout', 'compact'));
  await tab.waitForFunction(() => document.querySelector('#quiet').shadowRoot.querySelector('.iom-news--compact'));
  await tab.waitForTimeout(200);
  assert.equal(server.hits['/feed.json'], before, 'the feed was fetched again');
  assert.equal(await quiet.locator('.iom-news__card').count(), 1);
  assert.deepEqual(problems, []);
  await tab.close();
});
