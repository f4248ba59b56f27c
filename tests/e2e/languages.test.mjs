// Every UN language, right to left, and each release once in the reader's language (issue 13):
// the example pages of www/examples/ and pages made here, in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serve, browser, watch, feedJson } from './helpers.mjs';

const DIST = process.env.IOM_NEWS_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));
const SHOTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const MONGOLIA = 'iom-mongolia-support-greater-protection-of-labour-migrants';

// A feed whose searches find 0, 1, 2, 3, 11 and 100 releases.
function countingFeed() {
  const items = [];
  for (let i = 0; i < 100; i++) {
    const words = ['common'];
    if (i < 1) words.push('aaone');
    if (i < 2) words.push('bbtwo');
    if (i < 3) words.push('ccthree');
    if (i < 11) words.push('ddeleven');
    items.push({ id: `r${i}`, title: `${words.join(' ')} ${i}`, content_text: 'x', date_published: '2026-09-15T10:00:00Z' });
  }
  return feedJson(items);
}
const SEARCHES = [['zzznothing', 0], ['aaone', 1], ['bbtwo', 2], ['ccthree', 3], ['ddeleven', 11], ['common', 100]];
const COUNTS = {
  en: ['0 results', '1 result', '2 results', '3 results', '11 results', '100 results'],
  fr: ['0 résultat', '1 résultat', '2 résultats', '3 résultats', '11 résultats', '100 résultats'],
  es: ['0 resultados', '1 resultado', '2 resultados', '3 resultados', '11 resultados', '100 resultados'],
  ru: ['0 результатов', '1 результат', '2 результата', '3 результата', '11 результатов', '100 результатов'],
  ar: ['لا توجد نتائج', 'نتيجة واحدة', 'نتيجتان', '3 نتائج', '11 نتيجة', '100 نتيجة'],
  zh: ['共0条结果', '共1条结果', '共2条结果', '共3条结果', '共11条结果', '共100条结果'],
};
// The search box's label and the date of 2026-09-15 in each language.
const SAID = {
  en: ['Search news', 'September 15, 2026'],
  fr: ['Rechercher des actualités', '15 septembre 2026'],
  es: ['Buscar noticias', '15 de septiembre de 2026'],
  ru: ['Поиск новостей', '15 сентября 2026 г.'],
  ar: ['البحث في الأخبار', '15 سبتمبر 2026'],
  zh: ['搜索新闻', '2026年9月15日'],
};

