// The shape of the widget's code, checked so that it cannot drift unseen (issues 12 and 13):
// imports point one way (entry points → components → hooks → {state, load, browser} → core),
// only the browser layer touches the page, and the stylesheet uses logical properties only, so
// that right-to-left needs no mirrored copy; and nothing a feed says is hashed (issue 11: a feed
// of chosen colliding keys blocked the page for 38 s), in core or the widget. No browser: these
// read the source files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const SRC = fileURLToPath(new URL('../../src/', import.meta.url));
const read = (path) => readFileSync(join(SRC, path), 'utf8');
const rust = (dir) => readdirSync(join(SRC, dir)).filter((f) => f.endsWith('.rs')).map((f) => join(dir, f));
// Code only: comments may name anything.
const code = (text) => text.split('\n').filter((line) => !/^\s*\/\//.test(line)).join('\n');
const uses = (path) => [...new Set([...code(read(path)).matchAll(/crate::([a-z_]+)/g)].map((m) => m[1]))];

test('imports point one way: components never reach the browser layer, hooks never the views, the layers below neither', () => {
  const rules = [
    ['browser', rust('browser'), []],
    ['components', rust('components'), ['components', 'hooks', 'state', 'model', 'config']],
    ['hooks', rust('hooks'), ['browser', 'config', 'load', 'model', 'state', 'hooks']],
    ['load', ['load.rs'], ['browser', 'config', 'state']],
    ['state', ['state.rs'], ['model', 'config']],
    ['model', ['model.rs'], ['state', 'config']],
    ['config', ['config.rs'], []],
  ];
  const wrong = [];
  for (const [layer, files, allowed] of rules) {
    assert.ok(files.length > 0, layer);
    for (const file of files) {
      for (const used of uses(file)) if (!allowed.includes(used)) wrong.push(`${file} uses crate::${used}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('only the browser layer (and the entry point) reaches window or document', () => {
  const wrong = [];
  for (const file of [...rust('components'), ...rust('hooks'), 'state.rs', 'model.rs', 'config.rs', 'load.rs', 'prerender.rs']) {
    const text = code(read(file));
    for (const pattern of [/\bwindow\(\)/, /\bdocument\(\)/, /js_sys::Date/, /web_sys::window/, /gloo_timers/]) {
      if (pattern.test(text)) wrong.push(`${file}: ${pattern}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('the stylesheet uses logical properties: nothing that would need a mirrored copy for right to left', () => {
  const css = readFileSync(fileURLToPath(new URL('../../www/iom-news.css', import.meta.url)), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '');
  const physical = [
    /\b(margin|padding|border)-(left|right)\b/,
    /\bborder-(top|bottom)-(left|right)-radius\b/,
    /(^|[\s;{])(left|right)\s*:/,
    /\b(text-align|float|clear)\s*:\s*(left|right)\b/,
  ];
  const wrong = css.split('\n').filter((line) => physical.some((p) => p.test(line)));
  assert.deepEqual(wrong, []);
});

test('nothing in core or the widget hashes what a feed says: it is ordered by sorting, which no input can make slow', () => {
  const ROOT = fileURLToPath(new URL('../../', import.meta.url));
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.rs')) files.push(path);
    }
  };
  walk('core/src');
  walk('src');
  assert.ok(files.length > 20, files.join());
  const wrong = [];
  for (const file of files) {
    const text = code(readFileSync(join(ROOT, file), 'utf8'));
    for (const pattern of [/\bHash(Map|Set)\b/, /\bBuildHasher\b/, /\bfnv\b/i, /\bhashbrown\b/, /\bFxHash/]) {
      if (pattern.test(text)) wrong.push(`${file}: ${pattern}`);
    }
  }
  assert.deepEqual(wrong, [], 'group and look up feed text with core::order_by_text (a sort), not a hash table');
});
