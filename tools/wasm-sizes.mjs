// Code size of a wasm module by function and by crate, from its name section (twiggy 0.7 cannot
// read modules that use bulk-memory instructions, which the nightly build emits).
//
// Usage: node tools/wasm-sizes.mjs MODULE.wasm [--top N] [--crates | --owners] [--diff OTHER.wasm]
//   --crates  by the crate the function's path starts with (yew::..., alloc::...)
//   --owners  by the widget or core module it was made for: a generic function of yew, alloc or
//             core instantiated with a widget type (drop_glue::<iom_news::state::State>, yew's
//             CompStateInner<ReleaseView>, a Callback's closure) counts for that module
// Use the module before wasm-opt, which keeps names:
//   target/size/wasm-bindgen/release/iom-news-widget_bg.wasm (after `make build`).
import { readFileSync } from 'node:fs';

function leb(bytes, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [result, pos];
  }
}

/** Each defined function's name (demangled roughly) and body size, plus the data size. */
export function sizes(path) {
  const bytes = readFileSync(path);
  let pos = 8;
  let imported = 0;
  const bodies = [];
  const names = new Map();
  let data = 0;
  while (pos < bytes.length) {
    const id = bytes[pos++];
    let size;
    [size, pos] = leb(bytes, pos);
    const end = pos + size;
    if (id === 2) {
      let count;
      let p;
      [count, p] = leb(bytes, pos);
      for (let i = 0; i < count; i++) {
        let len;
        [len, p] = leb(bytes, p); p += len;
        [len, p] = leb(bytes, p); p += len;
        const kind = bytes[p++];
        if (kind === 0) { imported++; [, p] = leb(bytes, p); } else if (kind === 1) { p += 1; const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); } else if (kind === 2) { const flags = bytes[p++]; [, p] = leb(bytes, p); if (flags & 1) [, p] = leb(bytes, p); } else if (kind === 3) { p += 2; } else if (kind === 4) { p += 1; [, p] = leb(bytes, p); }
      }
    } else if (id === 10) {
      let count;
      let p;
      [count, p] = leb(bytes, pos);
      for (let i = 0; i < count; i++) {
        let len;
        const start = p;
        [len, p] = leb(bytes, p);
        p += len;
        bodies.push(p - start);
      }
    } else if (id === 11) {
      data = size;
    } else if (id === 0) {
      let len;
      let p;
      [len, p] = leb(bytes, pos);
      const name = bytes.subarray(p, p + len).toString();
      p += len;
      if (name === 'name') {
        while (p < end) {
          const sub = bytes[p++];
          let subSize;
          [subSize, p] = leb(bytes, p);
          const subEnd = p + subSize;
          if (sub === 1) {
            let count;
            [count, p] = leb(bytes, p);
            for (let i = 0; i < count; i++) {
              let index;
              let n;
              [index, p] = leb(bytes, p);
              [n, p] = leb(bytes, p);
              names.set(index, bytes.subarray(p, p + n).toString());
              p += n;
            }
          }
          p = subEnd;
        }
      }
    }
    pos = end;
  }
  // Crate disambiguators ([0123abcd...]) change with every build: leave them out.
  const functions = bodies.map((size, i) => ({
    name: demangle(names.get(imported + i) ?? `func[${imported + i}]`).replace(/\[[0-9a-f]{6,}\]/g, ''),
    size,
  }));
  return { functions, data, total: bytes.length };
}

/** A readable Rust path from a mangled symbol (legacy mangling), else the name itself. */
function demangle(name) {
  const m = /^_ZN(.*)E$/.exec(name);
  if (!m) return name;
  const parts = [];
  let rest = m[1];
  while (rest.length) {
    const d = /^(\d+)/.exec(rest);
    if (!d) break;
    const n = Number(d[1]);
    parts.push(rest.slice(d[1].length, d[1].length + n));
    rest = rest.slice(d[1].length + n);
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts.at(-1))) parts.pop();
  return parts.join('::').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u20\$/g, ' ')
    .replace(/\$RF\$/g, '&').replace(/\$C\$/g, ',').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}')
    .replace(/\.\./g, '::').replace(/\$u27\$/g, "'").replace(/\$BP\$/g, '*').replace(/\$u5b\$/g, '[').replace(/\$u5d\$/g, ']');
}

/** The crate a function belongs to: the first path segment, looking through `<T as Trait>`. */
function crateOf(name) {
  const inner = name.replace(/^_?</, '');
  return inner.split(/::|[ <>,]/)[0] || name;
}

/** The widget or core module a function was made for, else its crate (see --owners). */
function ownerOf(name) {
  const widget = /iom_news::(components|hooks|browser)::(\w+)/.exec(name) ?? /iom_news::(\w+)/.exec(name);
  if (widget) return widget[2] ? `iom_news::${widget[1]}::${widget[2]}` : `iom_news::${widget[1]}`;
  const core = /iom_news_core::(\w+)/.exec(name);
  return core ? `iom_news_core::${core[1]}` : crateOf(name);
}

function byCrate(functions, key = crateOf) {
  const out = new Map();
  for (const f of functions) out.set(key(f.name), (out.get(key(f.name)) ?? 0) + f.size);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [path, ...flags] = process.argv.slice(2);
  const top = Number(flags[flags.indexOf('--top') + 1]) || 40;
  const module = sizes(path);
  const other = flags.includes('--diff') ? sizes(flags[flags.indexOf('--diff') + 1]) : null;
  console.log(`${path}: ${module.total} bytes, code ${module.functions.reduce((a, f) => a + f.size, 0)}, data ${module.data}, ${module.functions.length} functions`);
  if (flags.includes('--crates') || flags.includes('--owners')) {
    const key = flags.includes('--owners') ? ownerOf : crateOf;
    const mine = byCrate(module.functions, key);
    const theirs = other ? byCrate(other.functions, key) : new Map();
    const rows = [...new Set([...mine.keys(), ...theirs.keys()])]
      .map((c) => [c, mine.get(c) ?? 0, (mine.get(c) ?? 0) - (theirs.get(c) ?? 0)])
      .sort((a, b) => (other ? Math.abs(b[2]) - Math.abs(a[2]) : b[1] - a[1]));
    for (const [c, size, delta] of rows.slice(0, top)) console.log(`${String(size).padStart(8)} ${other ? `${delta >= 0 ? '+' : ''}${delta}`.padStart(8) : ''}  ${c}`);
  } else if (other) {
    const sum = (fs) => { const m = new Map(); for (const f of fs) m.set(f.name, (m.get(f.name) ?? 0) + f.size); return m; };
    const a = sum(module.functions);
    const b = sum(other.functions);
    const rows = [...new Set([...a.keys(), ...b.keys()])].map((n) => [n, (a.get(n) ?? 0) - (b.get(n) ?? 0)]).filter((r) => r[1] !== 0)
      .sort((x, y) => Math.abs(y[1]) - Math.abs(x[1]));
    console.log(`data ${module.data - other.data >= 0 ? '+' : ''}${module.data - other.data}`);
    for (const [n, d] of rows.slice(0, top)) console.log(`${`${d >= 0 ? '+' : ''}${d}`.padStart(8)}  ${n.slice(0, 150)}`);
  } else {
    for (const f of [...module.functions].sort((x, y) => y.size - x.size).slice(0, top)) console.log(`${String(f.size).padStart(8)}  ${f.name.slice(0, 150)}`);
  }
}
