// End to end: the release build of the demo page, served on 127.0.0.1, in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import { serve, browser, watch } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const SHOTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const TITLE = 'IOM, Mongolia Support Greater Protection of Labour Migrants';
const ID = 'iom-mongolia-support-greater-protection-of-labour-migrants';

let server;
let chrome;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  server = await serve(DIST);
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

const widget = (page) => page.locator('iom-news:not([id])');

test('the list shows the Mongolia release; it opens, goes back and reloads by deep link', async () => {
  const page = await chrome.context.newPage();
  const problems = watch(page);
  await page.goto(`${server.url}/`);

  const list = widget(page);
  const card = list.locator('.iom-news__card', { hasText: TITLE });
  await card.waitFor();
  assert.equal(await card.locator('.iom-news__dateline').textContent(), 'Ulaanbaatar');
  assert.equal(await card.locator('.iom-news__countries').textContent(), 'Mongolia');
  assert.match(await card.locator('.iom-news__summary').textContent(), /^IOM is today hosting/);
  await page.screenshot({ path: `${SHOTS}list.png`, fullPage: true });

  // Open it with the keyboard: Tab to the link, Enter.
  await card.locator('a').focus();
  await page.keyboard.press('Enter');
  const heading = list.locator('.iom-news__release-title');
  await heading.waitFor();
  assert.equal(await heading.textContent(), TITLE);
  assert.equal(new URL(page.url()).hash, `#iom-news=${ID}`);
  assert.equal(await heading.evaluate((h) => h.getRootNode().activeElement === h), true);
  const mail = list.locator('.iom-news__contact-email a');
  assert.equal(await mail.getAttribute('href'), 'mailto:kgormanbest@iom.int');
  assert.equal(await list.locator('.iom-news__contact-name').textContent(), 'Kieran Best');
  assert.equal(
    await list.locator('.iom-news__contact-phone a').getAttribute('href'),
    'tel:+861085325303;ext=203',
  );
  assert.equal(await list.locator('.iom-news__body p').count(), 8);
  await page.screenshot({ path: `${SHOTS}release.png`, fullPage: true });

  // The browser's back button returns to the list.
  await page.goBack();
  await list.locator('.iom-news__list').waitFor();
  assert.equal(await list.locator('.iom-news__release').count(), 0);
  assert.equal(new URL(page.url()).hash, '');

  // Forward, then a reload on the deep link, opens the same release.
  await page.goForward();
  await heading.waitFor();
  await page.reload();
  await heading.waitFor();
  assert.equal(await heading.textContent(), TITLE);

  // The on-page control goes back to the list too.
  await list.locator('.iom-news__back').click();
  await list.locator('.iom-news__list').waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});

test('a deep link opened in a fresh tab shows the release directly', async () => {
  const page = await chrome.context.newPage();
  await page.goto(`${server.url}/#iom-news=${ID}`);
  const heading = widget(page).locator('.iom-news__release-title');
  await heading.waitFor();
  assert.equal(await heading.textContent(), TITLE);
  // The second instance on the page keeps showing its list.
  await page.locator('iom-news#synthetic .iom-news__list').waitFor();
  await page.close();
});

test('a missing feed gives readers a short message and the page\'s link to the news, not a blank box', async () => {
  const page = await chrome.context.newPage();
  const problems = watch(page);
  // The demo page with the feed pointing at a file that does not exist.
  await page.route('**/index.html', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('feed="feed.json"', 'feed="missing.json"');
    await route.fulfill({ response, body: html });
  });
  await page.goto(`${server.url}/index.html`);
  const alert = widget(page).locator('.iom-news [role=alert]');
  await alert.waitFor();
  assert.equal(await alert.locator('p').first().textContent(), 'The news could not be loaded.');
  // The demo page's own fallback link, inside <iom-news>, is offered.
  assert.match(await alert.locator('a').getAttribute('href'), /\/feed\.json$/);
  assert.doesNotMatch(await alert.textContent(), /404|console|error/);
  assert.ok(problems.some((p) => p.includes('missing.json') && p.includes('404')), problems.join('\n'));
  await page.close();
});

test('"copy link" puts the deep link on the clipboard and says so', async () => {
  await chrome.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  const page = await chrome.context.newPage();
  await page.goto(`${server.url}/#iom-news=${ID}`);
  const list = widget(page);
  await list.locator('.iom-news__copy').click();
  const status = list.locator('.iom-news__copy-status');
  await page.waitForFunction(() => document.querySelector('iom-news:not([id])').shadowRoot.querySelector('.iom-news__copy-status').textContent !== '');
  assert.equal(await status.textContent(), 'Link copied.');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${server.url}/#iom-news=${ID}`);
  await page.close();
});
