// Security and robustness (issue 11): hostile host markup around the loader, hostile values
// that reach browser APIs, content that tries to paint outside the widget, races when the
// feed changes, and a page without a clipboard. Each scenario is a real page in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, watch, feedJson } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const JSON_TYPE = 'application/json';
const item = (id, extra = {}) => ({ id, title: `Release ${id}`, content_text: `Body of ${id}.`, ...extra });

// Language tags that are well-formed BCP 47 (so core accepts them) but that Intl rejects or
// that are odd: each once as a translation key, an item language and a feed language.
const ODD_TAGS = ['zh-cmn-Hans', 'x-private', 'de-1901-1901', 'en-US-u-ca-gregory-x-y', 'qaa', 'en-a-bbb-x-a-ccc', 'zh-min-nan', 'tlh'];

/** A feed with every kind of value that reaches a browser API, at its odd edges. */
function oddFeed() {
  const translations = Object.fromEntries(ODD_TAGS.map((tag, i) => [tag, `https://www.iom.int/t/${i}`]));
  translations.fr = 'plain';
  return feedJson([
    item('first', {
      title: 'The one with odd translations',
      language: 'zh-cmn-Hans',
      date_published: '0001-01-01T00:00:00Z',
      _iom: { translations, countries: ['ATA', 'UMI'], dateline: '\u202eenilated' },
    }),
    ...ODD_TAGS.map((tag, i) => item(`lang-${i}`, { language: tag, date_published: `9999-12-31T23:59:60+23:59` })),
    item('plain', { title: 'Plain release', date_published: '2026-01-01T00:00:00Z', content_html: '<p>Safe <a href="relative/page?x=%zz#\u0000">link</a> <img src="//x">' }),
    item('surrogate', { title: 'Cut emoji \ud83d here' }),
  ], { language: 'x-private', home_page_url: 'https://www.iom.int/' });
}

