/*! iom-news baseline: the same feed, list and release view as the widget, in plain JavaScript.
 *
 * The floor `bench/run.mjs` compares the widget against: no framework, no build step, no
 * WebAssembly. It does the work the widget does to show the first page of a feed (fetch,
 * JSON.parse, validate every item, format dates and country names with Intl, build the same
 * markup in a shadow root with the widget's linked stylesheet) and emits the same performance
 * marks (iom-news:loaded, the iom-news:parse measure, iom-news:rendered). Its
 * search is the widget's too: a search box that searches on every `input` event, one select
 * per facet (country, region, theme, year, language) with counts, newest first (undated
 * last), the search words in <mark> in titles and summaries, a live count, an empty state,
 * the query kept in the address; each query run is timed by the iom-news:query measure.
 *
 * Search as a hand-written renderer would do it: each release's text (title, summary,
 * dateline, body text with the tags stripped by a regular expression, contacts) is folded
 * ONCE at load (lowercase, accents stripped with normalize('NFD') and \p{M}); a keystroke
 * folds the typed words, keeps the releases whose text holds every word, counts the facet
 * values, sorts the matches newest first and rebuilds the first page. No debounce, no index
 * beyond the folded text, no narrowing from the previous matches (the widget has that).
 *
 * Where the widget and a hand-written renderer differ on purpose (this is a floor):
 *  - dates and country names are formatted for the releases shown, not for every item, with
 *    one Intl.DateTimeFormat and one Intl.DisplayNames per page;
 *  - validation is the minimum that keeps the markup safe and correct (types, id, body, RFC
 *    3339 shape, http(s) allow-list for url/external_url/image/banner_image, alpha-3 shape,
 *    unique ids); the widget checks much more (BCP 47 tags, phone numbers, ...);
 *  - folding is Unicode's (NFD, marks dropped, toLowerCase); the widget has its own tables
 *    (Latin, Cyrillic, Greek, Arabic, Chinese), which give the same result on the synthetic feed.
 *
 * Feed content never goes through innerHTML: every node is built with createElement and
 * textContent; release bodies are parsed inert with DOMParser and rebuilt through the widget's
 * allow-list (p, h1-h6, blockquote, lists, strong/b, em/i, a with http(s)/mailto/tel, br, img
 * with http(s), figure, tables), HTML namespace only.
 *
 * The release view mirrors the widget's (back, title, meta line with region, figure,
 * standfirst, body, themes, contacts, translations, copy link, original); `bench/run.mjs`
 * compares both DOMs and reports any difference, so keep this file in step with src/components/.
 *
 * <div id="baseline" data-feed="feed.json" data-page-size="10"></div>
 * <script src="baseline.js" async></script>          ?feed=URL&page-size=N override the attributes
 */
