/*! iom-news loader: shows IOM news in any page (see docs/embedding.md).
 *
 * <script src=".../iom-news.js" data-feed="news.json" async></script>  mounts right after itself
 * <iom-news feed="news.json"></iom-news>                                mounts where it stands
 * IOMNews.mount(element, { feed: "news.json", theme: "dark" })          mounts from script
 *
 * Everything goes through one mount path. The WebAssembly module is fetched and started once
 * per page, from the folder this script was loaded from. Each widget lives in its own shadow
 * root with a linked stylesheet (no inline script or style), so a strict CSP works:
 *   script-src 'self' 'wasm-unsafe-eval'; style-src 'self'
 */
(function () {
  'use strict';
  // Implementation note: the host page's markup can shadow what the loader reads. An
  // <img name="currentScript"> makes `document.currentScript` that image, and <a id="IOMNews">
  // makes `window.IOMNews` that link. So everything read from `document` goes through the DOM's
  // own prototypes, which markup cannot reach, and "already loaded" means an own property of
  // `window` (markup's named globals never are). Globals such as `fetch`, `URL` and
  // `customElements` are own properties of `window` or its prototype and cannot be shadowed.
  if (Object.prototype.hasOwnProperty.call(window, 'IOMNews')) return; // Loaded twice.

  var doc = document; // Unforgeable.
  var DOC = Document.prototype;
  var read = function (proto, name, target) {
    return Object.getOwnPropertyDescriptor(proto, name).get.call(target || doc);
  };
  var create = function (name) { return DOC.createElement.call(doc, name); };
  var listen = function (target, type, fn, options) {
    EventTarget.prototype.addEventListener.call(target, type, fn, options);
  };

  var ATTRIBUTES = ['feed', 'lang', 'theme', 'layout', 'page-size', 'country', 'region', 'tag', 'links'];
  var current = read(DOC, 'currentScript');
  // Only a real <script> element that is running now tells where the widget's files are.
  var script = current instanceof HTMLScriptElement ? current : null;
  var base = script && script.src ? new URL('./', script.src) : null;
  if (!base) {
    console.error('iom-news: the loader could not tell which folder it was loaded from; load ' +
      'iom-news.js with a <script src="..."> tag');
  }
  var asset = function (name) { return new URL(name, base).href; };
  // The widget's own code (yew, through wasm-bindgen) calls these on `document` directly:
  // markup named after one (<img name="createElement">) would make every widget fail half-way,
  // so the loader refuses at once, with a message that says why.
  var shadowed = ['createElement', 'createElementNS', 'createTextNode', 'getElementById']
    .filter(function (name) { return doc[name] !== DOC[name]; });
  if (shadowed.length) {
    console.error('iom-news: markup on this page hides document.' + shadowed.join(', document.') +
      ' (an element with name="' + shadowed[0] + '"); the widget cannot run on it');
  }
  var instances = new WeakMap();
  var module = null;

  // The wasm-bindgen module, fetched and instantiated once for the whole page. The wasm
  // download starts at once, beside the glue's, and compiles as it streams in.
  function start() {
    if (!base) return Promise.reject(new Error('unknown asset folder'));
    if (shadowed.length) return Promise.reject(new Error('document methods hidden by markup'));
    if (!module) {
      var wasm = fetch(asset('iom-news-widget_bg.wasm'));
      module = import(asset('iom-news-widget.js')).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () {
          return glue;
        });
      });
    }
    return module;
  }

  function mount(host) {
    var existing = instances.get(host);
    if (existing) return existing.ready;
    var root = host.shadowRoot || host.attachShadow({ mode: 'open' });
    var sheet = create('link');
    sheet.rel = 'stylesheet';
    sheet.href = asset('iom-news.css');
    var container = create('div');
    root.replaceChildren(sheet, container);
    // Render once the stylesheet is in, so the widget never flashes unstyled.
    var styled = new Promise(function (resolve) {
      sheet.addEventListener('load', resolve, { once: true });
      sheet.addEventListener('error', resolve, { once: true });
    });
    // The feed downloads while the module compiles; the widget picks the response up.
    var feed = (host.getAttribute('feed') || '').trim();
    // It is handed over with the URL it is for: the widget uses it only if its `feed` is
    // still that URL when it starts.
    var prefetched = null;
    if (feed && feed.charAt(0) !== '#') {
      prefetched = { feed: feed, response: fetch(feed) };
      prefetched.response.catch(function () {}); // The widget reports failures itself.
    }
    var instance = { widget: null, ready: null };
    instance.ready = Promise.all([start(), styled]).then(function (results) {
      if (instances.get(host) !== instance) return null; // Removed while loading.
      instance.widget = results[0].mount(host, container, prefetched);
      return instance.widget;
    }).catch(function (error) {
      console.error('iom-news: the widget could not start', error);
      container.textContent = 'IOM news could not be loaded.';
      container.setAttribute('role', 'alert');
      return null;
    });
    instances.set(host, instance);
    return instance.ready;
  }

  function unmount(host) {
    var instance = instances.get(host);
    if (!instance) return;
    instances.delete(host);
    if (instance.widget) instance.widget.destroy();
    if (host.shadowRoot) host.shadowRoot.replaceChildren();
  }

  function update(host) {
    var instance = instances.get(host);
    if (instance && instance.widget) instance.widget.update();
  }

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
    /**
     * Mounts a widget into `element` (any element; an <iom-news> one keeps watching its
     * attributes). `options` are the attributes, camelCase or not: { feed, lang, theme,
     * layout, pageSize, country, region, tag, links }. Resolves to the widget, which has
     * `update()` (re-read the attributes) and `destroy()`.
     */
    mount: function (element, options) {
      Object.keys(options || {}).forEach(function (key) {
        var name = key.replace(/[A-Z]/g, function (c) { return '-' + c.toLowerCase(); });
        if (ATTRIBUTES.indexOf(name) < 0) {
          console.warn('iom-news: unknown option ' + JSON.stringify(key) + '; known: ' + ATTRIBUTES.join(', '));
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
