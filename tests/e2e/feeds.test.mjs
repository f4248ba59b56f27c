// End to end: what the widget does with broken, partly broken, inline and paged feeds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, watch, hostPage, feedJson, activeText } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const JSON_TYPE = 'application/json';
const item = (id, extra = {}) => ({ id, title: `Release ${id}`, content_text: `Body of ${id}.`, ...extra });

const LATIN1 = feedJson([item('bytes', { title: 'Caf@ au lait' })]).split('@');

let server;
let chrome;
before(async () => {
  const routes = {
    '/broken.json': [JSON_TYPE, '{\n  "version": "https://jsonfeed.org/version/1.1",\n  "items": [\n    {"id": 1,}\n  ]\n}'],
    '/partly.json': [JSON_TYPE, feedJson([
      item('good-1'),
      item('no-date', { date_published: '29/11/2026' }),
      { title: 'No id', content_text: 'x' },
      item('good-2', { _iom: { dateLine: 'typo' } }),
    ])],
    '/chain/1.json': [JSON_TYPE, feedJson([item('a'), item('b')], { next_url: '2.json' })],
    '/chain/2.json': [JSON_TYPE, feedJson([item('c'), item('b'), item('d')], { next_url: '/chain/3.json' })],
    '/chain/3.json': [JSON_TYPE, feedJson([item('e')])],
    '/loop/1.json': [JSON_TYPE, feedJson([item('a')], { next_url: '2.json' })],
    '/loop/2.json': [JSON_TYPE, feedJson([item('b')], { next_url: '1.json' })],
    '/fail/1.json': [JSON_TYPE, feedJson([item('a')], { next_url: 'missing.json' })],
    // Bytes as a server may send them: a byte order mark first, a stray Latin-1 é inside.
    '/bytes.json': [JSON_TYPE, Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(LATIN1[0]),
      Buffer.from([0xe9]),
      Buffer.from(LATIN1[1]),
    ])],
  };
  const pages = {
    '/broken.html': '<iom-news feed="/broken.json"></iom-news>',
    '/partly.html': '<iom-news feed="/partly.json"></iom-news>',
    '/chain.html': '<iom-news feed="/chain/1.json"></iom-news>',
    '/loop.html': '<iom-news feed="/loop/1.json"></iom-news>',
    '/fail.html': '<iom-news feed="/fail/1.json"></iom-news>',
    '/inline.html': `<script type="application/feed+json" id="news">${feedJson([item('inline-1'), item('inline-2')])}</script>
      <iom-news feed="#news"></iom-news>`,
    '/inline-missing.html': '<iom-news feed="#nowhere"></iom-news>',
    '/bytes.html': '<iom-news feed="/bytes.json"></iom-news>',
  };
  for (const [path, body] of Object.entries(pages)) {
    routes[path] = ['text/html; charset=utf-8', hostPage(body)];
  }
  server = await serve(DIST, routes);
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

async function open(path) {
  const tab = await chrome.context.newPage();
  const problems = watch(tab);
  const warnings = [];
  tab.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  const requests = [];
  tab.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await tab.goto(`${server.url}${path}`);
  return { tab, problems, warnings, requests };
}

const titles = (tab) => tab.locator('.iom-news__card-title').allTextContents();

test('a feed that is not JSON shows readers a short message and the web team the details in the console', async () => {
  const { tab, problems } = await open('/broken.html');
  const alert = tab.locator('iom-news [role=alert]');
  await alert.waitFor();
  assert.equal(await alert.locator('p').first().textContent(), 'The news could not be loaded.');
  assert.equal(await alert.locator('a').getAttribute('href'), 'https://www.iom.int/news');
  assert.ok(
    problems.some((p) => p.includes('not valid JSON at line 4, column 14: a comma before } (trailing comma)')),
    problems.join('\n'),
  );
  await tab.close();
});

