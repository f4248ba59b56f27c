// Layouts: every layout, light and dark, from 280 to 1400 px wide, with long titles, long
// words, long URLs and missing fields, never overflows; screenshots at 320, 768 and 1280 px
// (and of the release view) land in tests/e2e/artifacts/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { mkdir } from 'node:fs/promises';
import { serve, browser, hostPage, feedJson } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const SHOTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const WIDTHS = [280, 320, 768, 1280, 1400];
const SHOT_WIDTHS = [320, 768, 1280];
const PHOTO = `<svg xmlns="http://www.w3.org/2000/svg" width="1600" height="900" viewBox="0 0 16 9">
  <rect width="16" height="9" fill="#5b7db1"/><circle cx="12" cy="3" r="1.5" fill="#f2d16b"/>
  <path d="M0 9 L5 4 L9 8 L12 6 L16 9 Z" fill="#2f4f7f"/></svg>`;

const long = 'Donaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaft';
const feed = feedJson([
  {
    id: 'long', title: `Sample release with a very long title about ${long} and more words after it`,
    summary: `Sample summary with a long address https://www.example.org/${'a-very-long-path-segment/'.repeat(6)} in it.`,
    content_html: `<p>Sample body.</p><figure><img src="/img/photo.svg" alt="Sample photo"><figcaption>Sample figure caption.</figcaption></figure>
      <table><caption>Sample table</caption><thead><tr><th>Country</th><th>Value</th><th>${long}</th></tr></thead>
      <tbody><tr><td>Sample</td><td>1,234</td><td>${long}</td></tr></tbody></table>
      <blockquote><p>"A sample quote."</p></blockquote><ul><li>One</li><li>Two</li></ul>`,
    date_published: '2026-11-20T09:00:00Z', image: '/img/photo.svg', tags: ['Labour Migration', 'Counter-trafficking'],
    _iom: {
      dateline: 'Sample City With A Long Name', countries: ['MNG', 'SEN', 'COL'], region: 'Central America, North America and the Caribbean',
      image_caption: 'Sample caption of the photo.', image_credit: '© IOM 2026', translations: { fr: 'plain', es: 'https://www.iom.int/es' },
      contacts: [{ name: 'Sample Contact', office: 'Sample Office', phone: ['+41 22 717 9111'], email: `a-very-long-address-${'x'.repeat(30)}@example.org` }],
    },
  },
  { id: 'plain', title: 'Sample release 2', content_text: 'Body.', date_published: '2026-11-19T09:00:00Z', _iom: { countries: ['PHL'] } },
  { id: 'bare', content_text: 'A release with no title, date, summary or dateline.' },
  { id: 'word', title: long + long, summary: long, content_text: 'Body.' },
], { title: `Sample feed with a long title ${long}` });

let server;
let chrome;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  const routes = {
    '/visual.json': ['application/json', feed],
    '/img/photo.svg': ['image/svg+xml', PHOTO],
  };
  for (const layout of ['list', 'cards', 'compact']) {
    for (const theme of ['light', 'dark']) {
      routes[`/${layout}-${theme}.html`] = ['text/html; charset=utf-8',
        hostPage(`<iom-news feed="/visual.json" layout="${layout}" theme="${theme}"></iom-news>`)
          .replace('<body>', `<body class="${theme}">`)
          .replace('</head>', '<link rel="stylesheet" href="/examples/example.css"></head>')];
    }
  }
  server = await serve(DIST, routes);
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

// What sticks out of the page or out of the widget's box (tables scroll inside their box).
function overflow() {
  const found = [];
  if (document.documentElement.scrollWidth > window.innerWidth) {
    found.push(`page ${document.documentElement.scrollWidth} > ${window.innerWidth}`);
  }
  const host = document.querySelector('iom-news');
  const box = host.getBoundingClientRect();
  for (const el of host.shadowRoot.querySelectorAll('.iom-news *')) {
    if (el.closest('.iom-news__table')?.contains(el) && !el.classList.contains('iom-news__table')) continue;
    const r = el.getBoundingClientRect();
    if (r.width && (r.right > box.right + 1 || r.left < box.left - 1)) {
      found.push(`${el.localName}.${el.className} ${Math.round(r.left)}..${Math.round(r.right)} outside ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
  }
  return found;
}

for (const layout of ['list', 'cards', 'compact']) {
  for (const theme of ['light', 'dark']) {
    test(`${layout}, ${theme}: no overflow from 280 to 1400 px`, async () => {
      const tab = await chrome.context.newPage();
      if (theme === 'dark') await tab.emulateMedia({ colorScheme: 'dark' });
      for (const width of WIDTHS) {
        await tab.setViewportSize({ width, height: 900 });
        await tab.goto(`${server.url}/${layout}-${theme}.html`);
        await tab.locator('iom-news .iom-news__card').first().waitFor();
        await tab.waitForFunction(() => [...document.querySelector('iom-news').shadowRoot.querySelectorAll('img')].every((i) => i.complete));
        assert.deepEqual(await tab.evaluate(overflow), [], `${width} px`);
        if (SHOT_WIDTHS.includes(width)) {
          await tab.screenshot({ path: `${SHOTS}visual-${layout}-${theme}-${width}.png`, fullPage: true });
        }
      }
      await tab.close();
    });
  }
}

for (const theme of ['light', 'dark']) {
  test(`release view, ${theme}: no overflow from 280 to 1400 px`, async () => {
    const tab = await chrome.context.newPage();
    for (const width of WIDTHS) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(`${server.url}/list-${theme}.html#iom-news=long`);
      await tab.locator('iom-news .iom-news__release-title').waitFor();
      await tab.waitForFunction(() => [...document.querySelector('iom-news').shadowRoot.querySelectorAll('img')].every((i) => i.complete && i.naturalWidth > 0));
      assert.deepEqual(await tab.evaluate(overflow), [], `${width} px`);
      if (SHOT_WIDTHS.includes(width)) {
        await tab.screenshot({ path: `${SHOTS}visual-release-${theme}-${width}.png`, fullPage: true });
      }
    }
    await tab.close();
  });
}
