// The last step of `make release`, once release/iom-news-X.Y.Z/ holds the four files an embed
// loads: checks that every version agrees with the root Cargo.toml and that the loader carries
// the hashes of the files beside it, writes the npm package's manifest (npm/package.json),
// README and LICENSE into the folder, packs release/iom-news-X.Y.Z.tar.gz reproducibly, and
// prints the tag to paste.
//
//   node tools/release.mjs release/iom-news-X.Y.Z
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { STARTED, cargoVersion, packageVersion, sri } from './stamp-loader.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const LOADER = 'iom-news.js';
/** What a release folder holds: the files an embed loads, and the npm package's two. */
export const RELEASED = [LOADER, ...STARTED];
export const PACKAGE_FILES = ['package.json', 'README.md', 'LICENSE'];

/** Every version the project states, by where it is stated; they must all be the same. */
export function versions(root = ROOT) {
  const toml = (path) => packageVersion(readFileSync(join(root, path), 'utf8'));
  return {
    'Cargo.toml': toml('Cargo.toml'),
    'core/Cargo.toml': toml('core/Cargo.toml'),
    'cli/Cargo.toml': toml('cli/Cargo.toml'),
    'npm/package.json': JSON.parse(readFileSync(join(root, 'npm/package.json'), 'utf8')).version,
  };
}

/** The tag a page pastes to load `loader` (its bytes) from `url`, pinned by its hash. */
export const scriptTag = (url, loader) =>
  `<script src="${url}" integrity="${sri(loader)}" crossorigin="anonymous"></script>`;

function fail(message) {
  console.error(`make release: ${message}`);
  process.exit(1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) fail('usage: node tools/release.mjs release/iom-news-X.Y.Z');
  const version = cargoVersion();
  const name = `iom-news-${version}`;
  if (basename(dir) !== name) fail(`${dir} is not named for version ${version} (${name})`);
  const stated = versions();
  const off = Object.entries(stated).filter(([, v]) => v !== version);
  if (off.length) fail(`versions disagree with Cargo.toml's ${version}: ${off.map(([f, v]) => `${f} says ${v}`).join(', ')}`);

  const loader = readFileSync(join(dir, LOADER));
  const text = loader.toString('utf8');
  if (!text.includes(JSON.stringify(version))) fail(`${LOADER} does not carry the version ${version}`);
  for (const file of STARTED) {
    if (!text.includes(sri(readFileSync(join(dir, file))))) fail(`${LOADER} does not carry the hash of ${file}`);
  }

  const manifest = readFileSync(join(ROOT, 'npm/package.json'), 'utf8');
  const { files } = JSON.parse(manifest);
  const listed = [...RELEASED, 'README.md', 'LICENSE'];
  if (files.slice().sort().join() !== listed.slice().sort().join()) {
    fail(`npm/package.json "files" must list exactly ${listed.join(', ')}`);
  }
  writeFileSync(join(dir, 'package.json'), manifest);
  writeFileSync(join(dir, 'LICENSE'), readFileSync(join(ROOT, 'LICENSE')));
  const pinned = (url) => scriptTag(url, loader);
  writeFileSync(join(dir, 'README.md'), `${readFileSync(join(ROOT, 'npm/README.md'), 'utf8')}
## This version: ${version}

Pinned to this version's files, whose hash the browser checks (a file that changed under the
address would not run):

\`\`\`html
${pinned(`https://cdn.jsdelivr.net/npm/iom-news-widget@${version}/iom-news.js`)}
\`\`\`

or, from your own copy of the files (the same tag; only the address changes):

\`\`\`html
${pinned(`/iom-news-${version}/iom-news.js`)}
\`\`\`
`);
  const extra = readdirSync(dir).filter((f) => ![...RELEASED, ...PACKAGE_FILES].includes(f));
  if (extra.length) fail(`${dir} holds files that are not released: ${extra.join(', ')}`);

  // The archive is the same bytes for the same files: names sorted, owner and times fixed (the
  // last commit's time), gzip without a name or time.
  let epoch = process.env.SOURCE_DATE_EPOCH;
  try {
    epoch ??= execFileSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    epoch = '0';
  }
  const tar = execFileSync('tar', ['--sort=name', `--mtime=@${epoch}`, '--owner=0', '--group=0', '--numeric-owner',
    '--mode=u+rw,go+r,go-w', '-C', dirname(dir), '-cf', '-', name], { maxBuffer: 1 << 28 });
  writeFileSync(`${dir}.tar.gz`, gzipSync(tar, { level: 9 }));

  const row = (file, gzip = true) => {
    const bytes = readFileSync(file);
    const packed = gzip ? `, ${String(gzipSync(bytes, { level: 9 }).length).padStart(7)} gzip` : '';
    return `${file.padEnd(48)} ${String(bytes.length).padStart(8)} bytes${packed}`;
  };
  console.log([...RELEASED.map((f) => row(join(dir, f))), row(`${dir}.tar.gz`, false)].join('\n'));
  console.log(`
iom-news ${version}: release in ${dir}/ and ${dir}.tar.gz (npm package: npm pack ${dir})

Host the folder under a path that names the version, and paste (with your address):

  ${pinned(`https://YOUR-HOST/iom-news-${version}/iom-news.js`)}
`);
}
