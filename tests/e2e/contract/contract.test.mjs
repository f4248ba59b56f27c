// The 0.x embed contract, run against every build. The pages, script and feeds in 0.x/ are a
// frozen copy of what partners were told to write in 0.x (docs/embedding.md and
// docs/feed-format.md): the script tag, the element, IOMNews.mount, the open and close events,
// the fragment format, every attribute with its documented values, data-iom-news-state and the
// feed format with its _iom fields. Never edit them to make a test pass: a change they notice
// is a break of the public contract, which needs a new major version (docs/embedding.md,
// "Versions and the embed contract").
//
// The checks read what a reader and a host page can see (text, roles, links, the address,
// attributes on the element, events, the console), never the widget's inner class names.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { serve, browser, watch } from '../helpers.mjs';
import { DIST, RELEASE, STRICT_CSP, needs } from '../builds.mjs';

const EXAMPLES = fileURLToPath(new URL('./0.x/', import.meta.url));
const BUILDS = [['dist/ (make build)', needs(DIST, 'make build')], ['release (make release)', needs(RELEASE, 'make release')]];
const MNG = 'Contract release Mongolia';
const MNG_FR = 'Publication de contrat Mongolie';
const SEN = 'Contract release Senegal';
const UKR = 'Contract release Ukraine';
const PAGE_TWO = 'Contract release from page two';
const FIRST_PAGE = [MNG, SEN, UKR];

let chrome;
before(async () => {
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
});

