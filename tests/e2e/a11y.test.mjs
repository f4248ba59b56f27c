// Accessibility: axe-core finds no violation in the list, the release view, the dark cards
// layout and the error state; the keyboard alone reaches and opens a release.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve, browser, hostPage, activeText } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let server;
let chrome;
before(async () => {
  server = await serve(DIST, {
    '/missing-feed.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/nope.json"></iom-news>')],
    '/phone-ar.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/news-ar.json" lang="ar"></iom-news>')],
    '/phone-zh.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/news-zh.json" lang="zh"></iom-news>')],
    '/phone-en.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/news.json" theme="dark"></iom-news>')],
  });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

async function axe(tab) {
  await tab.addScriptTag({ content: AXE });
  const result = await tab.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test('no axe violations in the list and the release view', async () => {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/`);
  await tab.locator('iom-news#synthetic .iom-news__card').first().waitFor();
  await tab.locator('iom-news:not([id]) .iom-news__card').waitFor();
  assert.deepEqual(await axe(tab), []);
  await tab.locator('iom-news:not([id]) .iom-news__card-link').click();
  await tab.locator('iom-news .iom-news__contacts').waitFor();
  assert.deepEqual(await axe(tab), []);
  await tab.close();
});

test('no axe violations in the dark cards and compact layouts', async () => {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/examples/three.html`);
  await tab.locator('iom-news#dark .iom-news__card').first().waitFor();
  await tab.locator('iom-news#sidebar .iom-news__card').first().waitFor();
  assert.deepEqual(await axe(tab), []);
  await tab.close();
});

test('no axe violations on a 360 px phone with the filters open and with no results, in Arabic, Chinese and English (dark)', async () => {
  for (const page of ['/phone-ar.html', '/phone-zh.html', '/phone-en.html']) {
    const tab = await chrome.context.newPage();
    await tab.setViewportSize({ width: 360, height: 740 });
    await tab.goto(`${server.url}${page}`);
    await tab.locator('iom-news .iom-news__card').first().waitFor();
    await tab.locator('iom-news .iom-news__filter-toggle').click();
    await tab.locator('iom-news .iom-news__select').first().waitFor({ state: 'visible' });
    assert.deepEqual(await axe(tab), [], `${page}, filters open`);
    await tab.locator('iom-news .iom-news__search').fill('zzzzqqq');
    await tab.locator('iom-news .iom-news__empty').waitFor();
    assert.deepEqual(await axe(tab), [], `${page}, no results`);
    await tab.close();
  }
});

test('no axe violations in the error state', async () => {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/missing-feed.html`);
  await tab.locator('iom-news .iom-news__error').waitFor();
  assert.deepEqual(await axe(tab), []);
  await tab.close();
});

test('the keyboard alone reaches a release, opens it and comes back', async () => {
  const tab = await chrome.context.newPage();
  await tab.goto(`${server.url}/examples/plain.html`);
  await tab.locator('iom-news .iom-news__card').waitFor();
  // Tab through the search box and the filters to the release.
  for (let i = 0; i < 10 && (await tab.evaluate(activeText)) !== 'IOM, Mongolia Support Greater Protection of Labour Migrants'; i++) {
    await tab.keyboard.press('Tab');
  }
  assert.equal(await tab.evaluate(activeText), 'IOM, Mongolia Support Greater Protection of Labour Migrants');
  await tab.keyboard.press('Enter');
  await tab.locator('iom-news .iom-news__release-title').waitFor();
  assert.equal(await tab.evaluate(activeText), 'IOM, Mongolia Support Greater Protection of Labour Migrants');
  await tab.keyboard.press('Shift+Tab');
  assert.equal(await tab.evaluate(activeText), 'Back to all news');
  await tab.keyboard.press('Enter');
  await tab.locator('iom-news .iom-news__list').waitFor();
  assert.equal(await tab.evaluate(activeText), 'IOM, Mongolia Support Greater Protection of Labour Migrants');
  await tab.close();
});