let server;
let chrome;
let release; // Resolves the held /race/slow.json response.
before(async () => {
  const deep = '<blockquote>'.repeat(300) + 'deep quote' + '</blockquote>'.repeat(300)
    + '<ul><li>'.repeat(300) + 'deep list' + '</li></ul>'.repeat(300);
  const wide = 'W'.repeat(200_000);
  const routes = {
    '/odd.json': [JSON_TYPE, oddFeed()],
    // JSON.stringify writes a lone surrogate as the escape \ud83d, which JSON.parse accepts.
    '/lone.json': [JSON_TYPE, feedJson([item('cut', { title: 'Before \ud83d after' }), item('ok')]).replace('\ud83d', '\\ud83d')],
    '/nested.json': [JSON_TYPE, feedJson([item('ok-1'), JSON.parse(`{"id":"deep","title":"x","content_text":"y","_x":${'['.repeat(200)}${']'.repeat(200)}}`), item('ok-2')])],
    '/escape.json': [JSON_TYPE, feedJson([item('wide', { title: wide, summary: wide, content_html: `<p>${wide}</p>${deep}` })])],
    '/race/fast.json': [JSON_TYPE, feedJson([item('new-feed', { title: 'From the new feed' })])],
    '/many-bad.json': [JSON_TYPE, feedJson([item('good'), ...Array.from({ length: 500 }, (_, i) => ({ title: `no id ${i}` }))])],
    '/copy.json': [JSON_TYPE, feedJson([item('to-copy')])],
  };
  const page = (body, head = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>security</title><link rel="icon" href="data:,">${head}</head>
<body><main>${body}</main></body></html>`;
  const html = 'text/html; charset=utf-8';
  // Markup a CMS might let through: named images, embeds and forms, and ids, before the loader.
  const CLOBBER = `
    <img name="currentScript" src="/evil/p.gif" alt="">
    <embed name="currentScript" src="/evil/e.gif">
    <a id="IOMNews" href="/evil/">x</a>
    <img name="readyState" src="/evil/r.gif" alt="">
    <img name="head" src="/evil/h.gif" alt=""><img name="body" src="/evil/b.gif" alt="">
    <form name="addEventListener"></form>
    <img name="baseURI" src="/evil/u.gif" alt="">`;
  routes['/clobber.html'] = [html, page(`${CLOBBER}<div><script src="/iom-news.js" data-feed="/feed.json" async></script></div>`)];
  routes['/clobber-head.html'] = [html, page(CLOBBER, '<script src="/iom-news.js" data-feed="/feed.json"></script>')];
  routes['/clobber-create.html'] = [html, page('<img name="createElement" src="/evil/c.gif" alt=""><iom-news id="bare" feed="/feed.json"></iom-news><iom-news id="kept" feed="/feed.json"><a href="/news/">The page\'s own news link</a></iom-news><script src="/iom-news.js" async></script>')];
  routes['/odd.html'] = [html, page(`<iom-news id="odd" feed="/odd.json" page-size="20"></iom-news><iom-news id="other" feed="/feed.json"></iom-news><script src="/iom-news.js" async></script>`)];
  routes['/lone.html'] = [html, page('<iom-news feed="/lone.json"></iom-news><script src="/iom-news.js" async></script>')];
  routes['/nested.html'] = [html, page('<iom-news feed="/nested.json"></iom-news><script src="/iom-news.js" async></script>')];
  routes['/escape.html'] = [html, page('<div id="box" style="width:420px"><iom-news feed="/escape.json"></iom-news></div><script src="/iom-news.js" async></script>')];
  routes['/race.html'] = [html, page('<iom-news id="race" feed="/race/slow.json"></iom-news><script src="/iom-news.js" async></script>')];
  routes['/race-early.html'] = [html, page('<iom-news id="race" feed="/race/old.json"></iom-news><script src="/iom-news.js"></script><script src="/race-early.js"></script>')];
  routes['/race-early.js'] = ['text/javascript', "document.getElementById('race').setAttribute('feed', '/race/fast.json');"];
  routes['/race/old.json'] = [JSON_TYPE, feedJson([item('old-feed', { title: 'From the old feed' })])];
  routes['/many-bad.html'] = [html, page('<iom-news feed="/many-bad.json"></iom-news><script src="/iom-news.js" async></script>')];
  routes['/copy.html'] = [html, page('<iom-news feed="/copy.json"></iom-news><script src="/iom-news.js" async></script>')];
  routes['//double/path.html'] = [html, page('<iom-news feed="/copy.json"></iom-news><script src="/iom-news.js" async></script>')];
  // A 1x1 GIF for every image the clobbering markup names, so that nothing 404s.
  const GIF = Buffer.from('R0lGODlhAQABAAAAACw=', 'base64');
  for (const name of ['p', 'e', 'c', 'r', 'h', 'b', 'u']) routes[`/evil/${name}.gif`] = ['image/gif', GIF];
  const evil = "window.__pwned = true; export default function () { return Promise.resolve(); } export function mount() { window.__pwned = true; }";
  routes['/evil/iom-news-widget.js'] = ['text/javascript', evil];
  routes['/inline-code.json'] = [JSON_TYPE, feedJson([item('styled', {
    image: 'https://www.iom.int/sites/g/files/tmzbdl486/files/styles/crop/x.jpg',
    content_html: '<p onclick="alert(1)" style="color:red">Styled <b ONMOUSEOVER=x()>bold</b></p><style>p{}</style><img src="https://www.iom.int/a.png" onerror="alert(3)" alt="a">',
  })])];
  routes['/inline-code.html'] = [html, page('<iom-news feed="/inline-code.json"></iom-news><script src="/iom-news.js" async></script>')];
  server = await serve(DIST, routes, {
    '/inline-code.html': { 'content-security-policy': "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; report-uri /csp-report" },
  });
  chrome = await browser();
  // The held response: /race/slow.json is answered only when the test says so.
  await chrome.context.route('**/race/slow.json', async (route) => {
    await new Promise((resolve) => { release = resolve; });
    await route.fulfill({ contentType: JSON_TYPE, body: feedJson([item('old-feed', { title: 'From the old feed' })]) });
  });
});
after(async () => {
  release?.();
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
  await tab.goto(`${server.url}${path}`);
  return { tab, problems, warnings };
}

const evilHits = () => Object.keys(server.hits).filter((p) => p.startsWith('/evil/') && !p.endsWith('.gif'));

for (const path of ['/clobber.html', '/clobber-head.html']) {
  test(`loader: named markup cannot redirect it or stop it (${path})`, async () => {
    const { tab, problems } = await open(path);
    await tab.locator('iom-news .iom-news__card').waitFor();
    assert.deepEqual(evilHits(), [], 'nothing is loaded from the folder the markup names');
    assert.equal(await tab.evaluate(() => window.__pwned), undefined);
    assert.equal(await tab.evaluate(() => typeof window.IOMNews.mount), 'function');
    assert.equal(server.hits['/iom-news-widget.js'] > 0, true);
    assert.deepEqual(problems, []);
    await tab.close();
  });
}

test('loader: markup that hides a document method the widget needs stops it cleanly', async () => {
  const tab = await chrome.context.newPage();
  const errors = [];
  const pageErrors = [];
  tab.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  tab.on('pageerror', (e) => pageErrors.push(e.message));
  await tab.goto(`${server.url}/clobber-create.html`);
  // Without content of its own, a short message and a link to the news; with some, that stays.
  await tab.locator('iom-news#bare [role="alert"]').waitFor();
  assert.equal(await tab.locator('iom-news#bare [role="alert"] a').getAttribute('href'), 'https://www.iom.int/news');
  assert.equal(await tab.locator('iom-news#kept').getAttribute('data-iom-news-state'), 'broken');
  assert.ok(await tab.locator('iom-news#kept a', { hasText: 'own news link' }).isVisible());
  assert.match(errors.join('\n'), /hides document\.createElement/);
  assert.deepEqual(pageErrors, [], 'no wasm trap, no exception');
  assert.deepEqual(evilHits(), []);
  await tab.close();
});

test('hostile values reaching Intl, Date and URL APIs never freeze the widgets', async () => {
  const { tab, problems } = await open('/odd.html');
  const odd = tab.locator('iom-news#odd');
  const other = tab.locator('iom-news#other');
  await odd.locator('.iom-news__card').first().waitFor();
  await other.locator('.iom-news__card').waitFor();
  // Open the release whose translations Intl.DisplayNames rejects.
  await odd.locator('.iom-news__card-link', { hasText: 'odd translations' }).click();
  await odd.locator('.iom-news__release-title').waitFor();
  const links = await odd.locator('.iom-news__translations a').allTextContents();
  assert.ok(links.length >= ODD_TAGS.length, `every translation is offered: ${links}`);
  // The shared instance still renders: the other widget opens and closes, this one goes back.
  await other.locator('.iom-news__card-link').click();
  await other.locator('.iom-news__release-title').waitFor();
  await other.locator('.iom-news__back').click();
  await other.locator('.iom-news__list').waitFor();
  await odd.locator('.iom-news__back').click();
  await odd.locator('.iom-news__list').waitFor();
  // Every odd release opens, and the filters (with odd languages) still work.
  for (let i = 0; i < ODD_TAGS.length; i++) {
    await odd.locator('.iom-news__card-link', { hasText: `Release lang-${i}` }).click();
    await odd.locator('.iom-news__release-title').waitFor();
    await odd.locator('.iom-news__back').click();
  }
  await odd.locator('.iom-news__card-link', { hasText: 'Cut emoji' }).waitFor();
  // A widget added now still mounts.
  await tab.evaluate(() => {
    const late = document.createElement('iom-news');
    late.id = 'late';
    late.setAttribute('feed', '/odd.json');
    document.querySelector('main').append(late);
  });
  await tab.locator('iom-news#late .iom-news__card').first().waitFor();
  assert.deepEqual(problems, []);
  await tab.close();

  // A deep link straight to it, on a fresh page.
  const deep = await open('/odd.html#iom-news:odd=first');
  await deep.tab.locator('iom-news#odd .iom-news__release-title').waitFor();
  assert.deepEqual(deep.problems, []);
  await deep.tab.close();
});

test('a lone surrogate escape damages one character, not the feed', async () => {
  const { tab, problems } = await open('/lone.html');
  await tab.locator('iom-news .iom-news__card').nth(1).waitFor();
  const titles = await tab.locator('iom-news .iom-news__card-title').allTextContents();
  assert.deepEqual(titles.sort(), ['Before \ufffd after', 'Release ok']);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('an item nested 200 deep is skipped and reported; the others show', async () => {
  const { tab, warnings } = await open('/nested.html');
  await tab.locator('iom-news .iom-news__card').first().waitFor();
  const titles = await tab.locator('iom-news .iom-news__card-title').allTextContents();
  assert.deepEqual(titles.sort(), ['Release ok-1', 'Release ok-2']);
  assert.match(warnings.join('\n'), /items\[1\]: cannot be read: lists and objects are nested too deeply/);
  await tab.close();
});

test('nothing a feed contains paints outside the widget box', async () => {
  const { tab, problems } = await open('/escape.html#iom-news=wide');
  await tab.locator('iom-news .iom-news__release-title').waitFor();
  const measured = await tab.evaluate(() => {
    const host = document.querySelector('iom-news');
    const box = host.getBoundingClientRect();
    let worst = 0;
    for (const el of host.shadowRoot.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      worst = Math.max(worst, r.right - box.right, box.left - r.left);
    }
    return { worst, pageWidth: document.documentElement.scrollWidth, box: box.width };
  });
  assert.equal(measured.box, 420);
  assert.ok(measured.pageWidth <= 1280, `the page stays ${measured.pageWidth} px wide`);
  // Painted overflow: the widget clips to its box (focus rings keep a few pixels).
  const clipped = await tab.locator('iom-news').evaluate((host) => {
    const root = host.shadowRoot.querySelector('.iom-news');
    const style = getComputedStyle(root);
    return `${style.overflowX} ${style.overflowClipMargin}`;
  });
  assert.ok(measured.worst <= 0 || clipped.startsWith('clip'), `content ${measured.worst} px outside, overflow ${clipped}`);
  const screenshot = await tab.screenshot({ clip: { x: 430, y: 0, width: 400, height: 900 } });
  assert.ok(screenshot.length > 0);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a feed changed while its fetch is pending shows the new feed, not the late old one', async () => {
  const { tab, problems } = await open('/race.html');
  await tab.waitForFunction(() => document.querySelector('#race').shadowRoot?.querySelector('.iom-news'));
  await tab.evaluate(() => document.querySelector('#race').setAttribute('feed', '/race/fast.json'));
  const widget = tab.locator('iom-news#race');
  await widget.locator('.iom-news__card-title', { hasText: 'From the new feed' }).waitFor();
  release();
  await tab.waitForTimeout(300);
  assert.deepEqual(await widget.locator('.iom-news__card-title').allTextContents(), ['From the new feed']);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('the loader\'s early fetch of an old feed URL is not shown under a new one', async () => {
  const { tab, problems } = await open('/race-early.html');
  const widget = tab.locator('iom-news#race');
  await widget.locator('.iom-news__card').waitFor();
  assert.deepEqual(await widget.locator('.iom-news__card-title').allTextContents(), ['From the new feed']);
  assert.deepEqual(problems, []);
  await tab.close();
});

test('100s of skipped items give a summary in the console, not a line each', async () => {
  const { tab, warnings } = await open('/many-bad.html');
  await tab.locator('iom-news .iom-news__card').waitFor();
  await tab.waitForTimeout(100);
  const ours = warnings.filter((w) => w.startsWith('iom-news'));
  assert.ok(ours.length <= 60, `${ours.length} console warnings`);
  assert.ok(ours.some((w) => /and 450 more skipped items/.test(w)), ours.slice(-2).join('\n'));
  await tab.close();
});

test('copy link without a clipboard (a plain-http page) shows the link instead', async () => {
  const tab = await chrome.context.newPage();
  const problems = watch(tab);
  await tab.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
  });
  await tab.goto(`${server.url}/copy.html#iom-news=to-copy`);
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__copy').click();
  await widget.locator('.iom-news__copy-status', { hasText: '#iom-news=to-copy' }).waitFor();
  // The widget still works afterwards.
  await widget.locator('.iom-news__back').click();
  await widget.locator('.iom-news__list').waitFor();
  assert.deepEqual(problems, []);
  await tab.close();
});

test('a page whose path starts with // can close a release, and a reload keeps it closed', async () => {
  const { tab, problems } = await open('//double/path.html#iom-news=to-copy');
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__back').click();
  await widget.locator('.iom-news__list').waitFor();
  assert.equal(new URL(tab.url()).hash, '');
  assert.equal(new URL(tab.url()).pathname, '//double/path.html');
  await tab.reload();
  await widget.locator('.iom-news__list').waitFor();
  assert.deepEqual(problems, []);
  await tab.close();
});

test('inline handlers and styles in a body raise no CSP violation reports; images send no referrer', async () => {
  const tab = await chrome.context.newPage();
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await tab.goto(`${server.url}/inline-code.html#iom-news=styled`);
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__body strong', { hasText: 'bold' }).waitFor();
  await tab.waitForTimeout(300);
  // Images from other hosts are blocked by this page's img-src, as a page may choose; nothing else.
  const violations = await tab.evaluate(() => window.__violations);
  assert.deepEqual(violations.filter((v) => !v.startsWith('img-src')), []);
  assert.ok(violations.length > 0, 'the page blocks the feed images, so the listener works');
  const policies = await widget.locator('img').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('referrerpolicy')));
  assert.ok(policies.length >= 2 && policies.every((p) => p === 'no-referrer'), policies.join());
  await tab.close();
});
