// The size budget: what an embed downloads from dist/ must stay under the gzip budget in
// bench/size-budget.json. Prints every file's raw, gzip and brotli size.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = (p) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const budget = JSON.parse(readFileSync(root('bench/size-budget.json'), 'utf8'));

test(`shipped widget stays under ${budget.gzip_budget_bytes} bytes gzip`, () => {
  let total = 0;
  const rows = budget.files.map((name) => {
    const bytes = readFileSync(root(`dist/${name}`));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    total += gzip;
    return `${name.padEnd(26)} ${String(bytes.length).padStart(8)} raw ${String(gzip).padStart(8)} gzip ${String(brotli).padStart(8)} brotli`;
  });
  console.log(`${rows.join('\n')}\ntotal gzip ${total} bytes (budget ${budget.gzip_budget_bytes}, goal ${budget.goal_bytes})`);
  assert.ok(total <= budget.gzip_budget_bytes, `${total} bytes gzip is over the budget of ${budget.gzip_budget_bytes}`);
});
