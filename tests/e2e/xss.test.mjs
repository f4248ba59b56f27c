// Security: a feed with the XSS corpus in every text, URL and HTML field. Every release is
// opened in Chromium with a tripwire: any script that runs, any dialog, any event handler,
// style attribute or javascript:/data:/vbscript: URL that reaches the DOM fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, hostPage } from './helpers.mjs';
import { PAYLOADS, corpus } from './xss-payloads.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));

let server;
let chrome;
before(async () => {
  server = await serve(DIST, {
    '/xss.json': ['application/json', corpus()],
    '/xss.html': ['text/html; charset=utf-8', hostPage('<iom-news feed="/xss.json" page-size="100"></iom-news>')],
  });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

// Everything dangerous that is in the widget's shadow DOM now.
function inspect() {
  const root = document.querySelector('iom-news').shadowRoot;
  const found = [];
  const bad = /^(javascript|data|vbscript):/i;
  for (const el of root.querySelectorAll('*')) {
    const name = el.localName;
    if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'style', 'form', 'input', 'base', 'meta', 'noscript', 'template'].includes(name)
      && !(name === 'input' && el.classList.contains('iom-news__search'))) {
      found.push(`<${name}>`);
    }
    if (name === 'link' && el !== root.firstElementChild) found.push('<link> from the feed');
    for (const attr of el.attributes) {
      const value = attr.value.replace(/[\u0000-\u0020]/g, '');
      if (attr.name.startsWith('on')) found.push(`${name}[${attr.name}]`);
      if (attr.name === 'style') found.push(`${name}[style]`);
      if (['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data'].includes(attr.name) && bad.test(value)) {
        found.push(`${name}[${attr.name}=${attr.value}]`);
      }
      if (attr.name === 'class' && !attr.value.split(' ').every((c) => c.startsWith('iom-news'))) {
        found.push(`${name}[class=${attr.value}]`);
      }
    }
  }
  return found;
}

test(`no script runs and nothing dangerous reaches the DOM (${PAYLOADS.length} payloads in every field)`, async () => {
  assert.ok(PAYLOADS.length >= 40);
  const tab = await chrome.context.newPage();
  const dialogs = [];
  tab.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await tab.addInitScript(() => {
    window.__tripped = [];
    for (const name of ['alert', 'confirm', 'prompt', 'print']) {
      window[name] = () => window.__tripped.push(name);
    }
  });
  await tab.goto(`${server.url}/xss.html`);
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  while (await widget.locator('button.iom-news__more').count()) {
    const before = await widget.locator('.iom-news__card').count();
    await widget.locator('button.iom-news__more').click();
    await tab.waitForFunction((n) => document.querySelector('iom-news').shadowRoot.querySelectorAll('.iom-news__card').length > n, before);
  }
  const ids = await widget.locator('.iom-news__card-link').evaluateAll((links) =>
    links.map((a) => decodeURIComponent(a.getAttribute('href').split('iom-news=')[1])));
  assert.ok(ids.length >= PAYLOADS.length * 3, `only ${ids.length} releases shown`);
  assert.deepEqual(await tab.evaluate(inspect), [], 'in the list');

  let opened = 0;
  for (const id of ids) {
    await widget.locator(`.iom-news__card-link[href$="=${encodeURIComponent(id).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}"]`).click();
    await widget.locator('.iom-news__release-title').waitFor();
    const found = await tab.evaluate(inspect);
    assert.deepEqual(found, [], `in release ${id}`);
    await widget.locator('.iom-news__back').click();
    await widget.locator('.iom-news__list').waitFor();
    opened++;
  }
  await tab.waitForTimeout(300);
  assert.equal(opened, ids.length);
  assert.deepEqual(await tab.evaluate(() => window.__tripped), [], 'a payload called alert/confirm/prompt');
  assert.equal(await tab.evaluate(() => window.__pwned), undefined, 'a payload set window.__pwned');
  assert.deepEqual(dialogs, []);
  await tab.close();
});
