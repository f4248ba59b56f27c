/*! iom-news loader: shows IOM news in any page (see docs/embedding.md).
 *
 * <script src=".../iom-news.js" data-feed="news.json" async></script>  mounts right after itself
 * <iom-news feed="news.json"></iom-news>                                mounts where it stands
 * IOMNews.mount(element, { feed: "news.json", theme: "dark" })          mounts from script
 *
 * Everything goes through one mount path. The WebAssembly module is fetched and started once
 * per page, from the folder this script was loaded from, when the first widget needs it (at
 * once, or for loading="lazy" when the widget comes within a viewport of being seen). Each widget lives in its own shadow
 * root with a linked stylesheet (no inline script or style), so a strict CSP works:
 *   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
 * A release's loader checks every file it starts against the sha384 hash written into it when it
 * was built, so that one `integrity` attribute on this script covers every byte that runs.
 */
(function () {
  'use strict';
  // Implementation note: the host page's markup can shadow what the loader reads. An
  // <img name="currentScript"> makes `document.currentScript` that image, and <a id="IOMNews">
  // makes `window.IOMNews` that link. So everything read from `document` goes through the DOM's
  // own prototypes, which markup cannot reach, and "already loaded" means an own property of
  // `window` (markup's named globals never are). Globals such as `fetch`, `URL` and
  // `customElements` are own properties of `window` or its prototype and cannot be shadowed.
  // The build writes Cargo.toml's version here, and a release (`make release`) the sha384 hash
  // of each file the loader starts (tools/stamp-loader.mjs). This source, as `trunk serve`
  // serves it, and `make build`'s dist/ carry no hashes and check nothing.
  var VERSION = /* @version */ 'dev';
  var INTEGRITY = /* @integrity */ null;
  var SAY = 'iom-news ' + VERSION + ': ';
  var GLUE = 'iom-news-widget.js';
  var WASM = 'iom-news-widget_bg.wasm';
  var CSS = 'iom-news.css';

  if (Object.prototype.hasOwnProperty.call(window, 'IOMNews')) { // Loaded twice.
    var other = window.IOMNews.version || 'before 0.2.0';
    if (other !== VERSION) {
      console.warn(SAY + 'iom-news ' + other + ' is already loaded on this page; this copy does nothing');
    }
    return;
  }

  var doc = document; // Unforgeable.
  var DOC = Document.prototype;
  var read = function (proto, name, target) {
    return Object.getOwnPropertyDescriptor(proto, name).get.call(target || doc);
  };
  var create = function (name, className) {
    var element = DOC.createElement.call(doc, name);
    if (className) element.className = className;
    return element;
  };
  var listen = function (target, type, fn, options) {
    EventTarget.prototype.addEventListener.call(target, type, fn, options);
  };

  var ATTRIBUTES = ['feed', 'lang', 'theme', 'layout', 'page-size', 'country', 'region', 'tag',
    'year', 'language', 'links', 'search-translations', 'heading', 'open', 'timeout', 'loading'];
  var STATE = 'data-iom-news-state';
  var VERSIONED = 'data-iom-news-version';
  var current = read(DOC, 'currentScript');
  // Only a real <script> element that is running now tells where the widget's files are.
  var script = current instanceof HTMLScriptElement ? current : null;
  var base = script && script.src ? new URL('./', script.src) : null;
  if (!base) {
    console.error(SAY + 'the loader could not tell which folder it was loaded from; load ' +
      'iom-news.js with a <script src="..."> tag');
  }
  var asset = function (name) { return new URL(name, base).href; };
  // The widget's own code (yew, through wasm-bindgen) calls these on `document` directly:
  // markup named after one (<img name="createElement">) would make every widget fail half-way,
  // so the loader refuses at once, with a message that says why.
  var shadowed = ['createElement', 'createElementNS', 'createTextNode', 'getElementById']
    .filter(function (name) { return doc[name] !== DOC[name]; });
  if (shadowed.length) {
    console.error(SAY + 'markup on this page hides document.' + shadowed.join(', document.') +
      ' (an element with name="' + shadowed[0] + '"); the widget cannot run on it');
  }
  var instances = new WeakMap();
  var module = null;

  // What the page shows of a widget before the module runs, styled at once (a constructed
  // stylesheet needs no request and, like all CSSOM, no CSP exception): the page's own content
  // inside <iom-news> (its fallback) while the widget loads, else a placeholder the size of the
  // first page, so that nothing on the page jumps when the news arrives; and a short message
  // with a link to the news if the widget cannot start at all.
  var early = null;
  function earlySheet() {
    if (!early && typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype) {
      early = new CSSStyleSheet();
      early.replaceSync(
        ':host{display:block}' +
        ':host([' + STATE + '="loading"]) .iom-news-mount{height:0;overflow:hidden}' +
        ':host(:not([' + STATE + '="loading"])) .iom-news-placeholder,' +
        ':host([' + STATE + '="ready"]) slot,:host([' + STATE + '="failed"]) slot{display:none}' +
        // The first page's shape, measured on the widget: a title, the search bar, the
        // releases (list, compact rows or a grid of cards with their pictures), "More news".
        '.iom-news-placeholder{display:block;box-sizing:border-box;overflow:hidden;font-size:16px}' +
        '.iom-news-placeholder i{display:block;box-sizing:border-box;height:8.2em;' +
        'border-bottom:1px solid transparent;background:linear-gradient(90deg,' +
        'rgba(127,127,127,.14),rgba(127,127,127,.06)) content-box;padding:.9em .5em}' +
        '.iom-news-placeholder .iom-news-placeholder__title{height:2.45em;width:40%;' +
        'padding:0;margin:0 0 .75em}' +
        '.iom-news-placeholder .iom-news-placeholder__bar{height:3.8em;padding:0;margin:0 0 .5em}' +
        '.iom-news-placeholder .iom-news-placeholder__more{height:2.9em;padding:0;margin:1em 0 0}' +
        '.iom-news-placeholder--compact i{height:3.7em;padding:.5em .25em}' +
        '.iom-news-placeholder__grid{display:grid;gap:1em;' +
        'grid-template-columns:repeat(auto-fill,minmax(min(100%,17em),1fr))}' +
        '.iom-news-placeholder__grid i{height:auto;aspect-ratio:4/3;padding:0}' +
        '.iom-news-failed{padding:1em;border:1px solid #b3261e;border-radius:6px;' +
        'color:#5c1410;background:#fdf3f2;font:16px/1.5 system-ui,sans-serif}' +
        '.iom-news-failed p{margin:0}.iom-news-failed a{color:#0033a0}');
    }
    return early;
  }

  // The same sentence in the widget's messages (core/src/i18n.rs), for when the widget itself
  // cannot start; a test in core/src/i18n.rs checks that the two agree.
  var FAILED = {
    ar: ['تعذّر تحميل الأخبار.', 'الانتقال إلى صفحة الأخبار'],
    zh: ['无法加载新闻。', '前往新闻页面'],
    en: ['The news could not be loaded.', 'Go to the news page'],
    fr: ['Les actualités n’ont pas pu être chargées.', 'Consulter la page des actualités'],
    ru: ['Не удалось загрузить новости.', 'Перейти на страницу новостей'],
    es: ['No se pudieron cargar las noticias.', 'Ir a la página de noticias'],
  };

  // A file that cannot be had, or (in a release) does not match its hash, stops the widget: said
  // once per file, naming it, beside the browser's own message.
  var refused = {};
  function refuse(name, why) {
    var error = new Error(name + (why || (INTEGRITY
      ? ' does not match the sha384 hash in iom-news.js ' + VERSION + ', or could not be loaded'
      : ' could not be loaded')));
    if (!refused[name]) console.error(SAY + error.message + '; the widget will not start');
    refused[name] = true;
    return error;
  }

  // Implementation note: an import() carries no integrity check; a <link rel="modulepreload">
  // with `integrity` does. Its fetch puts the checked module in the page's module map, and the
  // import() that follows its `load` takes the module from there without fetching it again. After
  // an `error` the module must not be imported at all: Chromium would fetch it again, unchecked.
  // (An import map's "integrity" would need an inline script, which a strict CSP forbids.)
  function preload(name) {
    if (!INTEGRITY) return Promise.resolve();
    var link = create('link');
    if (!(link.relList && link.relList.supports && link.relList.supports('modulepreload'))) {
      return Promise.reject(refuse(name, ' cannot be checked in this browser (no <link rel="modulepreload">)'));
    }
    link.rel = 'modulepreload';
    link.crossOrigin = 'anonymous';
    link.integrity = INTEGRITY[name];
    link.href = asset(name);
    return new Promise(function (resolve, reject) {
      listen(link, 'load', resolve);
      listen(link, 'error', function () { reject(refuse(name)); });
      read(DOC, 'head').appendChild(link);
    }).finally(function () { link.remove(); });
  }

  // The wasm-bindgen module, fetched and instantiated once for the whole page. The wasm
  // download starts at once, beside the glue's, and compiles as it streams in (in a release,
  // once the browser has checked its hash, which it does on the whole file).
  function start() {
    if (!base) return Promise.reject(new Error('unknown asset folder'));
    if (shadowed.length) return Promise.reject(new Error('document methods hidden by markup'));
    if (!module) {
      var wasm = fetch(asset(WASM), { integrity: INTEGRITY ? INTEGRITY[WASM] : '' })
        .catch(function () { throw refuse(WASM); });
      var glue = preload(GLUE).then(function () { return import(asset(GLUE)); });
      module = Promise.all([glue, wasm]).then(function (loaded) {
        return loaded[0].default({ module_or_path: loaded[1] }).then(function () {
          return loaded[0];
        });
      });
    }
    return module;
  }

  // Each feed is fetched once for all the widgets that show it at the same time (fifty
  // widgets of three feeds make three requests); each widget reads its own copy.
  var fetches = new Map();
  function fetchOnce(url) {
    var key = new URL(url, read(Node.prototype, 'baseURI')).href;
    var shared = fetches.get(key);
    if (!shared) {
      shared = fetch(key);
      fetches.set(key, shared);
      var forget = function () { setTimeout(function () { fetches.delete(key); }, 30000); };
      shared.then(forget, forget);
    }
    return shared.then(function (response) { return response.clone(); });
  }

  // Mounting is spread over tasks, one widget each, so that a page of fifty widgets never
  // blocks input for long.
  var queue = [];
  function enqueue(job) {
    queue.push(job);
    if (queue.length === 1) setTimeout(next, 0);
  }
  function next() {
    var job = queue.shift();
    if (job) job();
    if (queue.length) setTimeout(next, 0);
  }

  // The page's own content inside <iom-news> (a link to the news, or the list `iom-news build`
  // prerendered), which stays until the widget can show the news.
  var hasFallback = function (host) {
    return host.children.length > 0 || (host.textContent || '').trim() !== '';
  };

  // The height a widget had when it last showed this feed in this layout, kept so that the
  // placeholder takes the same space next time.
  function heightKey(host) {
    return 'iom-news:height:' + ['feed', 'layout', 'page-size', 'heading'].map(function (n) {
      return host.getAttribute(n) || '';
    }).join('|');
  }
  function storage() {
    try { return window.localStorage; } catch (e) { return null; } // Disabled or blocked.
  }
  function rememberHeight(host) {
    requestAnimationFrame(function () {
      // The widget's own height, not the space held for it (see hold).
      var instance = instances.get(host);
      var shown = instance && instance.container && instance.container.firstElementChild;
      var height = Math.round((shown || host).getBoundingClientRect().height);
      var store = storage();
      try { if (store && height > 0) store.setItem(heightKey(host), String(height)); } catch (e) { /* Full. */ }
    });
  }

  function placeholder(host) {
    var compact = (host.getAttribute('layout') || '').trim().toLowerCase() === 'compact';
    var box = create('div', 'iom-news-placeholder' + (compact ? ' iom-news-placeholder--compact' : ''));
    box.setAttribute('aria-hidden', 'true');
    var store = storage();
    var known = 0;
    try { known = store ? Number(store.getItem(heightKey(host))) || 0 : 0; } catch (e) { known = 0; }
    if (known > 0) {
      box.style.height = known + 'px'; // CSSOM: allowed under a strict CSP.
      return box;
    }
    var size = Math.min(Math.max(parseInt(host.getAttribute('page-size'), 10) || 10, 1), 10);
    if ((host.getAttribute('heading') || '').trim().toLowerCase() !== 'none') {
      box.appendChild(create('i', 'iom-news-placeholder__title'));
    }
    if (!compact) box.appendChild(create('i', 'iom-news-placeholder__bar'));
    var cards = (host.getAttribute('layout') || '').trim().toLowerCase() === 'cards';
    var list = cards ? box.appendChild(create('div', 'iom-news-placeholder__grid')) : box;
    for (var i = 0; i < size; i++) list.appendChild(create('i'));
    box.appendChild(create('i', 'iom-news-placeholder__more'));
    return box;
  }

  // The widget cannot start (the module is blocked, offline, an old browser): the page's own
  // content stays; without any, a short message in the page's language and a link to the news.
  // (A feed that cannot be had is the widget's to say: state "failed", with the same message.)
  function failed(host, mountPoint) {
    host.setAttribute(STATE, 'broken');
    if (hasFallback(host)) return;
    // The widget's rule: the nearest lang decides, else the first browser language it has.
    // Read through Element.prototype: markup such as <form lang="fr"><input name="lang">
    // makes the element's .lang another element.
    var near = Element.prototype.closest.call(host, '[lang]');
    var tag = near ? String(Element.prototype.getAttribute.call(near, 'lang') || '').trim() : '';
    var tags = tag ? [tag] : [].concat(navigator.languages || [], navigator.language || []);
    var words = null;
    for (var i = 0; i < tags.length && !words; i++) {
      words = FAILED[String(tags[i]).toLowerCase().split(/[-_]/)[0]] || null;
    }
    words = words || FAILED.en;
    var box = create('div', 'iom-news-failed');
    box.setAttribute('role', 'alert');
    var say = create('p');
    say.textContent = words[0];
    var link = create('a');
    link.href = 'https://www.iom.int/news';
    link.textContent = words[1];
    var line = create('p');
    line.appendChild(link);
    box.append(say, line);
    mountPoint.replaceChildren(box);
  }

  // loading="lazy": nothing (no module, no stylesheet, no feed) is fetched for a widget until it
  // is within a viewport's height or width of being seen, or until the address links to it.
  function isLazy(host) {
    var value = (host.getAttribute('loading') || '').trim().toLowerCase();
    if (value && value !== 'lazy' && value !== 'eager') {
      console.warn(SAY + 'loading=' + JSON.stringify(value) + ' is not "lazy" or "eager"; loading at once');
    }
    return value === 'lazy';
  }
  // The address holds this widget's deep link (`#iom-news=...`, `#iom-news:<id>=...`) or its
  // search (`#iom-news.q=...`), as the widget keys them (core/src/fragment.rs).
  function linked(host) {
    var id = (host.id || '').trim();
    var key = id ? 'iom-news:' + id : 'iom-news';
    return location.hash.slice(1).split('&').some(function (part) {
      var name = part.split('=')[0].split('.')[0];
      try { return decodeURIComponent(name) === key; } catch (e) { return false; }
    });
  }
  var waiting = new Set();
  var sight = null;
  function wake(host) {
    var instance = instances.get(host);
    if (!instance || !waiting.has(host)) return;
    waiting.delete(host);
    if (sight) sight.unobserve(host);
    instance.go(true);
  }
  function wait(host) {
    if (!sight) {
      sight = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) { if (entry.isIntersecting) wake(entry.target); });
      }, { rootMargin: '100%' });
      listen(window, 'hashchange', function () {
        waiting.forEach(function (host) { if (linked(host)) wake(host); });
      });
    }
    waiting.add(host);
    sight.observe(host);
  }

  function mount(host) {
    var existing = instances.get(host);
    if (existing) return existing.ready;
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    var sheet = earlySheet();
    if (sheet) root.adoptedStyleSheets = [sheet];
    var container = create('div', 'iom-news-mount');
    watcher.observe(host, { attributes: true, attributeFilter: [STATE] });
    host.setAttribute(STATE, 'loading');
    host.setAttribute(VERSIONED, VERSION);
    // The page's own content shows through the slot. An element in the page's markup is mounted
    // as soon as the parser meets it, before its content (the loader in <head>): the placeholder
    // stands in until content arrives.
    var slot = create('slot');
    root.replaceChildren(slot, container);
    var instance = { widget: null, ready: null, go: null, container: container, reserved: 0 };
    if (!hasFallback(host)) {
      var box = root.insertBefore(placeholder(host), container);
      listen(slot, 'slotchange', function () { if (hasFallback(host)) box.remove(); });
    }
    // The height the page shows for the widget while it loads (the placeholder, or the page's
    // own content once it arrives), as last laid out, for hold().
    if (typeof ResizeObserver === 'function') {
      instance.sizer = new ResizeObserver(function () {
        if (host.getAttribute(STATE) === 'loading') instance.reserved = host.offsetHeight;
      });
      instance.sizer.observe(host);
    }
    var go = new Promise(function (resolve) { instance.go = resolve; });
    instances.set(host, instance);
    if (isLazy(host) && typeof IntersectionObserver === 'function' && !linked(host)) wait(host);
    else instance.go(true);
    instance.ready = go.then(function (wanted) {
      return wanted && instances.get(host) === instance ? begin(host, instance, root, container) : null;
    });
    return instance.ready;
  }

  function begin(host, instance, root, container) {
    var link = create('link');
    link.rel = 'stylesheet';
    if (INTEGRITY) {
      link.crossOrigin = 'anonymous';
      link.integrity = INTEGRITY[CSS];
    }
    link.href = asset(CSS);
    root.insertBefore(link, root.firstChild);
    // Render once the stylesheet is in, so the widget never flashes unstyled. Without it the
    // widget still works, unstyled, unless it failed its hash.
    var styled = new Promise(function (resolve, reject) {
      link.addEventListener('load', resolve, { once: true });
      link.addEventListener('error', INTEGRITY ? function () { reject(refuse(CSS)); } : resolve, { once: true });
    });
    // The feed downloads while the module compiles; the widget picks the response up. It is
    // handed over with the URL it is for: the widget uses it only if its `feed` is still that
    // URL when it starts.
    var feed = (host.getAttribute('feed') || '').trim();
    var prefetched = null;
    if (feed && feed.charAt(0) !== '#') {
      prefetched = { feed: feed, response: fetchOnce(feed) };
      prefetched.response.catch(function () {}); // The widget reports failures itself.
    }
    return Promise.all([start(), styled]).then(function (results) {
      return new Promise(function (resolve) {
        enqueue(function () {
          if (instances.get(host) !== instance) return resolve(null); // Removed while loading.
          instance.widget = results[0].mount(host, container, prefetched);
          resolve(instance.widget);
        });
      });
    }).catch(function (error) {
      console.error(SAY + 'the widget could not start', error);
      failed(host, container);
      return null;
    });
  }

  function unmount(host) {
    var instance = instances.get(host);
    if (!instance) return;
    instances.delete(host);
    if (waiting.delete(host)) {
      if (sight) sight.unobserve(host);
      instance.go(false);
    }
    stopSizing(instance);
    if (instance.release) instance.release();
    if (instance.widget) instance.widget.destroy();
    if (host.shadowRoot) host.shadowRoot.replaceChildren();
    host.removeAttribute(STATE);
    host.removeAttribute(VERSIONED);
  }

  function update(host) {
    var instance = instances.get(host);
    if (instance && waiting.has(host) && !isLazy(host)) wake(host);
    if (instance && instance.widget) instance.widget.update();
  }

  // When the news first shows in less space than the page showed for it while it loaded (the
  // placeholder, on a first visit to a feed with fewer releases than a page; or the page's own
  // content, when it was taller than the news), that space stays held, so that the page below does
  // not jump up while the reader looks at it: until the widget is out of view (the page below
  // is then out of view too, or the browser's scroll anchoring keeps it still) or the reader
  // acts in it (a shift that follows input is expected). The next visit's placeholder has the
  // right height.
  function stopSizing(instance) {
    if (instance.sizer) instance.sizer.disconnect();
    instance.sizer = null;
  }
  function hold(host) {
    var instance = instances.get(host);
    if (!instance || !instance.sizer) return; // Held once, at the first render.
    stopSizing(instance);
    var root = host.shadowRoot;
    if (!instance.reserved || !root || !early || typeof IntersectionObserver !== 'function') return;
    // Only when the news takes less space than the page showed while it loaded.
    if (instance.container.getBoundingClientRect().height >= instance.reserved) return;
    // A constructed sheet of its own (no style attribute in the widget's DOM; allowed under a
    // strict CSP), taken away to give the space back.
    var sheet = new CSSStyleSheet();
    sheet.replaceSync('.iom-news-mount{min-height:' + instance.reserved + 'px}');
    root.adoptedStyleSheets = root.adoptedStyleSheets.concat(sheet);
    var seen = new IntersectionObserver(function (entries) {
      if (!entries[entries.length - 1].isIntersecting) release();
    });
    var release = function () {
      root.adoptedStyleSheets = root.adoptedStyleSheets.filter(function (s) { return s !== sheet; });
      seen.disconnect();
      EventTarget.prototype.removeEventListener.call(host, 'click', release, true);
      EventTarget.prototype.removeEventListener.call(host, 'keydown', release, true);
      instance.release = null;
    };
    instance.release = release;
    seen.observe(host);
    // A click, not a pointerdown: the space given back between the press and the release of
    // the button could move what was pressed from under the pointer, and the click be lost.
    listen(host, 'click', release, true);
    listen(host, 'keydown', release, true);
  }

  // Once a widget shows its news, its height is kept for the next visit's placeholder.
  var watcher = new MutationObserver(function (changes) {
    changes.forEach(function (change) {
      var state = change.target.getAttribute(STATE);
      var instance = instances.get(change.target);
      if (state === 'ready') {
        hold(change.target);
        rememberHeight(change.target);
      } else if (state === 'failed' && instance) {
        stopSizing(instance); // Nothing is held under a failure message.
      }
    });
  });

  if (!customElements.get('iom-news')) {
    customElements.define('iom-news', class extends HTMLElement {
      static get observedAttributes() { return ATTRIBUTES; }
      connectedCallback() { mount(this); }
      attributeChangedCallback() { update(this); }
      disconnectedCallback() {
        // Moving an element disconnects and reconnects it at once: keep the widget then.
        var host = this;
        queueMicrotask(function () { if (!host.isConnected) unmount(host); });
      }
    });
  }

  // <script data-feed="..."> mounts a widget right after itself (the giscus convention).
  if (script && script.hasAttribute('data-feed')) {
    var element = create('iom-news');
    ATTRIBUTES.forEach(function (name) {
      var value = script.getAttribute('data-' + name);
      if (value !== null) element.setAttribute(name, value);
    });
    if (script.hasAttribute('data-id')) element.id = script.getAttribute('data-id');
    if (script.parentNode && script.parentNode !== read(DOC, 'head')) {
      script.after(element);
    } else {
      var place = function () { if (!element.isConnected) read(DOC, 'body').prepend(element); };
      if (read(DOC, 'readyState') === 'loading') listen(doc, 'DOMContentLoaded', place, { once: true });
      else place();
    }
  }

  window.IOMNews = Object.freeze({
    /** This loader's version (and the widget's): "0.2.0". */
    version: VERSION,
    /**
     * Mounts a widget into `element` (any element; an <iom-news> one keeps watching its
     * attributes). `options` are the attributes, camelCase or not: { feed, lang, theme,
     * layout, pageSize, country, region, tag, links, loading, ... }. Resolves to the widget
     * (with loading: "lazy", once it comes near the viewport), which has `update()` (re-read
     * the attributes) and `destroy()`; to null if it cannot start or is unmounted first.
     */
    mount: function (element, options) {
      Object.keys(options || {}).forEach(function (key) {
        var name = key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
        if (ATTRIBUTES.indexOf(name) < 0) {
          console.warn(SAY + 'unknown option ' + JSON.stringify(key) + '; known: ' + ATTRIBUTES.join(', '));
          return;
        }
        element.setAttribute(name, String(options[key]));
      });
      return mount(element);
    },
    /** Unmounts the widget in `element`. */
    unmount: unmount,
  });
})();
