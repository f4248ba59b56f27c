// One hash covers every byte that runs: the release's loader checks the glue, the wasm and the
// stylesheet against the sha384 hashes written into it, under the strict CSP, and refuses to
// start when one does not match. Each tampered copy below differs from the release in one bit
// of one file, chosen so that the file still works (a control runs it with dist/'s loader,
// which carries no hashes): the hash, and nothing else, is what refuses it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, watch } from './helpers.mjs';
import { DIST, RELEASE, VERSION, GLUE, WASM, CSS, LOADER, STRICT_CSP, needs } from './builds.mjs';
import { scriptTag } from '../../tools/release.mjs';

needs(DIST, 'make build');
needs(RELEASE, 'make release');

/** Flips the 0x20 bit (a letter's case) of the first byte one of `patterns` finds. */
function flip(bytes, patterns) {
  const text = bytes.toString('latin1');
  const at = patterns.map((p) => text.search(p)).find((i) => i >= 0);
  assert.ok(at !== undefined, `no harmless byte to flip: none of ${patterns.join(', ')} is in the file`);
  const copy = Buffer.from(bytes);
  copy[at] ^= 0x20;
  return copy;
}
const TAMPER = {
  // Header names are case-insensitive: `headers.get('content-Type')` is the same call.
  [GLUE]: (b) => flip(b, [/C(?=ontent-Type)/]),
  // The name of the tools' custom section ("producers"), which no engine reads; else a letter
  // of the failure message in the data section, which a working widget never shows.
  [WASM]: (b) => flip(b, [/p(?=roducers)/, /G(?=o to the news page)/]),
  // A hex colour's letter: CSS reads #0033a0 and #0033A0 alike.
  [CSS]: (b) => flip(b, [/(?<=#[0-9a-fA-F]{0,5})[a-f](?=[0-9a-fA-F]{0,5}[^0-9a-fA-F])/]),
};

const FEED = readFileSync(join(DIST, 'feed.json'));
const TITLE = 'IOM, Mongolia Support Greater Protection of Labour Migrants';
const loader = readFileSync(join(RELEASE, LOADER));
const page = (tag) => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>integrity</title><link rel="icon" href="data:,">${tag}</head>
<body>
<iom-news id="bare" feed="/feed.json"></iom-news>
<iom-news id="kept" feed="/feed.json"><a href="https://www.iom.int/news">The page's own news link</a></iom-news>
</body>
</html>`;

let dir;
let server;
let chrome;
const pages = {};
before(async () => {
  // /release/: the release as built; /<file>/: the release with that file tampered; /control-<file>/:
  // the same tampered files started by dist/'s loader, which checks nothing.
  dir = mkdtempSync(join(tmpdir(), 'iom-news-integrity-'));
  const folder = (name, loaderFrom, tampered) => {
    cpSync(RELEASE, join(dir, name), { recursive: true });
    cpSync(join(loaderFrom, LOADER), join(dir, name, LOADER));
    if (tampered) writeFileSync(join(dir, name, tampered), TAMPER[tampered](readFileSync(join(RELEASE, tampered))));
    const tag = loaderFrom === RELEASE ? scriptTag(LOADER, loader) : `<script src="${LOADER}"></script>`;
    writeFileSync(join(dir, name, 'page.html'), page(tag));
    pages[`/${name}/page.html`] = { 'content-security-policy': STRICT_CSP };
  };
  folder('release', RELEASE);
  for (const file of Object.keys(TAMPER)) {
    folder(file, RELEASE, file);
    folder(`control-${file}`, DIST, file);
  }
  writeFileSync(join(dir, 'feed.json'), FEED);
  server = await serve(dir, {}, pages);
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function open(path) {
  const tab = await chrome.context.newPage();
  const problems = watch(tab);
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const response = await tab.goto(`${server.url}${path}`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP, 'the page is served with the strict CSP');
  return { tab, problems };
}

const states = (tab) => tab.evaluate(() => [...document.querySelectorAll('iom-news')].map((e) => e.dataset.iomNewsState));

test('the release as built starts under the strict CSP, with the tag make release prints', async () => {
  const { tab, problems } = await open('/release/page.html');
  await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')].every((e) => e.dataset.iomNewsState === 'ready'));
  await tab.locator('#bare .iom-news__card', { hasText: TITLE }).waitFor();
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  assert.equal(await tab.evaluate(() => window.IOMNews.version), VERSION);
  // Each file was fetched once: the glue through its checked modulepreload, which import() reused.
  for (const file of [GLUE, WASM]) assert.equal(server.hits[`/release/${file}`], 1, file);
  // The loader's own tag is checked by the browser too: the page names its hash.
  assert.match(await tab.evaluate(() => document.querySelector('script[integrity]').integrity), /^sha384-/);
  await tab.close();
});

for (const file of Object.keys(TAMPER)) {
  test(`one flipped bit in ${file}: the widget refuses to start, and says which file`, async () => {
    const { tab, problems } = await open(`/${file}/page.html`);
    await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')].every((e) => e.dataset.iomNewsState === 'broken'), null, { timeout: 10000 });
    assert.deepEqual(await states(tab), ['broken', 'broken']);
    // The loader's visible failure: the short message with a link, or the page's own content.
    assert.equal(await tab.locator('#bare [role=alert] p').first().textContent(), 'The news could not be loaded.');
    assert.equal(await tab.locator('#bare [role=alert] a').getAttribute('href'), 'https://www.iom.int/news');
    assert.ok(await tab.locator('#kept a', { hasText: "The page's own news link" }).isVisible());
    assert.equal(await tab.locator('iom-news .iom-news__card').count(), 0, 'no release is shown');
    const named = problems.filter((p) => p.startsWith(`console: iom-news ${VERSION}: ${file} does not match the sha384 hash`));
    assert.equal(named.length, 1, problems.join('\n'));
    assert.deepEqual(await tab.evaluate(() => window.__violations), [], 'no CSP violation on the way');
    if (file === GLUE) assert.equal(server.hits[`/${file}/${GLUE}`], 1, 'the refused glue is never fetched again, unchecked');
    await tab.close();
  });

  test(`control: the same ${file} runs when nothing checks it (dist/'s loader)`, async () => {
    const { tab, problems } = await open(`/control-${file}/page.html`);
    await tab.locator('#bare .iom-news__card', { hasText: TITLE }).waitFor();
    await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')].every((e) => e.dataset.iomNewsState === 'ready'));
    assert.deepEqual(problems, []);
    await tab.close();
  });
}

test('a glue that changes after its check is not the one that runs: import() reuses the checked module', async () => {
  const good = readFileSync(join(RELEASE, GLUE));
  const bad = TAMPER[GLUE](good);
  let served = 0;
  server.intercept((req, res) => {
    if (!req.url.startsWith(`/release/${GLUE}`)) return false;
    res.writeHead(200, { 'content-type': 'text/javascript' });
    res.end(served++ === 0 ? good : bad);
    return true;
  });
  try {
    const { tab, problems } = await open('/release/page.html');
    await tab.waitForFunction(() => [...document.querySelectorAll('iom-news')].every((e) => e.dataset.iomNewsState === 'ready'));
    assert.equal(served, 1, 'the glue was fetched once, through the checked preload');
    assert.deepEqual(problems, []);
    await tab.close();
  } finally {
    server.intercept(null);
  }
});
