// Where the end-to-end tests find each build: `make build`'s dist/ (the demo and example pages
// beside the widget), and `make release`'s release/iom-news-X.Y.Z/ (only what an embed loads,
// the loader carrying the hashes of the others).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { cargoVersion } from '../../tools/stamp-loader.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const VERSION = cargoVersion(ROOT);
export const DIST = process.env.IOM_NEWS_DIST ?? `${ROOT}dist/`;
export const RELEASE = process.env.IOM_NEWS_RELEASE ?? `${ROOT}release/iom-news-${VERSION}/`;
export const GLUE = 'iom-news-widget.js';
export const WASM = 'iom-news-widget_bg.wasm';
export const CSS = 'iom-news.css';
export const LOADER = 'iom-news.js';

/** The policy the widget promises to work under: no inline script or style, no blob:. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
  "img-src 'self' https: data:; base-uri 'none'; object-src 'none'";

/** Fails at once, saying what to run, when a build the tests need is missing. */
export function needs(folder, made) {
  if (!existsSync(`${folder}${LOADER}`)) throw new Error(`no ${folder}${LOADER}: run \`${made}\` first`);
  return folder;
}
