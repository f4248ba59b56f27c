// The npm package: `npm pack` of the release folder gives a tarball that installs offline into
// an empty project, and whose files, served as they are from node_modules, mount the widget
// under the strict CSP, pinned by the tag make release prints.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, browser, watch } from './helpers.mjs';
import { DIST, RELEASE, VERSION, LOADER, GLUE, WASM, CSS, STRICT_CSP, needs } from './builds.mjs';
import { scriptTag } from '../../tools/release.mjs';

needs(RELEASE, 'make release');
const NAME = 'iom-news-widget';
const TITLE = 'IOM, Mongolia Support Greater Protection of Labour Migrants';

let dir;
let installed;
let packed;
let server;
let chrome;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'iom-news-npm-'));
  // npm's cache in the temporary folder too: nothing comes from, or goes to, the machine's.
  const npm = (args, cwd) => execFileSync('npm', [...args, '--cache', join(dir, 'cache')], { cwd, encoding: 'utf8' });
  [packed] = JSON.parse(npm(['pack', RELEASE, '--pack-destination', dir, '--json', '--offline'], dir));
  const app = join(dir, 'app');
  execFileSync('mkdir', [app]);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'host-site', private: true }));
  npm(['install', '--offline', '--no-audit', '--no-fund', join(dir, packed.filename)], app);
  installed = join(app, 'node_modules', NAME);
  const page = (tag) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>npm</title><link rel="icon" href="data:,">${tag}</head>
<body><iom-news id="element" feed="/feed.json"></iom-news><div id="api"></div></body></html>`;
  const loader = readFileSync(join(installed, LOADER));
  server = await serve(`${installed}/`);
  server.intercept((req, res) => {
    const answer = {
      '/page.html': ['text/html; charset=utf-8', page(scriptTag('/iom-news.js', loader))],
      '/feed.json': ['application/json', readFileSync(join(DIST, 'feed.json'))],
    }[req.url];
    if (!answer) return false;
    res.writeHead(200, { 'content-type': answer[0], ...(req.url === '/page.html' ? { 'content-security-policy': STRICT_CSP } : {}) });
    res.end(answer[1]);
    return true;
  });
  chrome = await browser();
});
after(async () => {
  await chrome?.close();
  server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('npm pack: the package holds the four files, its README and manifest, at the release version', () => {
  assert.equal(packed.name, NAME);
  assert.equal(packed.version, VERSION);
  assert.deepEqual(packed.files.map((f) => f.path).sort(), [LOADER, GLUE, WASM, CSS, 'README.md', 'LICENSE', 'package.json'].sort());
});

test('installed offline from the tarball: the same bytes as the release, no install scripts', () => {
  assert.deepEqual(readdirSync(installed).sort(), [LOADER, GLUE, WASM, CSS, 'README.md', 'LICENSE', 'package.json'].sort());
  for (const file of [LOADER, GLUE, WASM, CSS]) {
    assert.ok(readFileSync(join(installed, file)).equals(readFileSync(join(RELEASE, file))), file);
  }
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  for (const hook of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts?.[hook], undefined, hook);
});

test('served from node_modules as they are, the files mount the widget (element and IOMNews.mount) under the strict CSP', async () => {
  const tab = await chrome.context.newPage();
  const problems = watch(tab);
  await tab.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  const response = await tab.goto(`${server.url}/page.html`);
  assert.equal(response.headers()['content-security-policy'], STRICT_CSP);
  await tab.locator('#element .iom-news__card', { hasText: TITLE }).waitFor();
  await tab.evaluate(() => window.IOMNews.mount(document.getElementById('api'), { feed: '/feed.json', layout: 'compact' }));
  await tab.locator('#api .iom-news__card', { hasText: TITLE }).waitFor();
  assert.equal(await tab.evaluate(() => window.IOMNews.version), VERSION);
  assert.equal(await tab.evaluate(() => document.querySelector('script[integrity]') !== null), true, 'the page pins the loader');
  for (const file of [GLUE, WASM, CSS]) assert.ok(server.hits[`/${file}`] >= 1, `${file} came from node_modules`);
  assert.deepEqual(await tab.evaluate(() => window.__violations), []);
  assert.deepEqual(problems, []);
  await tab.close();
});
