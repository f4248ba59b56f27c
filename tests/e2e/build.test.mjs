// From what a web team has to a published widget (issue 14): a Drupal RSS export imported,
// built into a folder, served; the widget shows it, pages on with "More news", and the same
// page without JavaScript shows the prerendered fallback list.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve, browser, watch, CHROMIUM_ARGS } from './helpers.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = process.env.IOM_NEWS_DIST ?? join(ROOT, 'dist');
const CLI = join(ROOT, 'target/debug/iom-news');
const RSS = join(ROOT, 'cli/tests/fixtures/drupal.xml');

let work;
let site;
let server;
let chrome;
let imported;
before(async () => {
  work = await mkdtemp(join(tmpdir(), 'iom-news-build-'));
  site = join(work, 'site');
  // The RSS export becomes a feed (the fixture has one item with a bad date: reported, written
  // without it, exit status 1), then a folder.
  let feed;
  try {
    feed = execFileSync(CLI, ['import', RSS, '-q'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    feed = e.stdout;
  }
  imported = JSON.parse(feed);
  await writeFile(join(work, 'news.json'), feed);
  execFileSync(CLI, ['build', join(work, 'news.json'), '--out', site, '--dist', DIST, '--page-size', '8', '-q']);
  server = await serve(site);
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
  await rm(work, { recursive: true, force: true });
});

test('the built folder holds the pages, the widget and the fallback', async () => {
  const files = (await readdir(site)).sort();
  for (const file of ['fallback.html', 'index.html', 'iom-news.js', 'iom-news-widget.js', 'iom-news-widget_bg.wasm', 'iom-news.css', 'news.json', 'news-2.json']) {
    assert.ok(files.includes(file), `${file} in ${files.join(', ')}`);
  }
  const first = JSON.parse(await readFile(join(site, 'news.json'), 'utf8'));
  assert.equal(first.items.length, 8);
  assert.equal(first.next_url, 'news-2.json');
  const fallback = await readFile(join(site, 'fallback.html'), 'utf8');
  assert.match(fallback, /<ul role="list" class="iom-news__list">/);
  assert.equal((fallback.match(/<li class="iom-news__item">/g) ?? []).length, 10);
  assert.doesNotMatch(fallback, /<script|<style|onclick|style=/i, 'plain HTML, nothing active');
});

test('served, the widget shows the imported releases and pages on', async () => {
  const tab = await chrome.context.newPage();
  const problems = watch(tab);
  await tab.goto(`${server.url}/index.html`);
  // The widget's own list, in its shadow root (the fallback in the page uses the same classes).
  const widget = tab.locator('iom-news .iom-news-mount');
  await widget.locator('.iom-news__card').first().waitFor();
  assert.equal(await tab.locator('iom-news').getAttribute('data-iom-news-state'), 'ready');
  assert.equal(await tab.locator('iom-news > .iom-news').isVisible(), false, 'the fallback gives way');
  assert.equal(await widget.locator('.iom-news__card').count(), 8, 'the first page file');
  await widget.locator('.iom-news__more').click();
  await widget.locator('.iom-news__card >> nth=8').waitFor();
  const titles = await widget.locator('.iom-news__card-title').allTextContents();
  const expected = imported.items.map((item) => item.title);
  assert.ok(titles.every((t) => expected.includes(t)), titles.join('\n'));
  assert.deepEqual(problems, []);
  await tab.close();
});

test('without JavaScript, the same page shows the fallback list with links', async () => {
  const profile = await mkdtemp(join(tmpdir(), 'iom-news-nojs-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    javaScriptEnabled: false,
  });
  try {
    const tab = await context.newPage();
    await tab.goto(`${server.url}/index.html`);
    const items = tab.locator('iom-news .iom-news__item');
    assert.equal(await items.count(), 10);
    assert.ok(await items.first().isVisible());
    const link = items.first().locator('a');
    assert.match(await link.getAttribute('href'), /^https:\/\//, 'a release links to its page');
    assert.ok((await items.first().locator('time').getAttribute('datetime')).length > 0);
  } finally {
    await context.close();
    await rm(profile, { recursive: true, force: true });
  }
});
