// A JavaScript port of core/src/synth.rs (`iom-news synthetic N`), for `bench/run.mjs --quick`,
// which must run without cargo. It produces the same bytes as the Rust generator (same
// xorshift sequence, keys in sorted order as serde_json writes them, 2-space indentation);
// `node bench/synthetic.mjs --check` compares it with www/synthetic.json (12 items).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const COUNTRIES = ['SEN', 'MNG', 'COL', 'PHL', 'UKR', 'ETH', 'BGD', 'MEX', 'NGA', 'TUR', 'AFG', 'PER'];
const REGIONS = [
  'West and Central Africa',
  'Asia and the Pacific',
  'South America',
  'Asia and the Pacific',
  'Europe and Central Asia',
  'East and Horn of Africa',
  'Asia and the Pacific',
  'Central America, North America and the Caribbean',
  'West and Central Africa',
  'Europe and Central Asia',
  'Asia and the Pacific',
  'South America',
];
const THEMES = ['Labour Migration', 'Counter-trafficking', 'Migration Health', 'Emergencies', 'Climate Change', 'Integration'];
const SENTENCES = [
  'This paragraph is synthetic filler text generated for testing the news widget.',
  'It describes no real event, place, person or organization.',
  'The sentences vary in length so that the layout can be checked with realistic text.',
  'Generated feeds let the tests and the benchmarks work with any number of items.',
  'A longer sentence, with commas, a few clauses and some numbers such as 12, 345 and 6,789, exercises wrapping and line height in every layout the widget offers.',
  'Short sentence.',
  'Filler text continues here so that each paragraph reaches a typical length.',
];

const MASK = (1n << 64n) - 1n;

/** The Rust generator's xorshift sequence, on 64-bit unsigned integers. */
function sequence() {
  let state = 0x9e3779b97f4a7c15n;
  return (below) => {
    state ^= (state << 13n) & MASK;
    state ^= state >> 7n;
    state ^= (state << 17n) & MASK;
    return Number(state % BigInt(Math.max(below, 1)));
  };
}

function daysInMonth(year, month) {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n, width) => String(n).padStart(width, '0');

function item(n, next, date) {
  const country = n % COUNTRIES.length;
  const paragraphs = [];
  for (let p = 0, count = 5 + next(11); p < count; p++) {
    const sentences = [];
    for (let s = 0, words = 2 + next(4); s < words; s++) sentences.push(SENTENCES[next(SENTENCES.length)]);
    paragraphs.push(sentences.join(' '));
  }
  const html = paragraphs.map((p) => `<p>${p}</p>\n`).join('').trimEnd();
  const tags = [];
  for (let k = 0; k < 1 + (n % 3); k++) tags.push(THEMES[(n + k) % THEMES.length]);
  const contact = n % 7 + 1;
  // Keys in sorted order, as serde_json's default map writes them.
  return {
    _iom: {
      contacts: [
        { email: `contact${contact}@example.org`, name: `Sample Contact ${contact}`, office: 'Sample Office', phone: ['+00 000 000 0000'] },
      ],
      countries: [COUNTRIES[country]],
      dateline: `Sample City ${n % 20 + 1}`,
      region: REGIONS[country],
      release_type: 'Press Release',
    },
    content_html: html,
    date_published: `${pad(date.year, 4)}-${pad(date.month, 2)}-${pad(date.day, 2)}T09:00:00Z`,
    id: `sample-${n}`,
    language: 'en',
    summary: `Summary of sample release ${n}. ${SENTENCES[n % SENTENCES.length]}`,
    tags,
    title: `Sample release ${n}`,
  };
}

/** The synthetic feed of `count` releases as an object, newest first (one a day back from 2026-11-28). */
export function feed(count) {
  const next = sequence();
  const date = { year: 2026, month: 11, day: 28 };
  const items = [];
  for (let n = 1; n <= count; n++) {
    items.push(item(n, next, date));
    // The next item is one day older.
    if (date.day > 1) {
      date.day -= 1;
    } else {
      if (date.month > 1) {
        date.month -= 1;
      } else {
        date.month = 12;
        date.year -= 1;
      }
      date.day = daysInMonth(date.year, date.month);
    }
  }
  return {
    description: 'Generated test data; not IOM news.',
    items,
    language: 'en',
    title: `Synthetic feed (${count} sample releases)`,
    version: 'https://jsonfeed.org/version/1.1',
  };
}

/** The same feed as pretty-printed JSON text with a final newline, like `feed_text` in Rust. */
export function feedText(count) {
  return JSON.stringify(feed(count), null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--check') {
  const expected = readFileSync(new URL('../www/synthetic.json', import.meta.url), 'utf8');
  const same = feedText(12) === expected;
  console.log(same ? 'bench/synthetic.mjs matches www/synthetic.json' : 'bench/synthetic.mjs DIFFERS from www/synthetic.json');
  process.exit(same ? 0 : 1);
}