let server;
let chrome;
before(async () => {
  await mkdir(SHOTS, { recursive: true });
  const page = (lang, body, { dir = 'ltr', head = '' } = {}) => `<!doctype html>
<html lang="${lang}" dir="${dir}"><head><meta charset="utf-8"><title>t</title><link rel="icon" href="data:,">${head}</head>
<body><main>${body}</main><script src="/iom-news.js" async></script></body></html>`;
  const routes = { '/counting.json': ['application/json', countingFeed()] };
  for (const lang of Object.keys(COUNTS)) {
    routes[`/counting-${lang}.html`] = ['text/html; charset=utf-8', page('en', `<iom-news feed="/counting.json" lang="${lang}"></iom-news>`)];
  }
  routes['/page-fr-ca.html'] = ['text/html; charset=utf-8', page('fr-CA', '<div><iom-news feed="/news-fr.json"></iom-news></div>')];
  routes['/page-zh-cn.html'] = ['text/html; charset=utf-8', page('zh-Hans-CN', '<iom-news feed="/news-zh.json"></iom-news>')];
  routes['/page-none.html'] = ['text/html; charset=utf-8', page('', '<iom-news feed="/news.json"></iom-news>').replace(' lang=""', '')];
  routes['/page-de.html'] = ['text/html; charset=utf-8', page('de', '<iom-news feed="/news.json"></iom-news><iom-news feed="/news.json" layout="compact"></iom-news>')];
  server = await serve(DIST, routes);
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

async function open(path, { width = 1280, locale } = {}) {
  const context = locale ? await chrome.context.browser()?.newContext({ locale }) : null;
  const tab = await (context ?? chrome.context).newPage();
  await tab.setViewportSize({ width, height: 900 });
  const problems = watch(tab);
  const warnings = [];
  tab.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await tab.goto(`${server.url}${path}`);
  return { tab, problems, warnings };
}

const root = (widget) => widget.locator('.iom-news');

for (const [lang, counts] of Object.entries(COUNTS)) {
  test(`${lang}: interface text, dates and plural counts at 0, 1, 2, 3, 11 and 100`, async () => {
    const { tab, problems } = await open(`/counting-${lang}.html`);
    const widget = tab.locator('iom-news');
    await widget.locator('.iom-news__card').first().waitFor();
    assert.equal(await root(widget).getAttribute('lang'), lang === 'zh' ? 'zh-Hans' : lang);
    assert.equal(await root(widget).getAttribute('dir'), lang === 'ar' ? 'rtl' : 'ltr');
    assert.equal(await widget.locator('.iom-news__field--search .iom-news__label').textContent(), SAID[lang][0]);
    assert.equal(await widget.locator('.iom-news__date').first().textContent(), SAID[lang][1]);
    const box = widget.locator('.iom-news__search');
    for (const [i, [words]] of SEARCHES.entries()) {
      await box.fill(words);
      await tab.waitForFunction(([expected]) => document.querySelector('iom-news').shadowRoot
        .querySelector('.iom-news__count')?.textContent === expected, [counts[i]], { timeout: 5000 })
        .catch(() => {});
      assert.equal(await widget.locator('.iom-news__count').textContent(), counts[i], `${lang}, ${SEARCHES[i][1]} results`);
    }
    assert.deepEqual(problems, []);
    await tab.close();
  });
}

test('the page chooses: fr-CA is French, zh-Hans-CN Chinese; an unsupported one is English, said once', async () => {
  for (const [path, expected, label] of [['/page-fr-ca.html', 'fr', 'Rechercher des actualités'], ['/page-zh-cn.html', 'zh-Hans', '搜索新闻']]) {
    const { tab } = await open(path);
    const widget = tab.locator('iom-news');
    await widget.locator('.iom-news__card').first().waitFor();
    assert.equal(await root(widget).getAttribute('lang'), expected, path);
    assert.equal(await widget.locator('.iom-news__field--search .iom-news__label').textContent(), label);
    await tab.close();
  }
  const { tab, warnings } = await open('/page-de.html');
  await tab.locator('iom-news >> nth=1').locator('.iom-news__card').first().waitFor();
  assert.equal(await root(tab.locator('iom-news').first()).getAttribute('lang'), 'en');
  assert.equal(warnings.filter((w) => w.includes('"de" is not one of the widget')).length, 1, warnings.join('\n'));
  await tab.close();
});

test('without any lang on the page, the reader\'s browser languages choose', async () => {
  const context = await chrome.context.browser()?.newContext?.({ locale: 'es-ES' });
  // A persistent context has no browser object: set the languages in the page instead.
  const tab = context ? await context.newPage() : await chrome.context.newPage();
  if (!context) {
    await tab.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['es-ES', 'es', 'en'] });
    });
  }
  await tab.goto(`${server.url}/page-none.html`);
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  assert.equal(await root(widget).getAttribute('lang'), 'es');
  assert.equal(await widget.locator('.iom-news__field--search .iom-news__label').textContent(), 'Buscar noticias');
  await tab.close();
});

test('a reader whose first browser language the widget lacks gets the first one it has, without a warning', async () => {
  const tab = await chrome.context.newPage();
  const warnings = [];
  tab.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
  await tab.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'languages', { get: () => ['de-DE', 'de', 'fr-FR', 'en'] });
  });
  await tab.goto(`${server.url}/page-none.html`);
  const widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  assert.equal(await root(widget).getAttribute('lang'), 'fr');
  assert.equal(await widget.locator('.iom-news__field--search .iom-news__label').textContent(), 'Rechercher des actualités');
  assert.deepEqual(warnings.filter((w) => w.includes('not one of the widget')), []);
  await tab.close();
});