for (const [name, build] of BUILDS) {
  describe(`0.x contract against ${name}`, () => {
    let server;
    before(async () => {
      // The examples at /, the build's files at /widget/, every page under the strict CSP.
      server = await serve(EXAMPLES);
      const files = await serve(build);
      server.intercept((req, res) => {
        if (req.url.endsWith('.html') || req.url.includes('.html?') || req.url.includes('.html#')) {
          res.setHeader('content-security-policy', STRICT_CSP);
        }
        if (!req.url.startsWith('/widget/')) return false;
        fetch(`${files.url}${req.url.slice('/widget'.length)}`).then(async (answer) => {
          res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') });
          res.end(Buffer.from(await answer.arrayBuffer()));
        });
        return true;
      });
      server.also = files;
    });
    after(() => {
      server?.also?.close();
      server?.close();
    });

    async function open(path) {
      const tab = await chrome.context.newPage();
      const problems = watch(tab);
      const warnings = [];
      tab.on('console', (m) => {
        if (m.type() === 'warning') warnings.push(m.text());
      });
      await tab.addInitScript(() => {
        window.__violations = [];
        window.__states = {};
        document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
        new MutationObserver((changes) => {
          for (const c of changes) {
            const key = c.target.id || c.target.localName;
            (window.__states[key] ??= []).push(c.target.getAttribute('data-iom-news-state'));
          }
        }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-iom-news-state'] });
      });
      await tab.goto(`${server.url}${path}`);
      return { tab, problems, warnings };
    }
    const ready = (tab, selector = 'iom-news') =>
      tab.waitForFunction((s) => [...document.querySelectorAll(s)].every((e) => e.dataset.iomNewsState === 'ready'), selector);
    /** The release titles a widget lists, of those the contract feed has. */
    async function listed(widget) {
      const shown = [];
      for (const title of [...FIRST_PAGE, MNG_FR, PAGE_TWO]) {
        if (await widget.getByRole('link', { name: title, exact: true }).count()) shown.push(title);
      }
      return shown;
    }
    async function clean(tab, problems) {
      assert.deepEqual(await tab.evaluate(() => window.__violations), [], 'no CSP violation');
      assert.deepEqual(problems, []);
    }

    test('the script tag mounts a widget right after itself, with its data- attributes', async () => {
      const { tab, problems } = await open('/script-tag.html');
      await ready(tab);
      const placed = await tab.evaluate(() => {
        const widget = document.querySelector('script[data-feed]').nextElementSibling;
        return [widget.localName, widget.id, widget.nextElementSibling.id];
      });
      assert.deepEqual(placed, ['iom-news', 'from-script', 'after']);
      const widget = tab.locator('#from-script');
      assert.deepEqual(await listed(widget), [MNG, SEN], 'data-page-size="2"');
      await widget.getByRole('button', { name: 'More news' }).click();
      await widget.getByRole('link', { name: UKR }).waitFor();
      await clean(tab, problems);
      await tab.close();
    });

    test('the element: the page\'s own content until the news, states loading then ready, open="#id", links="off"', async () => {
      const { tab, problems } = await open('/element.html');
      await ready(tab);
      assert.deepEqual((await tab.evaluate(() => window.__states)).main, ['loading', 'ready']);
      const main = tab.locator('#main');
      assert.deepEqual(await listed(main), FIRST_PAGE);
      assert.equal(await tab.locator('#main > a', { hasText: 'IOM news' }).isVisible(), false, 'the page\'s link goes when the news shows');
      // The feed title shows, unless heading="none".
      assert.equal(await main.getByText('Contract feed', { exact: true }).count(), 1);
      assert.equal(await tab.locator('#side').getByText('Contract feed', { exact: true }).count(), 0);
      // A compact list with open="#main" opens its release in #main, and the address names it.
      await tab.locator('#side').getByRole('link', { name: SEN }).click();
      await main.getByRole('heading', { name: SEN }).waitFor();
      assert.equal(new URL(tab.url()).hash, '#iom-news:main=c-sen-2024');
      // links="off": the address is never touched.
      const before = tab.url();
      await tab.locator('#quiet').getByRole('link', { name: UKR }).click();
      await tab.locator('#quiet').getByRole('heading', { name: UKR }).waitFor();
      assert.equal(tab.url(), before);
      await clean(tab, problems);
      await tab.close();
    });

    test('IOMNews.mount, widget.update(), the open and close events with the release id, IOMNews.unmount, IOMNews.version', async () => {
      const { tab, problems } = await open('/api.html');
      await tab.waitForFunction(() => window.contract?.widget);
      const news = tab.locator('#news');
      assert.deepEqual(await listed(news), FIRST_PAGE);
      assert.match(await tab.evaluate(() => IOMNews.version), /^0\.\d+\.\d+$/, 'a 0.x version');
      assert.equal(await tab.evaluate(() => document.querySelector('#news').getAttribute('data-iom-news-version')), await tab.evaluate(() => IOMNews.version));
      await news.getByRole('link', { name: SEN }).click();
      await news.getByRole('heading', { name: SEN }).waitFor();
      await tab.goBack();
      await news.getByRole('link', { name: UKR }).waitFor();
      assert.deepEqual(await tab.evaluate(() => window.contract.events), ['open c-sen-2024', 'close c-sen-2024']);
      // The events bubble out of the shadow root and cross it: a listener on the document hears them.
      await tab.evaluate(() => document.addEventListener('iom-news:open', (e) => window.contract.events.push(`document ${e.detail}`)));
      await news.getByRole('link', { name: UKR }).click();
      await tab.waitForFunction(() => window.contract.events.includes('document c-ukr-2023'));
      await tab.goBack();
      // update() re-reads the element's attributes (a French interface here).
      await news.getByRole('button', { name: 'More news' }).waitFor();
      await tab.evaluate(() => {
        document.querySelector('#news').setAttribute('lang', 'fr');
        window.contract.widget.update();
      });
      await news.getByRole('button', { name: 'Plus d’actualités' }).waitFor();
      await tab.evaluate(() => IOMNews.unmount(document.querySelector('#news')));
      assert.equal(await news.getByRole('link').count(), 0, 'unmounted');
      assert.equal(await tab.evaluate(() => document.querySelector('#news').hasAttribute('data-iom-news-state')), false);
      await clean(tab, problems);
      await tab.close();
    });

    test('every attribute takes every documented value without a warning; one of each kind does what it says', async () => {
      const { tab, problems, warnings } = await open('/attributes.html');
      await ready(tab, 'iom-news:not(#loading-2)');
      // loading="lazy": far below the screen it waits, and loads when the reader comes near.
      await tab.waitForTimeout(300);
      assert.deepEqual(await tab.evaluate(() => {
        const lazy = document.querySelector('#loading-2');
        return [lazy.dataset.iomNewsState, lazy.shadowRoot.querySelectorAll('link').length];
      }), ['loading', 0], 'waiting, its stylesheet not even requested');
      await tab.locator('#loading-2').scrollIntoViewIfNeeded();
      await ready(tab);
      assert.deepEqual(warnings, [], 'no documented value is warned about');
      const at = (id) => tab.locator(`#${id}`);
      assert.deepEqual(await listed(at('page-size-2')), [MNG, SEN], 'a number: page-size');
      assert.equal(await at('page-size-2').getByRole('button', { name: 'More news' }).count(), 1);
      assert.equal(await at('layout-3').getByRole('searchbox').count(), 0, 'an enumeration: layout="compact" has no search box');
      assert.equal(await at('layout-1').getByRole('searchbox').count(), 1, 'layout="list" has one');
      assert.equal(await at('heading-2').getByText('Latest from IOM', { exact: true }).count(), 1, 'a text: heading');
      assert.equal(await at('lang-4').getByRole('button', { name: 'Plus d’actualités' }).count(), 1, 'a language: lang="fr"');
      assert.deepEqual(await listed(at('country-1')), [SEN], 'a list: country');
      assert.deepEqual(await listed(at('region-1')), [UKR], 'region');
      assert.deepEqual(await listed(at('tag-1')), [UKR], 'tag');
      assert.deepEqual(await listed(at('year-1')), [SEN], 'year');
      assert.deepEqual(await listed(at('language-1')), [MNG_FR], 'language: the French version of the release');
      assert.deepEqual(await listed(at('inline')), [], 'the inline feed is not the contract feed');
      await at('inline').getByRole('link', { name: 'Release from the inline feed' }).waitFor();
      // A switch: links="off" (and an id reference: open="#inline" opens in that widget).
      const before = tab.url();
      await at('links-2').getByRole('link', { name: SEN }).click();
      await at('links-2').getByRole('heading', { name: SEN }).waitFor();
      assert.equal(tab.url(), before);
      await clean(tab, problems);
      await tab.close();
    });

    test('bad values warn and fall back; a feed that cannot be had is "failed", with the page\'s link', async () => {
      const { tab, warnings } = await open('/bad-values.html');
      await ready(tab, '#bad');
      await tab.waitForFunction(() => document.querySelector('#missing').dataset.iomNewsState === 'failed', null, { timeout: 20000 });
      for (const attribute of ['theme', 'layout', 'page-size', 'links']) {
        assert.ok(warnings.some((w) => w.includes(`${attribute}=`)), `a warning names ${attribute}: ${warnings.join('\n')}`);
      }
      assert.deepEqual(await listed(tab.locator('#bad')), FIRST_PAGE, 'the defaults: ten releases in a list');
      // Readers get a short message and the page's own link (its address, the widget's words).
      const failed = tab.locator('#missing').getByRole('alert');
      assert.ok(await failed.isVisible());
      assert.equal(await failed.getByRole('link').getAttribute('href'), 'https://www.iom.int/news');
      await tab.close();
    });

    test('a module the page\'s CSP blocks: "broken", and the page\'s own content stays', async () => {
      const tab = await chrome.context.newPage();
      await tab.route('**/bad-values.html', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'self'" } });
      });
      await tab.goto(`${server.url}/bad-values.html`);
      await tab.waitForFunction(() => document.querySelector('#missing').dataset.iomNewsState === 'broken', null, { timeout: 10000 });
      assert.equal(await tab.locator('#missing').getByRole('link', { name: 'IOM news' }).isVisible(), true);
      await tab.close();
    });

    test('the fragment: #iom-news=<id>, #iom-news:<element id>=<id>, beside the page\'s own fragment', async () => {
      const plain = await open('/plain.html#iom-news=c-sen-2024');
      await plain.tab.locator('iom-news').getByRole('heading', { name: SEN }).waitFor();
      await plain.tab.close();

      const named = await open('/element.html#iom-news:main=c-ukr-2023');
      await named.tab.locator('#main').getByRole('heading', { name: UKR }).waitFor();
      assert.equal(await named.tab.locator('#side').getByRole('heading', { name: UKR }).count(), 0, 'the key names one widget');
      await named.tab.close();

      const { tab, problems } = await open('/plain.html#/about');
      const widget = tab.locator('iom-news');
      await widget.getByRole('link', { name: MNG }).click();
      await widget.getByRole('heading', { name: MNG }).waitFor();
      assert.equal(new URL(tab.url()).hash, '#/about&iom-news=c-mng-2025');
      await tab.goBack();
      await widget.getByRole('link', { name: SEN }).waitFor();
      assert.equal(new URL(tab.url()).hash, '#/about');
      await clean(tab, problems);
      await tab.close();
    });

    test('the fragment: <key>.q and a facet each (country, region, tag, year, language), read and written', async () => {
      const cases = [
        ['iom-news.q=Senegal', [SEN]],
        ['iom-news.country=UKR', [UKR]],
        ['iom-news.region=West%20and%20Central%20Africa', [SEN]],
        ['iom-news.tag=Labour%20Migration', [MNG]],
        ['iom-news.year=2023', [UKR]],
        ['iom-news.language=fr', [MNG_FR]],
      ];
      for (const [fragment, expected] of cases) {
        const { tab } = await open(`/plain.html#${fragment}`);
        await ready(tab);
        await tab.locator('iom-news').getByRole('link', { name: expected[0] }).waitFor();
        assert.deepEqual(await listed(tab.locator('iom-news')), expected, fragment);
        await tab.close();
      }
      const { tab } = await open('/element.html');
      await ready(tab);
      await tab.locator('#main').getByRole('searchbox').fill('Ukraine');
      await tab.waitForFunction(() => decodeURIComponent(location.hash).includes('iom-news:main.q=Ukraine'));
      await tab.close();
    });

    test('the feed format: JSON Feed 1.1 fields and _iom shown in the release, next_url paging', async () => {
      const { tab, problems } = await open('/plain.html#iom-news=c-mng-2025');
      const widget = tab.locator('iom-news');
      await widget.getByRole('heading', { name: MNG }).waitFor();
      for (const text of ['Ulaanbaatar', 'Body of the Mongolia release, about labour migrants.', 'Caption of the workshop picture',
        '© IOM/Contract 2025', 'Contact Person One', 'IOM Beijing', 'Labour Migration', 'Mongolia', 'Asia and the Pacific']) {
        assert.ok(await widget.getByText(text).count() > 0, `shows ${text}`);
      }
      assert.equal(await widget.getByRole('link', { name: 'one@example.org' }).getAttribute('href'), 'mailto:one@example.org');
      assert.equal(await widget.getByRole('link', { name: 'français' }).count(), 1, 'the translation, named in its language');
      assert.equal(await widget.locator('img').first().getAttribute('src'), `${server.url}/pic.svg`, 'the image, resolved against the feed');
      await widget.getByText('Back to all news').first().click();
      await widget.getByRole('button', { name: 'More news' }).click();
      await widget.getByRole('link', { name: PAGE_TWO }).waitFor();
      await clean(tab, problems);
      await tab.close();
    });
  });
}
