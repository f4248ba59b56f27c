// The published JSON Schema agrees with core: the sample feeds and the valid fixtures pass it,
// and every fixture core rejects in core/tests/fixtures/invalid/ fails it too. (The fixtures in
// invalid-core-only/ break rules a JSON Schema cannot state; core's own tests cover them.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const root = (p) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const schema = JSON.parse(readFileSync(root('schema/feed.schema.json'), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const fixtures = (dir) =>
  readdirSync(root(dir))
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, readFileSync(root(`${dir}/${f}`), 'utf8')]);

test('the sample feeds and the valid fixtures pass the schema', () => {
  const good = [
    ['www/feed.json', readFileSync(root('www/feed.json'), 'utf8')],
    ['www/synthetic.json', readFileSync(root('www/synthetic.json'), 'utf8')],
    ...fixtures('core/tests/fixtures/valid'),
  ];
  for (const [name, text] of good) {
    assert.ok(validate(JSON.parse(text)), `${name}: ${ajv.errorsText(validate.errors)}`);
  }
});

test('every broken fixture that core rejects fails the schema', () => {
  const broken = fixtures('core/tests/fixtures/invalid');
  assert.ok(broken.length >= 25, `only ${broken.length} fixtures`);
  for (const [name, text] of broken) {
    let value;
    try {
      value = JSON.parse(text);
    } catch {
      continue; // Not JSON at all: no schema applies, and core rejects it with line and column.
    }
    assert.equal(validate(value), false, `${name} passes the schema but core rejects it`);
  }
});

test('the schema lists exactly the country codes core knows', () => {
  const rust = readFileSync(root('core/src/country.rs'), 'utf8');
  const core = [...rust.matchAll(/\("([A-Z]{3})", "[A-Z]{2}"\)/g)].map((m) => m[1]).sort();
  const listed = [...schema.$defs.iom.properties.countries.items.enum].sort();
  assert.deepEqual(listed, core);
});
