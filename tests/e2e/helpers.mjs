// Shared by the end-to-end tests: a static server for the release build and a headless
// Debian Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { join, normalize, extname } from 'node:path';
import { tmpdir } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` on 127.0.0.1 at a free port; `routes` maps paths to [type, body, status] overrides and
 * `headers` maps paths to extra response headers. Counts requests per path in `hits`. With
 * `compress`, answers that asked for it are sent gzip-encoded (level 9), as a web host would.
 */
export async function serve(root, routes = {}, headers = {}, { compress = false } = {}) {
  const hits = {};
  let intercept = null;
  const send = (req, res, status, head, body) => {
    if (compress && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '') && body.length > 0) {
      res.writeHead(status, { ...head, 'content-encoding': 'gzip', vary: 'accept-encoding' });
      res.end(gzipSync(body, { level: 9 }));
    } else {
      res.writeHead(status, head);
      res.end(body);
    }
  };
  const server = createServer(async (req, res) => {
    // Not new URL(req.url, base): a path that starts with // would read as a host name.
    const path = decodeURIComponent(new URL(`http://x${req.url}`).pathname);
    hits[path] = (hits[path] ?? 0) + 1;
    if (intercept?.(req, res)) return;
    if (routes[path]) {
      const [type, body, status = 200] = routes[path];
      send(req, res, status, { 'content-type': type, ...headers[path] }, Buffer.from(body ?? ''));
      return;
    }
    const file = normalize(join(root, path.endsWith('/') ? path + 'index.html' : path));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      send(req, res, 200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers[path] }, body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    hits,
    /** Answers requests `handler` takes (it returns true) before the files and routes. */
    intercept: (handler) => { intercept = handler; },
    close: () => { server.closeAllConnections?.(); server.close(); },
  };
}

/** The flags every headless Chromium here runs with (the machine's network is closed). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A fresh headless Chromium with an empty profile. */
export async function browser() {
  const profile = await mkdtemp(join(tmpdir(), 'iom-news-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: CHROMIUM_ARGS,
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Collects console errors, page errors and failed requests of a page. */
export function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()}`));
  return problems;
}

/** A host page at the root of the built dist/: `body`, then the loader script. */
export function hostPage(body) {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>iom-news test page</title><link rel="icon" href="data:,"></head>
<body>
<main>
<h1>iom-news test page</h1>
${body}
</main>
<script src="/iom-news.js" async></script>
</body>
</html>`;
}

/** The text of the focused element, looking into shadow roots (run it in the page). */
export const activeText = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active?.textContent?.trim() ?? null;
};

/** A JSON Feed document. */
export function feedJson(items, extra = {}) {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Test feed',
    ...extra,
    items,
  });
}
