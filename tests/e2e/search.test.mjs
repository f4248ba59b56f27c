// Finding news: search as you type (case-, accent- and script-insensitive) with highlights,
// filters with counts, newest first, an empty state with "clear", a live count, and the
// search kept in the address.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, hostPage, feedJson } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const item = (id, title, extra = {}) => ({ id, title, content_text: `Body of ${id}.`, ...extra });
const feed = feedJson([
  item('undated', 'Undated sample release about labour migration', { _iom: { countries: ['MNG'] } }),
  item('old', 'Sample release in Sénégal', { date_published: '2024-05-01T10:00:00Z', _iom: { countries: ['SEN'] }, tags: ['Migration Health'] }),
  item('new', 'Sample release about labour migration', { date_published: '2026-11-01T10:00:00Z', _iom: { countries: ['MNG'] }, tags: ['Labour Migration'] }),
  item('mid', 'Образец: помощь переселенцам', { date_published: '2025-06-01T10:00:00+03:00', _iom: { countries: ['UKR'] } }),
  item('zh', '国际移民组织 sample', { date_published: '2025-01-01T10:00:00Z', _iom: { countries: ['CHN'] } }),
]);

let server;
let chrome;
before(async () => {
  server = await serve(DIST, {
    '/search.json': ['application/json', feed],
    '/search.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/search.json"></iom-news>')],
    '/locked.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/search.json" country="MNG"></iom-news>')],
    // Country codes whose order is not their names' in English, French or Chinese.
    '/countries.json': ['application/json', feedJson(['DEU', 'CHE', 'EGY', 'AUT', 'ESP', 'CHN'].map((code, i) =>
      item(`c${i}`, `Release ${i}`, { _iom: { countries: [code] } })))],
    '/countries-en.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/countries.json" lang="en"></iom-news>')],
    '/countries-fr.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/countries.json" lang="fr"></iom-news>')],
    '/countries-zh.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/countries.json" lang="zh"></iom-news>')],
  });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

const titles = (tab) => tab.locator('iom-news .iom-news__card-title').allTextContents();

test('newest first, undated last; search as you type, in any script, with highlights', async () => {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/search.html`);
  await tab.locator('iom-news .iom-news__card').first().waitFor();
  assert.deepEqual(await titles(tab), [
    'Sample release about labour migration',
    'Образец: помощь переселенцам',
    '国际移民组织 sample',
    'Sample release in Sénégal',
    'Undated sample release about labour migration',
  ]);
  const search = tab.locator('iom-news input[type=search]');
  await search.pressSequentially('SENEGAL');
  await tab.waitForFunction(() => document.querySelector('iom-news').shadowRoot.querySelector('.iom-news__card-title mark')?.textContent === 'Sénégal');
  assert.deepEqual(await titles(tab), ['Sample release in Sénégal']);
  assert.equal(await tab.locator('iom-news .iom-news__card-title mark').textContent(), 'Sénégal');
  assert.equal(await tab.locator('iom-news .iom-news__count').textContent(), '1 result');

  for (const [text, expected] of [['ПОМОЩЬ', ['Образец: помощь переселенцам']], ['移民', ['国际移民组织 sample']],
    ['labour migration', ['Sample release about labour migration', 'Undated sample release about labour migration']]]) {
    await search.fill(text);
    await tab.waitForFunction((n) => document.querySelector('iom-news').shadowRoot.querySelectorAll('.iom-news__card').length === n, expected.length);
    assert.deepEqual(await titles(tab), expected, text);
  }
  assert.equal(await tab.locator('iom-news .iom-news__count').textContent(), '2 results');
  assert.equal(await tab.locator('iom-news .iom-news__count').getAttribute('role'), 'status');
  await tab.close();
});

test('the country filter is sorted by the names the reader sees, in the reader\'s language', async () => {
  const expected = {
    en: ['Austria', 'China', 'Egypt', 'Germany', 'Spain', 'Switzerland'],
    fr: ['Allemagne', 'Autriche', 'Chine', 'Égypte', 'Espagne', 'Suisse'],
  };
  for (const lang of ['en', 'fr', 'zh']) {
    const tab = await chrome.context.newPage();
    await tab.goto(`${server.url}/countries-${lang}.html`);
    const country = tab.locator('iom-news select').first();
    await country.waitFor();
    const names = (await country.locator('option').allTextContents()).slice(1).map((o) => o.replace(/\s*[(（]1[)）]$/, ''));
    if (expected[lang]) assert.deepEqual(names, expected[lang], lang);
    // In any language: the order of the names by the language's own collation, never the codes'.
    const sorted = await tab.evaluate(([list, l]) => [...list].sort(new Intl.Collator(l).compare), [names, lang]);
    assert.deepEqual(names, sorted, lang);
    assert.equal(names.length, 6);
    await tab.close();
  }
});

test('filters list only values present, with counts, and combine with the search', async () => {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/search.html`);
  const country = tab.locator('iom-news select').first();
  await country.waitFor();
  const options = await country.locator('option').allTextContents();
  assert.deepEqual(options, ['All', 'China (1)', 'Mongolia (2)', 'Senegal (1)', 'Ukraine (1)']);
  await country.selectOption('MNG');
  await tab.waitForFunction(() => document.querySelector('iom-news').shadowRoot.querySelectorAll('.iom-news__card').length === 2);
  await tab.locator('iom-news input[type=search]').fill('undated');
  await tab.waitForFunction(() => document.querySelector('iom-news').shadowRoot.querySelectorAll('.iom-news__card').length === 1);
  assert.deepEqual(await titles(tab), ['Undated sample release about labour migration']);

  // The search and filters are in the address; a reload restores them.
  const hash = new URL(tab.url()).hash;
  assert.match(hash, /iom-news\.q=undated/);
  assert.match(hash, /iom-news\.country=MNG/);
  await tab.reload();
  await tab.waitForFunction(() => document.querySelector('iom-news')?.shadowRoot?.querySelectorAll('.iom-news__card').length === 1);
  assert.equal(await tab.locator('iom-news input[type=search]').inputValue(), 'undated');
  assert.equal(await tab.locator('iom-news select').first().inputValue(), 'MNG');

  // Nothing found: a clear message, and "clear filters" brings everything back.
  await tab.locator('iom-news input[type=search]').fill('zzzz');
  await tab.locator('iom-news .iom-news__empty').waitFor();
  assert.match(await tab.locator('iom-news .iom-news__empty').textContent(), /No news matches your search\./);
  await tab.locator('iom-news .iom-news__empty .iom-news__clear').click();
  await tab.waitForFunction(() => document.querySelector('iom-news').shadowRoot.querySelectorAll('.iom-news__card').length === 5);
  assert.equal(new URL(tab.url()).hash, '');
  await tab.close();
});

test('a pre-set filter narrows the list and its control is not shown', async () => {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/locked.html`);
  await tab.locator('iom-news .iom-news__card').first().waitFor();
  assert.equal((await titles(tab)).length, 2);
  const labels = await tab.locator('iom-news .iom-news__label').allTextContents();
  assert.ok(!labels.includes('Country'), labels.join());
  await tab.close();
});