test('feed bytes are read as Response.text() reads them: BOM dropped, bad bytes replaced', async () => {
  const { tab, problems, warnings } = await open('/bytes.html');
  await tab.locator('iom-news .iom-news__card-title').first().waitFor();
  assert.deepEqual(await titles(tab), ['Caf\uFFFD au lait']);
  assert.deepEqual(problems, []);
  // The console says where, counting after the byte order mark.
  const lines = LATIN1[0].split('\n');
  const where = `line ${lines.length}, column ${[...lines.at(-1)].length + 1} (byte 0xE9)`;
  assert.ok(
    warnings.some((w) => w.includes(`the feed "/bytes.json" is not UTF-8 at ${where}; save the file as UTF-8; shown with replacement characters`)),
    warnings.join('\n'),
  );
  await tab.close();
});

test('a wrong field hides only itself; only an item without an id is skipped', async () => {
  const { tab, warnings } = await open('/partly.html');
  await tab.locator('.iom-news__list').waitFor();
  assert.deepEqual(await titles(tab), ['Release good-1', 'Release no-date', 'Release good-2']);
  assert.equal(await tab.locator('.iom-news__notice').count(), 0, 'readers are not told about the console');
  const log = warnings.join('\n');
  assert.match(log, /warning: items\[1\]\.date_published: not an RFC 3339 date: "29\/11\/2026".*; the release is shown without it/);
  assert.match(log, /item 2 skipped: items\[2\]\.id: missing/);
  assert.match(log, /warning: items\[3\]\._iom\.dateLine: unknown field, ignored; did you mean "dateline"\?/);
  await tab.close();
});

test('an inline feed renders with no request for the feed', async () => {
  const { tab, requests, problems } = await open('/inline.html');
  await tab.locator('.iom-news__list').waitFor();
  assert.deepEqual(await titles(tab), ['Release inline-1', 'Release inline-2']);
  assert.ok(!requests.some((r) => r.endsWith('.json')), requests.join('\n'));
  assert.deepEqual(problems, []);
  await tab.close();
});

test('an inline feed that is not on the page is reported', async () => {
  const { tab, problems } = await open('/inline-missing.html');
  const alert = tab.locator('iom-news [role=alert]');
  await alert.waitFor();
  assert.equal(await alert.locator('p').first().textContent(), 'The news could not be loaded.');
  assert.equal(await alert.locator('a').getAttribute('href'), 'https://www.iom.int/news');
  assert.ok(problems.some((p) => p.includes('inline feed #nowhere is not on the page')), problems.join('\n'));
  await tab.close();
});

test('a three-page chain loads on demand, skips repeats and ends', async () => {
  const { tab, warnings, problems } = await open('/chain.html');
  const more = tab.locator('.iom-news__more');
  await more.waitFor();
  assert.deepEqual(await titles(tab), ['Release a', 'Release b']);
  await more.click();
  await tab.locator('.iom-news__card-title', { hasText: 'Release d' }).waitFor();
  assert.deepEqual(await titles(tab), ['Release a', 'Release b', 'Release c', 'Release d']);
  // Reading goes on where the new page starts.
  assert.equal(await tab.evaluate(activeText), 'Release c');
  assert.match(warnings.join('\n'), /the release "b" is already on an earlier page; skipped/);
  await more.click();
  await tab.locator('.iom-news__card-title', { hasText: 'Release e' }).waitFor();
  assert.equal((await titles(tab)).length, 5);
  assert.equal(await more.count(), 0, 'the last page offers no more');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a next_url loop stops with a message', async () => {
  const { tab, warnings } = await open('/loop.html');
  await tab.locator('.iom-news__more').click();
  const notice = tab.locator('.iom-news__notice');
  await notice.waitFor();
  assert.equal(await notice.textContent(), 'There is no more news.');
  assert.deepEqual(await titles(tab), ['Release a', 'Release b']);
  assert.equal(await tab.locator('.iom-news__more').count(), 0);
  assert.match(warnings.join('\n'), /next_url .*\/loop\/1\.json leads back to a page already loaded/);
  await tab.close();
});

test('a next page that fails says so and can be tried again', async () => {
  const { tab, problems } = await open('/fail.html');
  await tab.locator('.iom-news__more').click();
  const alert = tab.locator('.iom-news__more-failed');
  await alert.waitFor();
  assert.match(await alert.textContent(), /More news could not be loaded/);
  assert.equal(await tab.locator('.iom-news__more').textContent(), 'Try again');
  assert.ok(problems.some((p) => p.includes('/fail/missing.json') && p.includes('404')), problems.join('\n'));
  await tab.close();
});