(function () {
  'use strict';

  var KEY = 'iom-news';
  var TEXT = {
    loading: 'Loading news…',
    unavailable: 'The news could not be loaded.',
    notFeed: 'The file is not a news feed.',
    network: 'The news feed could not be reached.',
    http: "The news feed's server answered with error {status}.",
    syntax: 'The news feed is damaged.',
    seeConsole: 'Details are in the browser console.',
    skippedOne: '1 item could not be shown.',
    skippedMany: '{count} items could not be shown.',
    empty: 'There is no news to show.',
    back: 'Back to all news',
    notFound: 'This news release is not in the feed.',
    contacts: 'For more information please contact:',
    phone: 'Tel:',
    email: 'E-mail:',
    untitled: 'Untitled release',
    alsoIn: 'Also in:',
    copyLink: 'Copy link',
    linkCopied: 'Link copied.',
    copyFailed: 'The link could not be copied; here it is: {url}',
    original: 'Read the original release',
    themes: 'Themes',
    more: 'More news',
    loadingMore: 'Loading more news…',
    search: 'Search news',
    filters: 'Search and filters',
    country: 'Country',
    region: 'Region',
    tag: 'Theme',
    year: 'Year',
    language: 'Language',
    all: 'All',
    clear: 'Clear filters',
    noResults: 'No news matches your search.',
    resultsOne: '1 release',
    resultsMany: '{count} releases',
  };
  // The facets, in the order of their controls, with their keys in the address.
  var FACETS = [
    { name: 'country', part: 'country' },
    { name: 'region', part: 'region' },
    { name: 'tag', part: 'tag' },
    { name: 'year', part: 'year' },
    { name: 'language', part: 'lang' },
  ];
  // ISO 3166-1 alpha-3 to alpha-2 for the codes the synthetic feed and www/feed.json use;
  // any other code is shown as it is (the widget carries the full table).
  var ALPHA2 = {
    SEN: 'SN', MNG: 'MN', COL: 'CO', PHL: 'PH', UKR: 'UA', ETH: 'ET',
    BGD: 'BD', MEX: 'MX', NGA: 'NG', TUR: 'TR', AFG: 'AF', PER: 'PE',
  };
  var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-](\d{2}):(\d{2}))$/;
  var ALPHA3 = /^[A-Z]{3}$/;

  var script = document.currentScript;
  var assets = new URL('./', (script && script.src) || document.baseURI);
  var host = document.getElementById('baseline');
  if (!host) {
    console.error('iom-news baseline: no <div id="baseline"> in the page');
    return;
  }
  var params = new URLSearchParams(location.search);
  var feedUrl = params.get('feed') || host.getAttribute('data-feed');
  var pageSize = parseInt(params.get('page-size') || host.getAttribute('data-page-size') || '10', 10);
  if (!(pageSize >= 1 && pageSize <= 100)) pageSize = 10;
  var lang = params.get('lang') || host.getAttribute('data-lang') || 'en';

  var dateFormat = new Intl.DateTimeFormat(lang, { dateStyle: 'long' });
  var regionNames = new Intl.DisplayNames([lang], { type: 'region' });

  // --- State -----------------------------------------------------------------------------
  var state = {
    title: null,
    entries: [], // validated releases, in feed order
    byId: new Map(),
    skipped: 0,
    shown: pageSize,
    next: null, // the next page's URL, if any
    loadingMore: false,
    open: null, // id of the open release
    query: { text: '', filter: noFilter() }, // the reader's search and filters
    results: { matches: [], facets: {}, words: [] }, // the last query run
  };

  function noFilter() {
    return { country: [], region: [], tag: [], year: [], language: [] };
  }

  var linkIds = new WeakMap(); // card link -> release id (no extra attribute in the markup)

  // --- DOM helpers -----------------------------------------------------------------------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  var root = host.attachShadow({ mode: 'open' });
  var sheet = document.createElement('link');
  sheet.rel = 'stylesheet';
  sheet.href = new URL('iom-news.css', assets).href;
  var container = document.createElement('div');
  root.replaceChildren(sheet, container);
  var styled = new Promise(function (resolve) {
    sheet.addEventListener('load', resolve, { once: true });
    sheet.addEventListener('error', resolve, { once: true });
  });

  var frame = document.createElement('div');
  frame.setAttribute('data-theme', 'light');
  frame.setAttribute('lang', lang);
  frame.setAttribute('dir', 'ltr');
  frame.className = 'iom-news iom-news--list';

  function show(content) {
    frame.replaceChildren.apply(frame, Array.isArray(content) ? content : [content]);
    if (frame.parentNode !== container) container.replaceChildren(frame);
  }

  // --- Deep links (the widget's fragment rules) ------------------------------------------
  function encode(s) {
    return encodeURIComponent(s).replace(/[!'()*]/g, function (c) {
      return '%' + c.charCodeAt(0).toString(16).toUpperCase();
    });
  }
  function decode(s) {
    try { return decodeURIComponent(s); } catch (e) { return s; }
  }
  function fragmentGet(hash, key) {
    var parts = hash.replace(/^#/, '').split('&');
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (eq > 0 && parts[i].slice(0, eq) === key) return decode(parts[i].slice(eq + 1)) || null;
    }
    return null;
  }
  function fragmentSet(hash, key, value) {
    var parts = hash.replace(/^#/, '').split('&').filter(function (part) {
      if (!part) return false;
      var eq = part.indexOf('=');
      return !(eq >= 0 && part.slice(0, eq) === key);
    });
    if (value != null) parts.push(key + '=' + encode(value));
    return parts.join('&');
  }
  function hrefFor(id) {
    return '#' + fragmentSet(location.hash, KEY, id);
  }
  /** The search and filters kept in the address (`iom-news.q=...&iom-news.country=MNG`). */
  function queryGet(hash) {
    var query = { text: fragmentGet(hash, KEY + '.q') || '', filter: noFilter() };
    FACETS.forEach(function (facet) {
      var value = fragmentGet(hash, KEY + '.' + facet.part);
      if (value) query.filter[facet.name] = value.split(',').map(function (v) { return v.trim(); }).filter(Boolean);
    });
    return query;
  }
  function querySet(hash, query) {
    var out = fragmentSet(hash, KEY + '.q', query.text.trim() || null);
    FACETS.forEach(function (facet) {
      out = fragmentSet(out, KEY + '.' + facet.part, query.filter[facet.name].join(',') || null);
    });
    return out;
  }

  // --- Validation ------------------------------------------------------------------------
  function text(value) {
    return typeof value === 'string' && value.trim() !== '' ? value : null;
  }
  function webUrl(value, base) {
    if (typeof value !== 'string' || /\s/.test(value.trim())) return null;
    try {
      var url = new URL(value.trim(), base);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }
  function isDate(value) {
    var m = RFC3339.exec(value);
    if (!m) return false;
    var month = +m[2], day = +m[3], hour = +m[4], minute = +m[5], second = +m[6];
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour < 24 && minute < 60 && second <= 60 &&
      (m[9] === undefined || (+m[9] < 24 && +m[10] < 60));
  }

  /** A release from a feed item, or a list of problems. */
  function validate(item, index, base, seen) {
    var problems = [];
    var path = 'items[' + index + ']';
    if (item === null || typeof item !== 'object' || Array.isArray(item)) {
      return { problems: [path + ': not an object'] };
    }
    var id = item.id;
    if (typeof id === 'number' && isFinite(id)) id = String(id);
    if (typeof id !== 'string' || id.trim() === '') problems.push(path + '.id: missing or not text');
    else if (seen.has(id)) problems.push(path + '.id: the id "' + id + '" is already used by an earlier item');
    ['title', 'summary', 'content_html', 'content_text', 'date_published', 'date_modified', 'language'].forEach(function (field) {
      if (item[field] != null && typeof item[field] !== 'string') problems.push(path + '.' + field + ': not text');
    });
    var html = text(item.content_html), plain = text(item.content_text);
    if (!html && !plain) problems.push(path + ': needs "content_html" or "content_text"');
    ['date_published', 'date_modified'].forEach(function (field) {
      if (text(item[field]) && !isDate(item[field])) problems.push(path + '.' + field + ': not an RFC 3339 date');
    });
    var urls = {};
    ['url', 'external_url', 'image', 'banner_image'].forEach(function (field) {
      if (item[field] == null || item[field] === '') return;
      urls[field] = webUrl(item[field], base);
      if (!urls[field]) problems.push(path + '.' + field + ': only https: and http: URLs are allowed');
    });
    if (item.tags != null && !(Array.isArray(item.tags) && item.tags.every(function (t) { return typeof t === 'string'; }))) {
      problems.push(path + '.tags: not a list of text');
    }
    var iom = item._iom == null ? {} : item._iom;
    if (typeof iom !== 'object' || Array.isArray(iom)) {
      problems.push(path + '._iom: not an object');
      iom = {};
    }
    ['dateline', 'region', 'release_type', 'image_caption', 'image_credit'].forEach(function (field) {
      if (iom[field] != null && typeof iom[field] !== 'string') problems.push(path + '._iom.' + field + ': not text');
    });
    var translations = [];
    if (iom.translations != null) {
      if (typeof iom.translations !== 'object' || Array.isArray(iom.translations)) {
        problems.push(path + '._iom.translations: not an object');
      } else {
        Object.keys(iom.translations).forEach(function (tag) {
          var target = iom.translations[tag];
          if (typeof target !== 'string' || !target.trim()) problems.push(path + '._iom.translations.' + tag + ': not text');
          else translations.push({ lang: tag, target: target.trim() });
        });
      }
    }
    var countries = iom.countries == null ? [] : iom.countries;
    if (!Array.isArray(countries) || !countries.every(function (c) { return typeof c === 'string' && ALPHA3.test(c); })) {
      problems.push(path + '._iom.countries: not a list of ISO 3166-1 alpha-3 codes');
      countries = [];
    }
    var contacts = iom.contacts == null ? [] : iom.contacts;
    if (!Array.isArray(contacts)) {
      problems.push(path + '._iom.contacts: not a list');
      contacts = [];
    }
    contacts = contacts.map(function (c, k) {
      var where = path + '._iom.contacts[' + k + ']';
      if (c === null || typeof c !== 'object' || Array.isArray(c)) {
        problems.push(where + ': not an object');
        return null;
      }
      var phone = c.phone == null ? [] : typeof c.phone === 'string' ? [c.phone] : c.phone;
      if (!Array.isArray(phone) || !phone.every(function (p) { return typeof p === 'string'; })) {
        problems.push(where + '.phone: not a list of text');
        phone = [];
      }
      ['name', 'office', 'email'].forEach(function (field) {
        if (c[field] != null && typeof c[field] !== 'string') problems.push(where + '.' + field + ': not text');
      });
      var contact = { name: text(c.name), office: text(c.office), phone: phone.filter(text), email: text(c.email) };
      if (!contact.name && !contact.office && !contact.email && contact.phone.length === 0) {
        problems.push(where + ': needs a name, office, phone or email');
      }
      return contact;
    });
    if (problems.length) return { problems: problems };
    seen.add(id);
    var published = text(item.date_published);
    var language = text(item.language);
    return {
      release: {
        id: id,
        title: text(item.title),
        summary: text(item.summary),
        html: html,
        plain: plain,
        url: urls.url || null,
        image: urls.image || null,
        published: text(item.date_published),
        dateline: text(iom.dateline),
        region: text(iom.region),
        imageCaption: text(iom.image_caption),
        imageCredit: text(iom.image_credit),
        tags: (item.tags || []).filter(text),
        translations: translations,
        countries: countries,
        contacts: contacts,
        base: base,
        search: null, // folded text, see index()
        time: published ? Date.parse(published) : NaN,
        facets: {
          country: countries,
          region: text(iom.region) ? [iom.region] : [],
          tag: (item.tags || []).filter(text),
          year: published ? [published.slice(0, 4)] : [],
          language: language ? [language.split('-')[0].toLowerCase()] : [],
        },
        // Display values, filled in when the release is first shown.
        date: undefined,
        countryNames: undefined,
      },
    };
  }

  /** The validated releases of a feed document; throws a readable Error when it is not one. */
  function readFeed(doc, base, seen) {
    if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(TEXT.notFeed);
    if (typeof doc.version !== 'string' || doc.version.indexOf('https://jsonfeed.org/version/1') !== 0) throw new Error(TEXT.notFeed);
    if (!Array.isArray(doc.items)) throw new Error(TEXT.notFeed);
    var releases = [];
    var skipped = 0;
    for (var i = 0; i < doc.items.length; i++) {
      var result = validate(doc.items[i], i, base, seen);
      if (result.release) {
        releases.push(result.release);
      } else {
        skipped += 1;
        console.warn('iom-news baseline: item ' + i + ' skipped: ' + result.problems.join('; '));
      }
    }
    return {
      title: text(doc.title),
      releases: releases,
      skipped: skipped,
      next: doc.next_url == null ? null : webUrl(doc.next_url, base),
    };
  }

  // --- Search ----------------------------------------------------------------------------
  var MARKS = /\p{M}/gu;
  function fold(s) {
    return s.normalize('NFD').replace(MARKS, '').toLowerCase();
  }

  var ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };
  /** The text of a release body, for searching only: tags dropped, script/style skipped. */
  function textOfHtml(html) {
    return html
      .replace(/<(script|style)\b[\s\S]*?(<\/\1[^>]*>|$)/gi, ' ')
      .replace(/<[^>]*>?/g, ' ')
      .replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, function (all, name) {
        if (ENTITIES[name]) return ENTITIES[name];
        if (name[0] !== '#') return all;
        var code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return code <= 0x10ffff ? String.fromCodePoint(code) : all;
      });
  }

  /** Prepares a release for searching, once, after the feed is parsed (like the widget). */
  function index(release) {
    var parts = [release.title, release.summary, release.dateline, release.html ? textOfHtml(release.html) : release.plain];
    release.contacts.forEach(function (c) { parts.push(c.name, c.office, c.email); });
    release.search = fold(parts.filter(Boolean).join('\n'));
  }

  function queryEmpty(query) {
    return query.text.trim() === '' && FACETS.every(function (f) { return query.filter[f.name].length === 0; });
  }

  function fitsFacet(filter, facet, release) {
    var wanted = filter[facet];
    if (!wanted.length) return true;
    var have = release.facets[facet];
    for (var i = 0; i < have.length; i++) {
      for (var j = 0; j < wanted.length; j++) {
        var w = wanted[j].toLowerCase();
        if (facet === 'language' ? w.split('-')[0] === have[i] : w === have[i].toLowerCase()) return true;
      }
    }
    return false;
  }

  /** Runs the reader's query over every release: matches newest first, facet counts. */
  function runQuery() {
    performance.mark('iom-news:query');
    var query = state.query;
    var words = fold(query.text).split(/\s+/).filter(Boolean);
    var base = [];
    var entries = state.entries;
    outer: for (var i = 0; i < entries.length; i++) {
      for (var k = 0; k < words.length; k++) {
        if (entries[i].search.indexOf(words[k]) < 0) continue outer;
      }
      base.push(entries[i]);
    }
    // Each facet's values among the releases that match the search and the other filters.
    var facets = {};
    FACETS.forEach(function (facet) {
      var others = FACETS.filter(function (f) { return f !== facet && query.filter[f.name].length; });
      var counts = new Map();
      base.forEach(function (release) {
        for (var o = 0; o < others.length; o++) if (!fitsFacet(query.filter, others[o].name, release)) return;
        release.facets[facet.name].forEach(function (value) { counts.set(value, (counts.get(value) || 0) + 1); });
      });
      var counted = Array.from(counts);
      counted.sort(facet.name === 'year'
        ? function (a, b) { return a[0] < b[0] ? 1 : a[0] > b[0] ? -1 : 0; }
        : function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
      facets[facet.name] = counted;
    });
    var matches = base.filter(function (release) {
      return FACETS.every(function (f) { return fitsFacet(query.filter, f.name, release); });
    });
    // Newest first, undated last; Array.prototype.sort is stable, so ties keep feed order.
    matches.sort(function (a, b) {
      var x = a.time === a.time, y = b.time === b.time; // NaN: no date
      return x && y ? b.time - a.time : x ? -1 : y ? 1 : 0;
    });
    state.results = { matches: matches, facets: facets, words: words };
    performance.measure('iom-news:query', 'iom-news:query');
  }

  /** Appends `value` to `to`, with the search words in <mark>. */
  function appendMarked(to, value, words) {
    if (!words.length) {
      to.appendChild(document.createTextNode(value));
      return;
    }
    var chars = Array.from(value);
    var folded = '';
    var origin = []; // for each UTF-16 unit of `folded`, its character in `chars`
    for (var i = 0; i < chars.length; i++) {
      var f = fold(chars[i]);
      folded += f;
      for (var k = 0; k < f.length; k++) origin.push(i);
    }
    var marked = new Array(chars.length).fill(false);
    words.forEach(function (word) {
      var from = 0, at;
      while ((at = folded.indexOf(word, from)) >= 0) {
        for (var c = origin[at]; c <= origin[at + word.length - 1]; c++) marked[c] = true;
        from = at + word.length;
      }
    });
    var start = 0;
    for (var j = 1; j <= chars.length; j++) {
      if (j < chars.length && marked[j] === marked[start]) continue;
      var piece = chars.slice(start, j).join('');
      to.appendChild(marked[start] ? el('mark', null, piece) : document.createTextNode(piece));
      start = j;
    }
  }

  // --- Display values --------------------------------------------------------------------
  function displayValues(release) {
    if (release.date !== undefined) return release;
    release.date = null;
    if (release.published) {
      var date = new Date(release.published);
      if (!isNaN(date.getTime())) release.date = dateFormat.format(date);
    }
    release.countryNames = release.countries.map(function (code) {
      var alpha2 = ALPHA2[code];
      if (!alpha2) return code;
      try { return regionNames.of(alpha2) || code; } catch (e) { return code; }
    });
    return release;
  }

  // --- Views -----------------------------------------------------------------------------
  function meta(release, withRegion) {
    displayValues(release);
    var region = withRegion ? release.region : null;
    if (!release.dateline && !release.date && release.countryNames.length === 0 && !region) return null;
    var p = el('p', 'iom-news__meta');
    if (release.dateline) p.appendChild(el('span', 'iom-news__dateline', release.dateline));
    if (release.date) {
      var time = document.createElement('time');
      time.setAttribute('datetime', release.published);
      time.className = 'iom-news__date';
      time.textContent = release.date;
      p.appendChild(time);
    }
    if (release.countryNames.length) p.appendChild(el('span', 'iom-news__countries', release.countryNames.join(', ')));
    if (region) p.appendChild(el('span', 'iom-news__region', region));
    return p;
  }

  function card(release, words) {
    var li = el('li', 'iom-news__item');
    var article = el('article', 'iom-news__card');
    var h3 = el('h3', 'iom-news__card-title');
    var a = document.createElement('a');
    a.setAttribute('href', hrefFor(release.id));
    a.className = 'iom-news__card-link';
    appendMarked(a, release.title || TEXT.untitled, words);
    linkIds.set(a, release.id);
    h3.appendChild(a);
    article.appendChild(h3);
    var line = meta(release);
    if (line) article.appendChild(line);
    if (release.summary) {
      var summary = el('p', 'iom-news__summary');
      appendMarked(summary, release.summary, words);
      article.appendChild(summary);
    }
    li.appendChild(article);
    return li;
  }

  // The search box and filters: built once and updated in place, so that the box keeps its
  // focus (and the reader's caret) while the list below is rebuilt on every keystroke.
  var filters = el('div', 'iom-news__filters');
  filters.setAttribute('role', 'group');
  filters.setAttribute('aria-label', TEXT.filters);
  var searchField = el('label', 'iom-news__field iom-news__field--search');
  searchField.appendChild(el('span', 'iom-news__label', TEXT.search));
  var searchBox = document.createElement('input');
  searchBox.setAttribute('type', 'search');
  searchBox.className = 'iom-news__search';
  searchBox.setAttribute('autocomplete', 'off');
  searchBox.setAttribute('spellcheck', 'false');
  searchField.appendChild(searchBox);
  var facetsBox = el('div', 'iom-news__facets');
  var actionsBox = el('div', 'iom-news__filter-actions');
  var clearButton = document.createElement('button');
  clearButton.setAttribute('type', 'button');
  clearButton.className = 'iom-news__clear';
  clearButton.textContent = TEXT.clear;
  filters.append(searchField, facetsBox, actionsBox);
  var controls = new Map(); // facet name -> its <label>
  var selectFacets = new WeakMap(); // <select> -> facet name

  var facetLabel = new Map();
  function valueLabel(facet, value) {
    var key = facet + ' ' + value;
    if (!facetLabel.has(key)) {
      var label = value;
      if (facet === 'country') {
        label = ALPHA2[value] ? regionName(ALPHA2[value]) || value : value;
      } else if (facet === 'language') {
        try { label = new Intl.DisplayNames([lang], { type: 'language' }).of(value) || value; } catch (e) { label = value; }
      }
      facetLabel.set(key, label);
    }
    return facetLabel.get(key);
  }
  function regionName(alpha2) {
    try { return regionNames.of(alpha2); } catch (e) { return null; }
  }

  function option(value, label, selected) {
    var node = document.createElement('option');
    node.setAttribute('value', value);
    if (selected) node.setAttribute('selected', 'selected');
    node.textContent = label;
    return node;
  }

  function updateFilters() {
    var query = state.query;
    var shown = [];
    FACETS.forEach(function (facet) {
      var values = state.results.facets[facet.name] || [];
      var chosen = query.filter[facet.name][0];
      if (!(values.length > 1 || chosen != null)) return;
      var label = controls.get(facet.name);
      var select;
      if (!label) {
        label = el('label', 'iom-news__field');
        label.appendChild(el('span', 'iom-news__label', TEXT[facet.name]));
        select = el('select', 'iom-news__select');
        selectFacets.set(select, facet.name);
        label.appendChild(select);
        controls.set(facet.name, label);
      } else {
        select = label.lastChild;
      }
      var options = [option('', TEXT.all, chosen == null)];
      values.forEach(function (pair) {
        options.push(option(pair[0], valueLabel(facet.name, pair[0]) + ' (' + pair[1] + ')', chosen === pair[0]));
      });
      select.replaceChildren.apply(select, options);
      shown.push(label);
    });
    // Controls come and go without moving the others (a moved <select> would lose focus).
    Array.from(facetsBox.children).forEach(function (label) {
      if (shown.indexOf(label) < 0) label.remove();
    });
    shown.forEach(function (label, i) {
      if (facetsBox.children[i] !== label) facetsBox.insertBefore(label, facetsBox.children[i] || null);
    });
    var empty = queryEmpty(query);
    if (empty && clearButton.parentNode) actionsBox.replaceChildren();
    else if (!empty && !clearButton.parentNode) actionsBox.appendChild(clearButton);
  }

  function moreButton() {
    var hidden = state.results.matches.length > state.shown;
    if (!hidden && !state.next) return null;
    var button = document.createElement('button');
    button.setAttribute('type', 'button');
    button.className = 'iom-news__more';
    if (state.loadingMore) {
      button.disabled = true;
      button.setAttribute('aria-busy', 'true');
      button.textContent = TEXT.loadingMore;
    } else {
      button.textContent = TEXT.more;
    }
    return button;
  }

  var shownFeed = null; // the list view's .iom-news__feed, while it is in the frame

  function renderList(focusId) {
    var matches = state.results.matches;
    var words = state.results.words;
    var searching = !queryEmpty(state.query);
    var feed = el('div', 'iom-news__feed');
    // A live region that is always there, so that changes are heard; said only while searching.
    var count = el('p', 'iom-news__count');
    count.setAttribute('role', 'status');
    if (searching) count.textContent = matches.length === 1 ? TEXT.resultsOne : TEXT.resultsMany.replace('{count}', matches.length);
    feed.appendChild(count);
    var focus = null;
    if (matches.length === 0) {
      var empty = el('div', 'iom-news__empty');
      empty.appendChild(el('p', 'iom-news__status', searching ? TEXT.noResults : TEXT.empty));
      if (searching) {
        var clear = document.createElement('button');
        clear.setAttribute('type', 'button');
        clear.className = 'iom-news__clear';
        clear.textContent = TEXT.clear;
        empty.appendChild(clear);
      }
      feed.appendChild(empty);
    } else {
      var ul = document.createElement('ul');
      ul.setAttribute('role', 'list');
      ul.className = 'iom-news__list';
      var end = Math.min(state.shown, matches.length);
      for (var i = 0; i < end; i++) {
        var li = card(matches[i], words);
        if (focusId != null && matches[i].id === focusId) focus = li.querySelector('a');
        ul.appendChild(li);
      }
      feed.appendChild(ul);
    }
    var more = moreButton();
    if (more) feed.appendChild(more);
    if (state.skipped) {
      var notice = state.skipped === 1 ? TEXT.skippedOne : TEXT.skippedMany.replace('{count}', state.skipped);
      feed.appendChild(el('p', 'iom-news__notice', notice + ' ' + TEXT.seeConsole));
    }
    var withFilters = state.entries.length > 1 || searching;
    if (withFilters) updateFilters();
    if (shownFeed && shownFeed.parentNode === frame && (filters.parentNode === frame) === withFilters) {
      // Only the list changes: the search box stays, focused, where it is.
      frame.replaceChild(feed, shownFeed);
    } else {
      var parts = [];
      if (state.title) parts.push(el('h2', 'iom-news__feed-title', state.title));
      if (withFilters) parts.push(filters);
      parts.push(feed);
      show(parts);
    }
    shownFeed = feed;
    if (focus) focus.focus();
  }

  // Release bodies: the HTML is parsed inert and rebuilt through the allow-list.
  var KEEP = {
    p: 'p', h1: 'h3', h2: 'h3', h3: 'h4', h4: 'h5', h5: 'h5', h6: 'h5', blockquote: 'blockquote',
    ul: 'ul', ol: 'ol', li: 'li', strong: 'strong', b: 'strong', em: 'em', i: 'em', a: 'a', br: 'br',
    img: 'img', figure: 'figure', figcaption: 'figcaption', table: 'table', caption: 'caption', thead: 'thead',
    tbody: 'tbody', tfoot: 'tfoot', tr: 'tr', th: 'th', td: 'td',
  };
  var HTML_NS = 'http://www.w3.org/1999/xhtml';
  var REMOVE = new Set(('script style iframe object embed template noscript svg math frame frameset noframes ' +
    'noembed applet head title meta link base textarea select button input form xmp plaintext canvas audio ' +
    'video picture source track map area portal dialog slot param option optgroup datalist output').split(' '));
  var MAX_DEPTH = 64;

  function linkHref(raw, base) {
    try {
      var url = new URL(raw.trim(), base);
      return /^(https?|mailto|tel):$/.test(url.protocol) ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function copyChildren(from, to, base, depth) {
    for (var node = from.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.TEXT_NODE) {
        to.appendChild(document.createTextNode(node.nodeValue));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        var name = node.localName;
        // SVG and MathML never survive, so namespace tricks cannot smuggle anything through.
        if (node.namespaceURI !== HTML_NS || REMOVE.has(name)) continue;
        if (depth >= MAX_DEPTH) {
          to.appendChild(document.createTextNode(node.textContent));
          continue;
        }
        var tag = KEEP[name];
        var out = null;
        if (tag === 'a') {
          var href = node.getAttribute('href') && linkHref(node.getAttribute('href'), base);
          if (href) {
            out = document.createElement('a');
            out.setAttribute('href', href);
            if (/^https?:/.test(href)) {
              out.setAttribute('target', '_blank');
              out.setAttribute('rel', 'noopener noreferrer');
            }
          }
        } else if (tag === 'img') {
          var src = node.getAttribute('src') && webUrl(node.getAttribute('src'), base);
          if (src) {
            out = document.createElement('img');
            out.setAttribute('src', src);
            out.setAttribute('alt', (node.getAttribute('alt') || '').trim());
            out.setAttribute('loading', 'lazy');
            out.setAttribute('decoding', 'async');
          }
        } else if (tag === 'table') {
          // Wide tables scroll inside their own box instead of widening the widget.
          var table = document.createElement('table');
          copyChildren(node, table, base, depth + 1);
          out = el('div', 'iom-news__table');
          out.setAttribute('tabindex', '0');
          out.appendChild(table);
          to.appendChild(out);
          continue;
        } else if (tag) {
          out = document.createElement(tag);
        }
        if (out) {
          if (tag !== 'br' && tag !== 'img') copyChildren(node, out, base, depth + 1);
          to.appendChild(out);
        } else {
          copyChildren(node, to, base, depth + 1); // unwrap
        }
      }
    }
  }

  function body(release) {
    var div = el('div', 'iom-news__body');
    if (release.html) {
      var doc = new DOMParser().parseFromString(release.html, 'text/html');
      if (doc.body) copyChildren(doc.body, div, release.base, 0);
    }
    if (div.textContent.trim() === '' && release.plain) {
      div.replaceChildren();
      release.plain.replace(/\r\n/g, '\n').split('\n\n').map(function (p) { return p.trim(); })
        .filter(Boolean).forEach(function (p) {
          var para = document.createElement('p');
          p.split('\n').forEach(function (line, i) {
            if (i > 0) para.appendChild(document.createElement('br'));
            para.appendChild(document.createTextNode(line.trim()));
          });
          div.appendChild(para);
        });
    }
    return div;
  }

  function telHref(phone) {
    var lower = phone.toLowerCase();
    var at = lower.indexOf('ext');
    var number = (at >= 0 ? phone.slice(0, at) : phone).trim();
    var href = 'tel:';
    for (var i = 0; i < number.length; i++) {
      var c = number[i];
      if (c === '+' && i === 0) href += '+';
      else if (c >= '0' && c <= '9') href += c;
      else if (' -.(),/'.indexOf(c) < 0) return null;
    }
    var digits = href.length - 4 - (href.indexOf('tel:+') === 0 ? 1 : 0);
    if (digits < 3 || digits > 17) return null;
    if (at >= 0) {
      var extension = lower.slice(at + 3).replace(/^ension/, '');
      var ext = extension.replace(/[^0-9]/g, '');
      if (!ext || !/^[0-9.: ]*$/.test(extension)) return null;
      href += ';ext=' + ext;
    }
    return href;
  }

  function mailtoHref(email) {
    email = email.trim();
    var at = email.indexOf('@');
    if (at < 0) return null;
    var local = email.slice(0, at), domain = email.slice(at + 1);
    var plain = /^[\p{L}\p{N}.\-_+']+$/u;
    if (!plain.test(local) || !plain.test(domain) || domain.indexOf('.') < 0 || /\.$/.test(domain)) return null;
    return 'mailto:' + email;
  }

  function linkOrText(href, label) {
    if (!href) return document.createTextNode(label);
    var a = document.createElement('a');
    a.setAttribute('href', href);
    a.textContent = label;
    return a;
  }

  function contactBlock(contacts) {
    var section = el('section', 'iom-news__contacts');
    section.appendChild(el('h3', 'iom-news__contacts-title', TEXT.contacts));
    contacts.forEach(function (contact) {
      var address = el('address', 'iom-news__contact');
      if (contact.name) address.appendChild(el('span', 'iom-news__contact-name', contact.name));
      if (contact.office) address.appendChild(el('span', 'iom-news__contact-office', contact.office));
      contact.phone.forEach(function (phone) {
        var span = el('span', 'iom-news__contact-phone', TEXT.phone + ' ');
        span.appendChild(linkOrText(telHref(phone), phone));
        address.appendChild(span);
      });
      if (contact.email) {
        var span = el('span', 'iom-news__contact-email', TEXT.email + ' ');
        span.appendChild(linkOrText(mailtoHref(contact.email), contact.email));
        address.appendChild(span);
      }
      section.appendChild(address);
    });
    return section;
  }

  function backButton() {
    var button = document.createElement('button');
    button.setAttribute('type', 'button');
    button.className = 'iom-news__back';
    button.textContent = TEXT.back;
    return button;
  }

  function renderRelease(id, focusHeading) {
    var release = state.byId.get(id);
    if (!release) {
      var status = el('div', 'iom-news__status');
      status.setAttribute('role', 'alert');
      status.appendChild(el('p', null, TEXT.notFound));
      status.appendChild(backButton());
      show(status);
      return;
    }
    var article = el('article', 'iom-news__release');
    article.appendChild(backButton());
    var h2 = document.createElement('h2');
    h2.setAttribute('tabindex', '-1');
    h2.className = 'iom-news__release-title';
    h2.textContent = release.title || TEXT.untitled;
    article.appendChild(h2);
    var line = meta(release, true);
    if (line) article.appendChild(line);
    if (release.image) {
      var figure = el('figure', 'iom-news__figure');
      var img = document.createElement('img');
      img.setAttribute('src', release.image);
      img.setAttribute('alt', release.imageCaption || '');
      img.setAttribute('decoding', 'async');
      figure.appendChild(img);
      if (release.imageCaption || release.imageCredit) {
        var caption = document.createElement('figcaption');
        if (release.imageCaption) caption.appendChild(el('span', 'iom-news__caption', release.imageCaption));
        if (release.imageCredit) caption.appendChild(el('span', 'iom-news__credit', release.imageCredit));
        figure.appendChild(caption);
      }
      article.appendChild(figure);
    }
    var content = body(release);
    // A summary that only repeats the first paragraph is not shown twice.
    if (release.summary && !opensWith(content, release.summary)) {
      article.appendChild(el('p', 'iom-news__standfirst', release.summary));
    }
    article.appendChild(content);
    if (release.tags.length) {
      var tags = document.createElement('ul');
      tags.className = 'iom-news__tags';
      tags.setAttribute('role', 'list');
      tags.setAttribute('aria-label', TEXT.themes);
      release.tags.forEach(function (tag) { tags.appendChild(el('li', null, tag)); });
      article.appendChild(tags);
    }
    if (release.contacts.length) article.appendChild(contactBlock(release.contacts));
    var translations = translationsOf(release);
    if (translations.length) {
      var also = el('p', 'iom-news__translations', TEXT.alsoIn);
      translations.forEach(function (t) {
        var a = document.createElement('a');
        a.setAttribute('href', t.href);
        a.setAttribute('hreflang', t.lang);
        a.setAttribute('lang', t.lang);
        if (t.id == null) {
          a.setAttribute('target', '_blank');
          a.setAttribute('rel', 'noopener noreferrer');
        } else {
          linkIds.set(a, t.id);
        }
        a.textContent = t.name;
        also.appendChild(a);
      });
      article.appendChild(also);
    }
    var actions = el('div', 'iom-news__actions');
    var copy = document.createElement('button');
    copy.setAttribute('type', 'button');
    copy.className = 'iom-news__copy';
    copy.textContent = TEXT.copyLink;
    actions.appendChild(copy);
    if (release.url) {
      var original = document.createElement('a');
      original.className = 'iom-news__original';
      original.setAttribute('href', release.url);
      original.setAttribute('target', '_blank');
      original.setAttribute('rel', 'noopener noreferrer');
      original.textContent = TEXT.original;
      actions.appendChild(original);
    }
    article.appendChild(actions);
    var status = el('p', 'iom-news__copy-status');
    status.setAttribute('role', 'status');
    article.appendChild(status);
    show(article);
    if (focusHeading) h2.focus();
  }

  function opensWith(content, summary) {
    var first = null;
    for (var node = content.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === Node.ELEMENT_NODE ? node.localName === 'img' || node.textContent.trim() : node.nodeValue.trim()) {
        first = node;
        break;
      }
    }
    if (!first) return false;
    var squash = function (s) { return s.split(/\s+/).filter(Boolean).join(' '); };
    return squash(first.textContent) === squash(summary);
  }

  function languageName(tag) {
    try { return new Intl.DisplayNames([tag], { type: 'language' }).of(tag) || tag; } catch (e) { return tag; }
  }

  /** Links to the release in other languages: releases of this feed open in place, URLs elsewhere. */
  function translationsOf(release) {
    return release.translations.map(function (t) {
      var other = state.byId.get(t.target);
      if (other) return { lang: t.lang, name: languageName(t.lang), href: hrefFor(other.id), id: other.id };
      return { lang: t.lang, name: languageName(t.lang), href: webUrl(t.target, release.base), id: null };
    }).filter(function (t) { return t.href; });
  }

  function copyLink() {
    var release = state.byId.get(state.open);
    var status = frame.querySelector('.iom-news__copy-status');
    if (!release || !status) return;
    var url = location.href.split('#')[0] + hrefFor(release.id);
    var done = function (worked) {
      if (frame.contains(status)) status.textContent = worked ? TEXT.linkCopied : TEXT.copyFailed.replace('{url}', url);
    };
    navigator.clipboard.writeText(url).then(function () { done(true); }, function () { done(false); });
  }

  function render(focus) {
    if (state.open != null) renderRelease(state.open, focus === 'heading');
    else renderList(focus);
  }

  // --- Reader actions --------------------------------------------------------------------
  function announce(name, id) {
    host.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, detail: id }));
  }

  function navigate(id) {
    var previous = state.open;
    var fragment = fragmentSet(location.hash, KEY, id);
    // An empty fragment would keep a trailing "#"; the path alone clears it.
    history.pushState(null, '', fragment ? '#' + fragment : location.pathname + location.search);
    if (id != null) announce('iom-news:open', id);
    else if (previous != null) announce('iom-news:close', previous);
    state.open = id;
    render(id != null ? 'heading' : previous);
  }

  frame.addEventListener('click', function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var link = target.closest('.iom-news__card-link, .iom-news__translations a');
    if (link && linkIds.has(link)) {
      // A modified click (new tab, new window) is left to the browser and the deep link.
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      navigate(linkIds.get(link));
      return;
    }
    if (target.closest('.iom-news__back')) {
      navigate(null);
      return;
    }
    if (target.closest('.iom-news__copy')) {
      copyLink();
      return;
    }
    if (target.closest('.iom-news__clear')) {
      searchBox.value = '';
      setQuery({ text: '', filter: noFilter() });
      return;
    }
    if (target.closest('.iom-news__more')) more();
  });

  // The search and filters: every keystroke runs the query and rebuilds the first page.
  function setQuery(query) {
    var fragment = querySet(location.hash, query);
    // Replaced, not pushed: typing must not fill the back button's history.
    if (fragment !== location.hash.replace(/^#/, '')) {
      history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search);
    }
    state.query = query;
    state.shown = pageSize;
    runQuery();
    renderList(null);
  }
  searchBox.addEventListener('input', function () {
    setQuery({ text: searchBox.value, filter: state.query.filter });
  });
  frame.addEventListener('change', function (event) {
    var facet = selectFacets.get(event.target);
    if (!facet) return;
    var filter = Object.assign(noFilter(), state.query.filter);
    filter[facet] = event.target.value ? [event.target.value] : [];
    setQuery({ text: state.query.text, filter: filter });
  });

  function more() {
    if (state.results.matches.length > state.shown) {
      var first = state.results.matches[state.shown].id;
      state.shown += pageSize;
      renderList(first);
      return;
    }
    if (!state.next || state.loadingMore) return;
    state.loadingMore = true;
    renderList(null);
    load(state.next).then(function (page) {
      var fresh = page.releases.filter(function (r) { return !state.byId.has(r.id); });
      fresh.forEach(function (r) { state.byId.set(r.id, r); });
      state.entries = state.entries.concat(fresh);
      state.skipped += page.skipped + (page.releases.length - fresh.length);
      state.next = page.next && page.next !== state.next ? page.next : null;
      state.loadingMore = false;
      runQuery();
      var first = state.results.matches[state.shown] ? state.results.matches[state.shown].id : null;
      state.shown += pageSize;
      renderList(first);
    }, function (error) {
      console.error('iom-news baseline:', error);
      state.loadingMore = false;
      state.next = null;
      renderList(null);
    });
  }

  function sameQuery(a, b) {
    return a.text === b.text && FACETS.every(function (f) { return a.filter[f.name].join() === b.filter[f.name].join(); });
  }

  function onAddressChange() {
    var id = fragmentGet(location.hash, KEY);
    var query = queryGet(location.hash);
    var changed = !sameQuery(query, state.query);
    if (id === state.open && !changed) return;
    if (changed) {
      state.query = query;
      state.shown = pageSize;
      searchBox.value = query.text;
      runQuery();
    }
    var previous = state.open;
    state.open = id;
    render(id == null ? previous : null);
  }
  window.addEventListener('popstate', onAddressChange);
  window.addEventListener('hashchange', onAddressChange);

  // --- Loading ---------------------------------------------------------------------------
  var seen = new Set();

  function load(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) throw new Error(TEXT.http.replace('{status}', response.status));
      return response.text().then(function (body) {
        return { body: body, base: response.url || new URL(url, document.baseURI).href };
      });
    }, function () {
      throw new Error(TEXT.network);
    }).then(function (fetched) {
      performance.mark('iom-news:loaded');
      var doc;
      try {
        doc = JSON.parse(fetched.body);
      } catch (e) {
        console.error('iom-news baseline: ' + e.message);
        throw new Error(TEXT.syntax);
      }
      var page = readFeed(doc, fetched.base, seen);
      performance.mark('iom-news:parsed');
      performance.measure('iom-news:parse', 'iom-news:loaded', 'iom-news:parsed');
      page.releases.forEach(index);
      return page;
    });
  }

  var feed = feedUrl ? load(new URL(feedUrl, document.baseURI).href) : Promise.reject(new Error('No news feed is set.'));
  var settled = false;
  feed.then(function () { settled = true; }, function () { settled = true; });
  // Like the widget, render once the stylesheet is in, so nothing flashes unstyled.
  styled.then(function () {
    if (settled) return;
    var status = el('p', 'iom-news__status', TEXT.loading);
    status.setAttribute('role', 'status');
    show(status);
  });
  Promise.all([feed, styled]).then(function (results) {
    var page = results[0];
    state.title = page.title;
    state.entries = page.releases;
    page.releases.forEach(function (r) { state.byId.set(r.id, r); });
    state.skipped = page.skipped;
    state.next = page.next;
    state.open = fragmentGet(location.hash, KEY);
    state.query = queryGet(location.hash);
    searchBox.value = state.query.text;
    runQuery();
    render(null);
    // After the first view is in the DOM, like the widget's effect after its commit.
    performance.mark('iom-news:rendered');
  }, function (error) {
    console.error('iom-news baseline:', error);
    return styled.then(function () {
      var box = el('div', 'iom-news__error');
      box.setAttribute('role', 'alert');
      box.appendChild(el('p', 'iom-news__error-title', TEXT.unavailable));
      box.appendChild(el('p', null, error.message + ' ' + TEXT.seeConsole));
      show(box);
    });
  });
})();
