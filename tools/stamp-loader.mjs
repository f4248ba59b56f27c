// Writes the build's facts into the loader: Cargo.toml's version, and with --integrity DIR the
// sha384 hash of each file the loader starts, taken from DIR (the files exactly as they ship).
//
//   node tools/stamp-loader.mjs SOURCE OUT [--integrity DIR]
//
// SOURCE is www/iom-news.js (or a copy of it, unminified: the markers are comments). `make build`
// stamps the version only; `make release` stamps the hashes too, then minifies as build does.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The files the loader starts, each checked against its hash in a release. */
export const STARTED = ['iom-news-widget.js', 'iom-news-widget_bg.wasm', 'iom-news.css'];

/** The version in the root Cargo.toml's [package] table. */
export function cargoVersion(root = fileURLToPath(new URL('../', import.meta.url))) {
  return packageVersion(readFileSync(join(root, 'Cargo.toml'), 'utf8'));
}

/** The `version` of a Cargo.toml's [package] table. */
export function packageVersion(toml) {
  const table = toml.split(/^\[/m).find((t) => t.startsWith('package]'));
  const version = table?.match(/^version\s*=\s*"([^"]+)"/m)?.[1];
  if (!version) throw new Error('no [package] version in Cargo.toml');
  return version;
}

/** The sha384 integrity value of some bytes, as SRI writes it. */
export const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

/** The loader's source with `version`, and `integrity` (an object, or null), written in. */
export function stamp(source, version, integrity) {
  const once = (text, marker, value) => {
    const parts = text.split(marker);
    if (parts.length !== 2) throw new Error(`the loader must hold ${marker} exactly once (found ${parts.length - 1})`);
    return parts[0] + value + parts[1];
  };
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(version)) throw new Error(`not a semver version: ${version}`);
  const versioned = once(source, "/* @version */ 'dev'", JSON.stringify(version));
  return once(versioned, '/* @integrity */ null', JSON.stringify(integrity));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [source, out, flag, dir] = process.argv.slice(2);
  if (!source || !out || (flag && (flag !== '--integrity' || !dir))) {
    console.error('usage: node tools/stamp-loader.mjs SOURCE OUT [--integrity DIR]');
    process.exit(2);
  }
  const integrity = dir ? Object.fromEntries(STARTED.map((f) => [f, sri(readFileSync(join(dir, f)))])) : null;
  writeFileSync(out, stamp(readFileSync(source, 'utf8'), cargoVersion(), integrity));
}
