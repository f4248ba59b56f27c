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
  if (window.IOMNews) return; // Loaded twice: the first copy serves the page.

  var ATTRIBUTES = ['feed', 'lang', 'theme', 'layout', 'page-size', 'country', 'region', 'tag', 'links'];
  var script = document.currentScript;
  var base = new URL('./', (script && script.src) || document.baseURI);
  var asset = function (name) { return new URL(name, base).href; };
  var instances = new WeakMap();
  var module = null;

  // The wasm-bindgen module, fetched and instantiated once for the whole page. The wasm
  // download starts at once, beside the glue's, and compiles as it streams in.
  function start() {
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
    var sheet = document.createElement('link');
    sheet.rel = 'stylesheet';
    sheet.href = asset('iom-news.css');
    var container = document.createElement('div');
    root.replaceChildren(sheet, container);
    // Render once the stylesheet is in, so the widget never flashes unstyled.
    var styled = new Promise(function (resolve) {
      sheet.addEventListener('load', resolve, { once: true });
      sheet.addEventListener('error', resolve, { once: true });
    });
    // The feed downloads while the module compiles; the widget picks the response up.
    var feed = (host.getAttribute('feed') || '').trim();
    var prefetched = feed && feed.charAt(0) !== '#' ? fetch(feed) : null;
    if (prefetched) prefetched.catch(function () {}); // The widget reports failures itself.
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
    var element = document.createElement('iom-news');
    ATTRIBUTES.forEach(function (name) {
      var value = script.getAttribute('data-' + name);
      if (value !== null) element.setAttribute(name, value);
    });
    if (script.hasAttribute('data-id')) element.id = script.getAttribute('data-id');
    if (script.parentNode && script.parentNode !== document.head) {
      script.after(element);
    } else {
      document.addEventListener('DOMContentLoaded', function () { document.body.prepend(element); });
      if (document.readyState !== 'loading') document.body.prepend(element);
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
