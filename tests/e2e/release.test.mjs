// The release web teams pin: what release/iom-news-X.Y.Z/ and its .tar.gz hold, one version
// everywhere (Cargo.toml, the npm manifest, the loader, the widget, the CHANGELOG), and a widget
// that reports its version to the page and in the console, in both builds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, hostPage } from './helpers.mjs';
import { ROOT, DIST, RELEASE, VERSION, GLUE, WASM, CSS, LOADER, needs } from './builds.mjs';
import { sri } from '../../tools/stamp-loader.mjs';
import { versions, scriptTag } from '../../tools/release.mjs';

needs(DIST, 'make build');
needs(RELEASE, 'make release');
const manifest = JSON.parse(readFileSync(join(RELEASE, 'package.json'), 'utf8'));
const loader = readFileSync(join(RELEASE, LOADER));

test('one version everywhere: the three Cargo.toml files, the npm manifest, the CHANGELOG', () => {
  for (const [where, version] of Object.entries(versions(ROOT))) assert.equal(version, VERSION, where);
  assert.equal(manifest.version, VERSION, 'the released package.json');
  assert.match(VERSION, /^\d+\.\d+\.\d+$/);
  const changelog = readFileSync(join(ROOT, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## \\[${VERSION.replaceAll('.', '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'),
    `CHANGELOG.md has a section for ${VERSION}`);
});

test('the release folder holds only what an embed loads, the glue, wasm and CSS exactly as make build made them', () => {
  assert.deepEqual(readdirSync(RELEASE).sort(), [LOADER, GLUE, WASM, CSS, 'README.md', 'LICENSE', 'package.json'].sort());
  for (const file of [GLUE, WASM, CSS]) {
    assert.ok(readFileSync(join(RELEASE, file)).equals(readFileSync(join(DIST, file))), `${file} differs from dist/ (run make release)`);
  }
  // The loader carries the hash of each file beside it, and its version.
  const text = loader.toString('utf8');
  for (const file of [GLUE, WASM, CSS]) assert.ok(text.includes(`"${file}":"${sri(readFileSync(join(RELEASE, file)))}"`), file);
  assert.ok(text.includes(`"${VERSION}"`));
  assert.ok(!text.includes('@integrity') && !text.includes('@version'), 'no marker is left');
  // dist/'s loader: the version, no hashes.
  const unhashed = readFileSync(join(DIST, LOADER), 'utf8');
  assert.ok(unhashed.includes(`"${VERSION}"`) && !unhashed.includes('sha384-'));
  // The README gives the tag with this loader's hash.
  assert.ok(readFileSync(join(RELEASE, 'README.md'), 'utf8').includes(scriptTag(`/iom-news-${VERSION}/iom-news.js`, loader)));
});

test('the .tar.gz holds the release folder and nothing else, the same bytes', () => {
  const archive = `${RELEASE.replace(/\/$/, '')}.tar.gz`;
  const listed = execFileSync('tar', ['-tzf', archive], { encoding: 'utf8' }).trim().split('\n').sort();
  const name = `iom-news-${VERSION}/`;
  assert.deepEqual(listed, [name, ...readdirSync(RELEASE).map((f) => name + f)].sort());
  const out = mkdtempSync(join(tmpdir(), 'iom-news-tar-'));
  try {
    execFileSync('tar', ['-xzf', archive, '-C', out]);
    for (const file of readdirSync(RELEASE)) {
      assert.ok(readFileSync(join(out, name, file)).equals(readFileSync(join(RELEASE, file))), file);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('the npm manifest: the released files exported, nothing run at install', () => {
  assert.equal(manifest.name, 'iom-news-widget');
  assert.deepEqual([...manifest.files].sort(), [LOADER, GLUE, WASM, CSS, 'README.md', 'LICENSE'].sort());
  assert.equal(manifest.exports['.'], `./${LOADER}`);
  for (const file of [LOADER, GLUE, WASM, CSS]) assert.equal(manifest.exports[`./${file}`], `./${file}`);
  for (const target of Object.values(manifest.exports)) assert.ok(readdirSync(RELEASE).includes(target.slice(2)), target);
  assert.equal(manifest.scripts, undefined, 'no scripts at all, so none at install');
  assert.equal(manifest.dependencies, undefined);
  assert.equal(manifest.private, undefined);
});

// The version the page can see, and in the console, from each build.
let server;
let chrome;
before(async () => {
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
});

for (const [name, folder] of [['dist/', DIST], ['release', RELEASE]]) {
  test(`${name}: IOMNews.version, data-iom-news-version, and the version in the loader's and the widget's console lines`, async () => {
    server?.close();
    server = await serve(folder, {
      '/page.html': ['text/html; charset=utf-8', hostPage('<iom-news id="a" feed="/feed.json" theme="purple"></iom-news><div id="b"></div>')],
      '/feed.json': ['application/json', readFileSync(join(DIST, 'feed.json'))],
    });
    const tab = await chrome.context.newPage();
    const lines = [];
    tab.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
    await tab.goto(`${server.url}/page.html`);
    await tab.locator('#a .iom-news__card').waitFor();
    assert.equal(await tab.evaluate(() => window.IOMNews.version), VERSION);
    await tab.evaluate(() => window.IOMNews.mount(document.getElementById('b'), { feed: '/feed.json', colour: 'red' }));
    assert.deepEqual(await tab.evaluate(() => [...document.querySelectorAll('#a, #b')].map((e) => e.dataset.iomNewsVersion)), [VERSION, VERSION]);
    const prefix = `warning: iom-news ${VERSION}: `;
    assert.ok(lines.some((l) => l.startsWith(`${prefix}unknown option "colour"`)), `the loader's: ${lines.join('\n')}`);
    assert.ok(lines.some((l) => l.startsWith(prefix) && l.includes('theme="purple" is not valid')), `the widget's: ${lines.join('\n')}`);
    await tab.evaluate(() => window.IOMNews.unmount(document.getElementById('b')));
    assert.equal(await tab.evaluate(() => document.getElementById('b').hasAttribute('data-iom-news-version')), false);
    // A second copy of the same version does nothing, silently; of another version, it says so.
    await tab.evaluate(() => new Promise((resolve) => {
      const again = document.createElement('script');
      again.src = '/iom-news.js';
      again.onload = resolve;
      document.head.append(again);
    }));
    assert.ok(!lines.some((l) => l.includes('already loaded')), lines.join('\n'));
    await tab.close();
  });

  test(`${name}: a loader that finds another version on the page says which, and does nothing`, async () => {
    const tab = await chrome.context.newPage();
    const lines = [];
    tab.on('console', (m) => lines.push(`${m.type()}: ${m.text()}`));
    await tab.route('**/other.html', (route) => route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><script src="/first.js"></script><script src="/iom-news.js"></script><iom-news feed="/feed.json"></iom-news>',
    }));
    await tab.route('**/first.js', (route) => route.fulfill({ contentType: 'text/javascript', body: 'window.IOMNews = Object.freeze({ version: "0.1.9" });' }));
    await tab.goto(`${server.url}/other.html`);
    assert.equal(await tab.evaluate(() => window.IOMNews.version), '0.1.9');
    assert.ok(lines.includes(`warning: iom-news ${VERSION}: iom-news 0.1.9 is already loaded on this page; this copy does nothing`), lines.join('\n'));
    assert.equal(await tab.evaluate(() => customElements.get('iom-news')), undefined);
    await tab.close();
  });
}