test('Arabic reads right to left; a release keeps its own direction inside the other interface', async () => {
  // The Arabic page: the interface and the releases right to left, the back arrow pointing right.
  let { tab, problems } = await open('/examples/ar.html');
  let widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  assert.equal(await root(widget).getAttribute('dir'), 'rtl');
  assert.equal(await widget.locator('.iom-news__card-title').first().getAttribute('dir'), 'rtl');
  await widget.locator('.iom-news__card-link').first().click();
  await widget.locator('.iom-news__release-title').waitFor();
  const arrow = await widget.locator('.iom-news__back').evaluate((b) => getComputedStyle(b, '::before').content);
  assert.match(arrow, /→/);
  assert.deepEqual(problems, []);
  await tab.close();

  // English releases in an Arabic interface: the titles left to right.
  ({ tab, problems } = await open('/examples/mixed-ar-ui.html'));
  widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  assert.equal(await root(widget).getAttribute('dir'), 'rtl');
  assert.equal(await widget.locator('.iom-news__card-title').first().getAttribute('dir'), 'ltr');
  await tab.close();

  // Arabic releases in an English interface: the titles and bodies right to left.
  ({ tab, problems } = await open('/examples/mixed-en-ui.html'));
  widget = tab.locator('iom-news');
  await widget.locator('.iom-news__card').first().waitFor();
  assert.equal(await root(widget).getAttribute('dir'), 'ltr');
  assert.equal(await widget.locator('.iom-news__card-title').first().getAttribute('dir'), 'rtl');
  await widget.locator('.iom-news__card-link').first().click();
  assert.equal(await widget.locator('.iom-news__content').getAttribute('dir'), 'rtl');
  assert.equal(await widget.locator('.iom-news__back').textContent(), 'Back to all news');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('translations of one release show once, in the interface language, the others under "Also in"', async () => {
  const { tab, problems } = await open('/examples/multilingual.html');
  const english = tab.locator('iom-news#news-en');
  const french = tab.locator('iom-news#news-fr');
  await english.locator('.iom-news__card').first().waitFor();
  await french.locator('.iom-news__card').first().waitFor();
  const hrefs = async (w) => w.locator('.iom-news__card-link').evaluateAll((links) =>
    links.map((a) => decodeURIComponent(a.getAttribute('href').split('=').pop())));
  const en = await hrefs(english);
  assert.ok(en.includes(MONGOLIA) && !en.includes(`${MONGOLIA}-fr`) && !en.includes(`${MONGOLIA}-ar`), en.join());
  const fr = await hrefs(french);
  assert.ok(fr.includes(`${MONGOLIA}-fr`) && !fr.includes(MONGOLIA), fr.join());
  // Opened, the release offers the other versions, each named in its own language.
  await english.locator(`.iom-news__card-link[href$="=${MONGOLIA}"]`).click();
  const others = await english.locator('.iom-news__translations a').allTextContents();
  assert.deepEqual(others.sort(), ['français', 'العربية'].sort());
  // One opens in place, right to left.
  await english.locator('.iom-news__translations a[hreflang="ar"]').click();
  await tab.waitForFunction(() => document.querySelector('#news-en').shadowRoot
    .querySelector('.iom-news__release-title')?.getAttribute('dir') === 'rtl');
  assert.deepEqual(problems, []);
  await tab.close();
});

test('no axe violations in Arabic and Chinese, list and release, light and dark; screenshots', async () => {
  for (const page of ['ar', 'zh']) {
    for (const width of [360, 1280]) {
      for (const dark of [false, true]) {
        const { tab } = await open(`/examples/${page}.html`, { width });
        if (dark) {
          await tab.locator('iom-news').evaluate((w) => w.setAttribute('theme', 'dark'));
        }
        const widget = tab.locator('iom-news');
        await widget.locator('.iom-news__card').first().waitFor();
        const shot = `${SHOTS}lang-${page}-${width}${dark ? '-dark' : ''}`;
        await tab.screenshot({ path: `${shot}-list.png`, fullPage: false });
        await tab.addScriptTag({ content: AXE });
        const axe = async () => (await tab.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] })))
          .violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        assert.deepEqual(await axe(), [], `${page} ${width} ${dark ? 'dark' : 'light'} list`);
        await widget.locator('.iom-news__card-link').first().click();
        await widget.locator('.iom-news__release-title').waitFor();
        // The screenshot shows the release as readers see it: its pictures loaded (or failed).
        await tab.waitForFunction(() => [...document.querySelector('iom-news').shadowRoot.querySelectorAll('img')]
          .every((img) => img.complete));
        await tab.screenshot({ path: `${shot}-release.png`, fullPage: false });
        assert.deepEqual(await axe(), [], `${page} ${width} ${dark ? 'dark' : 'light'} release`);
        await tab.close();
      }
    }
  }
});
