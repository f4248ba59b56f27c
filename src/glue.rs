//! The browser glue: the one module that touches `window`, `document`, the URL, fetch, the
//! console, `DOMParser` and `Intl`.
//!
//! Implementation note: everything here turns browser state into plain values
//! ([`WidgetConfig`], feed text, [`Body`], formatted strings) or plain values into browser
//! effects (history entries, console lines). Components call these functions or get their
//! results as props; they never reach for `web_sys::window()` themselves. No function here
//! panics: a missing window, a throwing API or an odd value degrades to a sane fallback.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_events::EventListener;
use iom_news_core::body::{Body, Element as BodyElement, Node as BodyNode, Treatment};
use iom_news_core::embed::{self, Layout, Theme};
use iom_news_core::i18n::Lang;
use iom_news_core::query::{Filter, Query};
use iom_news_core::{country, fragment, quoted, Problem, Skipped};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use yew::{AppHandle, Callback};

use crate::components::app::{App, AppProps};
use crate::state::LoadError;

/// Where the feed comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedSource {
    /// A URL, fetched (relative URLs resolve against the page).
    Url(String),
    /// The feed's JSON text, given directly.
    Text(Rc<str>),
    /// The id of a `<script type="application/feed+json">` on the page that holds the feed.
    Inline(String),
    /// The embed names no feed: an authoring mistake shown in the widget.
    Missing,
}

/// The settings of one widget instance, read from its element's attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WidgetConfig {
    /// The feed to show.
    pub feed: FeedSource,
    /// The UI language.
    pub lang: Lang,
    /// The instance's key in the URL fragment (see `iom_news_core::fragment`).
    pub link_key: String,
    /// Whether opening a release is recorded in the address (deep links).
    pub links: bool,
    /// Colour scheme.
    pub theme: Theme,
    /// List layout.
    pub layout: Layout,
    /// Releases shown at first and added by each "More news".
    pub page_size: usize,
    /// Pre-set filters.
    pub filter: Filter,
    /// The element that receives `iom-news:open` and `iom-news:close` events.
    pub events: Option<web_sys::EventTarget>,
}

impl WidgetConfig {
    /// A configuration for a feed given as text, with every other setting at its default.
    pub fn from_text(text: &str) -> WidgetConfig {
        WidgetConfig {
            feed: FeedSource::Text(Rc::from(text)),
            lang: Lang::default(),
            link_key: fragment::key_for(None),
            links: true,
            theme: Theme::default(),
            layout: Layout::default(),
            page_size: embed::DEFAULT_PAGE_SIZE,
            filter: Filter::default(),
            events: None,
        }
    }
}

/// A mounted widget, as the loader script holds it.
#[wasm_bindgen]
pub struct Widget {
    host: web_sys::Element,
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the host element's attributes and updates the widget (the loader calls this
    /// when an observed attribute changes).
    pub fn update(&mut self) {
        if let Some(app) = &mut self.app {
            app.update(AppProps {
                config: config_from(&self.host),
            });
        }
    }

    /// Unmounts the widget and stops its listeners.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a widget configured by `host`'s attributes into `container` (which the loader puts
/// in `host`'s shadow root, next to the stylesheet). The loader is the only caller; it may
/// pass the `fetch()` of the feed that it started while the module was loading.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, container: web_sys::Element, prefetched: JsValue) -> Widget {
    let config = config_from(&host);
    // The loader's early fetch is used only if it is for the feed the widget shows now (the
    // attribute may have changed while the module loaded).
    let field = |name: &str| js_sys::Reflect::get(&prefetched, &JsValue::from_str(name)).ok();
    let early = field("feed").and_then(|f| f.as_string());
    let response = field("response").and_then(|r| r.dyn_into::<js_sys::Promise>().ok());
    if let (FeedSource::Url(url), Some(early), Some(response)) = (&config.feed, early, response) {
        if *url == early {
            PREFETCHED.with_borrow_mut(|p| p.push((early, response)));
        }
    }
    let app = yew::Renderer::<App>::with_root_and_props(container, AppProps { config }).render();
    Widget {
        host,
        app: Some(app),
    }
}

/// Reads an instance's configuration from its attributes, warning about bad values.
pub fn config_from(element: &web_sys::Element) -> WidgetConfig {
    let attribute = |name: &str| element.get_attribute(name);
    let feed = match attribute("feed").map(|f| f.trim().to_string()) {
        Some(id) if id.len() > 1 && id.starts_with('#') => FeedSource::Inline(id[1..].to_string()),
        Some(url) if !url.is_empty() && url != "#" => FeedSource::Url(url),
        _ => {
            warn("iom-news: the element has no `feed` attribute; write <iom-news feed=\"news.json\">");
            FeedSource::Missing
        }
    };
    let lang = match attribute("lang") {
        None => Lang::default(),
        Some(tag) => Lang::from_tag(&tag).unwrap_or_else(|| {
            warn(&format!(
                "iom-news: lang={} is not a supported language; using {}",
                quoted(&tag),
                quoted(Lang::default().tag())
            ));
            Lang::default()
        }),
    };
    WidgetConfig {
        feed,
        lang,
        link_key: fragment::key_for(Some(&element.id())),
        links: setting(attribute("links"), embed::links, true),
        theme: setting(attribute("theme"), Theme::parse, Theme::default()),
        layout: setting(attribute("layout"), Layout::parse, Layout::default()),
        page_size: setting(
            attribute("page-size"),
            embed::page_size,
            embed::DEFAULT_PAGE_SIZE,
        ),
        filter: Filter {
            countries: attribute("country")
                .map(|v| embed::list(&v))
                .unwrap_or_default(),
            regions: attribute("region")
                .map(|v| embed::list(&v))
                .unwrap_or_default(),
            tags: attribute("tag")
                .map(|v| embed::list(&v))
                .unwrap_or_default(),
            ..Filter::default()
        },
        events: Some(element.clone().into()),
    }
}

/// An attribute's value through its parser; a bad value is warned about and replaced.
fn setting<T>(value: Option<String>, parse: impl Fn(&str) -> embed::Parsed<T>, default: T) -> T {
    match value.map(|v| parse(&v)) {
        None => default,
        Some(Ok(v)) => v,
        Some(Err((fallback, message))) => {
            warn(&message);
            fallback
        }
    }
}

/// Tells the host page that a release was opened (`iom-news:open`) or closed
/// (`iom-news:close`), with the release id as the event's detail.
pub fn announce(target: Option<&web_sys::EventTarget>, event: &str, id: &str) {
    let Some(target) = target else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&JsValue::from_str(id));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(event, &init) {
        let _ = target.dispatch_event(&event);
    }
}

thread_local! {
    /// Feed requests the loader started early, by URL as the attribute gives it; each is used
    /// once, by the first load of that URL.
    static PREFETCHED: RefCell<Vec<(String, js_sys::Promise)>> = const { RefCell::new(Vec::new()) };
}

/// Fetches a feed's text; also returns the URL it came from (after redirects), against
/// which the feed's relative URLs resolve.
pub async fn fetch_text(url: &str) -> Result<(String, String), LoadError> {
    let network = |e: JsValue| LoadError::Network {
        url: url.to_string(),
        detail: describe(&e),
    };
    let window = web_sys::window().ok_or_else(|| network(JsValue::from_str("no window")))?;
    let prefetched = PREFETCHED.with_borrow_mut(|p| {
        let i = p.iter().position(|(u, _)| u == url)?;
        Some(p.swap_remove(i).1)
    });
    let request = prefetched.unwrap_or_else(|| window.fetch_with_str(url));
    let response: web_sys::Response = JsFuture::from(request)
        .await
        .map_err(network)?
        .dyn_into()
        .map_err(network)?;
    if !response.ok() {
        return Err(LoadError::Http {
            url: url.to_string(),
            status: response.status(),
        });
    }
    // The bytes, copied once into wasm memory: `text()` would decode UTF-8 to a JS string
    // only for the glue to encode it back (a third of the load time of a 50-item feed).
    let buffer = JsFuture::from(response.array_buffer().map_err(network)?)
        .await
        .map_err(network)?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    Ok((utf8_text(bytes, url), response.url()))
}

/// A response body as text, as `Response.text()` reads it: UTF-8 with a leading byte order
/// mark dropped and bad sequences replaced by U+FFFD (with a warning saying where).
fn utf8_text(bytes: Vec<u8>, url: &str) -> String {
    let mut text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let problem = iom_news_core::json::utf8_problem(e.as_bytes()).unwrap_or_default();
            warn(&format!(
                "iom-news: the feed {} is {problem}; shown with replacement characters",
                quoted(url)
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..3);
    }
    text
}

/// The text of an inline feed: `<script type="application/feed+json" id="...">` on the page.
pub fn inline_feed(id: &str) -> Result<String, LoadError> {
    let problem = |reason: &str| LoadError::Inline {
        id: id.to_string(),
        reason: reason.to_string(),
    };
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .ok_or_else(|| {
            problem(
                "is not on the page; add <script type=\"application/feed+json\" id=\"...\"> \
                 holding the feed, or give a URL",
            )
        })?;
    let kind = element
        .get_attribute("type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if element.local_name() != "script"
        || !matches!(kind.trim(), "application/feed+json" | "application/json")
    {
        return Err(problem(
            "is not a <script type=\"application/feed+json\"> element; put the feed in one",
        ));
    }
    Ok(element.text_content().unwrap_or_default())
}

/// The page's own URL, the base for a feed given as text.
pub fn page_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The release the URL fragment opens for this instance, if any.
pub fn linked_release(key: &str) -> Option<String> {
    let hash = location()?.hash().ok()?;
    fragment::get(&hash, key)
}

/// The link (`#...`) that opens `release` (or the list, for `None`), keeping the rest of the
/// current fragment.
pub fn release_href(key: &str, release: Option<&str>) -> String {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    format!("#{}", fragment::set(&hash, key, release))
}

/// The full address of this page with `release` open, to share.
pub fn release_url(key: &str, release: &str) -> Option<String> {
    let location = location()?;
    let href = location.href().ok()?;
    let without_fragment = href.split('#').next().unwrap_or_default();
    Some(format!(
        "{without_fragment}{}",
        release_href(key, Some(release))
    ))
}

/// Copies `text` to the clipboard; `false` when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    // `navigator.clipboard` is undefined outside secure contexts (a plain-http page): calling
    // through it directly would throw across the wasm.
    let navigator: JsValue = window.navigator().into();
    let clipboard = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard"))
        .ok()
        .filter(|c| c.is_object());
    let Some(promise) = clipboard
        .and_then(|c| call_method(&c, "writeText", &JsValue::from_str(text)))
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}

/// Records opening `release` (or returning to the list) as a new history entry, so the
/// browser's back button undoes it. Never scrolls: the page stays where it is.
pub fn push_release(key: &str, release: Option<&str>) {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    set_fragment(&fragment::set(&hash, key, release), History::Push);
}

/// The search and filters the URL fragment holds for this instance.
pub fn linked_query(key: &str) -> Query {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    fragment::get_query(&hash, key)
}

/// Keeps the search and filters in the address, replacing the current history entry (typing
/// a search must not fill the back button's history).
pub fn replace_query(key: &str, query: &Query) {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    let fragment = fragment::set_query(&hash, key, query);
    if fragment != hash.trim_start_matches('#') {
        set_fragment(&fragment, History::Replace);
    }
}

/// How a change of the address enters the history.
enum History {
    /// A new entry, which back undoes.
    Push,
    /// In place of the current entry.
    Replace,
}

/// Puts `fragment` in the address through the History API (which never scrolls the page).
fn set_fragment(fragment: &str, how: History) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    // An empty fragment would leave a trailing `#`; the address without it clears it. The
    // whole address, not the path alone: a path that starts with `//` would read as another
    // host, and the browser would refuse the change.
    let target = if fragment.is_empty() {
        let href = location.href().unwrap_or_default();
        href.split('#').next().unwrap_or_default().to_string()
    } else {
        format!("#{fragment}")
    };
    let Ok(history) = window.history() else {
        return;
    };
    let result = match how {
        History::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&target)),
        History::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&target)),
    };
    if let Err(e) = result {
        warn(&format!(
            "iom-news: could not update the address: {}",
            describe(&e)
        ));
    }
}

/// Calls `on_change` with this instance's release and query whenever back, forward or an
/// edited address changes the fragment. The listeners live as long as the returned value.
pub fn listen_navigation(
    key: &str,
    on_change: Callback<(Option<String>, Query)>,
) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let key = key.to_string();
            let on_change = on_change.clone();
            EventListener::new(&window, event, move |_| {
                on_change.emit((linked_release(&key), linked_query(&key)))
            })
        })
        .collect()
}

/// A date in the reader's language (for example "28 November 2026"), or `None` when the
/// browser cannot read it.
pub fn format_date(rfc3339: &str, lang: Lang) -> Option<String> {
    thread_local! {
        static FORMATS: RefCell<Vec<(Lang, Option<JsValue>)>> = const { RefCell::new(Vec::new()) };
    }
    let date = js_sys::Date::new(&JsValue::from_str(rfc3339));
    if date.get_time().is_nan() {
        return None;
    }
    let format = cached(&FORMATS, lang, || {
        intl("DateTimeFormat", lang.tag(), &[("dateStyle", "long")])
    })?;
    // `format` is a bound getter: the function it returns needs no `this`.
    let format = js_sys::Reflect::get(&format, &JsValue::from_str("format")).ok()?;
    call(&format, &JsValue::UNDEFINED, &date)?.as_string()
}

/// `new Intl[class](locale, options)`, or `None` when the browser throws (a `RangeError` for a
/// locale it rejects, such as `zh-cmn-Hans` or `x-private`) or has no such class.
///
/// Implementation note: an exception that crosses the wasm during a Yew render leaves the
/// shared scheduler half-way and freezes every widget on the page for good, so every call
/// into `Intl` goes through `Reflect`, whose errors come back as values.
fn intl(class: &str, locale: &str, options: &[(&str, &str)]) -> Option<JsValue> {
    let namespace = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("Intl")).ok()?;
    let constructor = js_sys::Reflect::get(&namespace, &JsValue::from_str(class))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let settings = js_sys::Object::new();
    for (name, value) in options {
        js_sys::Reflect::set(
            &settings,
            &JsValue::from_str(name),
            &JsValue::from_str(value),
        )
        .ok()?;
    }
    let arguments = js_sys::Array::of2(&JsValue::from_str(locale), &settings);
    js_sys::Reflect::construct(&constructor, &arguments).ok()
}

/// `target[method](argument)` on an Intl object, `None` when it throws or is missing.
fn call_method(target: &JsValue, method: &str, argument: &JsValue) -> Option<JsValue> {
    let function = js_sys::Reflect::get(target, &JsValue::from_str(method)).ok()?;
    call(&function, target, argument)
}

fn call(function: &JsValue, this: &JsValue, argument: &JsValue) -> Option<JsValue> {
    function
        .dyn_ref::<js_sys::Function>()?
        .call1(this, argument)
        .ok()
}

/// The Intl object for `key` from `cache`, made by `make` the first time (a failure is
/// remembered too). Making one costs about a millisecond, and the first of a kind tens of
/// milliseconds while the browser loads its locale data: a list of twenty dates must not make
/// twenty.
fn cached<K: PartialEq, T: Clone>(
    cache: &'static std::thread::LocalKey<RefCell<Vec<(K, T)>>>,
    key: K,
    make: impl FnOnce() -> T,
) -> T {
    cache.with_borrow_mut(|made| {
        if let Some((_, value)) = made.iter().find(|(k, _)| *k == key) {
            return value.clone();
        }
        let value = make();
        made.push((key, value.clone()));
        value
    })
}

/// A country's name in the reader's language, from its ISO 3166-1 alpha-3 code; the code
/// itself when it is not one.
pub fn country_name(alpha3: &str, lang: Lang) -> String {
    thread_local! {
        static NAMES: RefCell<Vec<(Lang, Option<JsValue>)>> = const { RefCell::new(Vec::new()) };
    }
    let Some(alpha2) = country::alpha2(alpha3) else {
        return alpha3.to_string();
    };
    cached(&NAMES, lang, || {
        intl("DisplayNames", lang.tag(), &[("type", "region")])
    })
    .and_then(|names| call_method(&names, "of", &JsValue::from_str(alpha2)))
    .and_then(|name| name.as_string())
    .unwrap_or_else(|| alpha3.to_string())
}

/// A language's name as said in `locale` (with `locale` = `tag`, the language's own name:
/// "français", "español"), or the tag itself when the browser does not know it or rejects
/// either tag (the feed's tags are checked as BCP 47, which allows more than `Intl` takes).
pub fn language_name(tag: &str, locale: &str) -> String {
    thread_local! {
        static NAMES: RefCell<Vec<(String, Option<JsValue>)>> = const { RefCell::new(Vec::new()) };
    }
    cached(&NAMES, locale.to_string(), || {
        intl("DisplayNames", locale, &[("type", "language")])
    })
    .and_then(|names| call_method(&names, "of", &JsValue::from_str(tag)))
    .and_then(|name| name.as_string())
    .unwrap_or_else(|| tag.to_string())
}

/// Bodies nested deeper than this are flattened to their text, so that hostile markup
/// cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A release body from feed HTML, built through core's allow-list. The HTML is parsed inert
/// by `DOMParser` (no script runs, nothing loads) and never reaches the page as markup;
/// relative links resolve against `base`.
pub fn parse_html_body(html: &str, base: &str) -> Body {
    // Handlers and styles never run or apply in the inert document, but under a strict CSP
    // the browser would report each as a violation: they go before it parses.
    let html = iom_news_core::html::without_inline_code(html);
    let parsed = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(&html, web_sys::SupportedType::TextHtml));
    match parsed.ok().and_then(|doc| doc.body()) {
        Some(body) => Body(children_of(&body, base, 0)),
        None => Body::default(),
    }
}

fn children_of(node: &web_sys::Node, base: &str, depth: usize) -> Vec<BodyNode> {
    let mut out = Vec::new();
    let mut child = node.first_child();
    while let Some(current) = child {
        convert(&current, base, depth, &mut out);
        child = current.next_sibling();
    }
    out
}

fn convert(node: &web_sys::Node, base: &str, depth: usize, out: &mut Vec<BodyNode>) {
    match node.node_type() {
        web_sys::Node::TEXT_NODE => {
            if let Some(text) = node.node_value() {
                out.push(BodyNode::Text(text));
            }
        }
        web_sys::Node::ELEMENT_NODE => {
            let Some(element) = node.dyn_ref::<web_sys::Element>() else {
                return;
            };
            // SVG and MathML elements (and anything else outside HTML) never survive, so
            // namespace tricks cannot smuggle an <a> or <script> of another kind through.
            let html = element.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml");
            let treatment = if html {
                BodyElement::classify(&element.local_name())
            } else {
                Treatment::Remove
            };
            if treatment == Treatment::Remove {
                return;
            }
            if depth >= MAX_DEPTH {
                out.push(BodyNode::Text(node.text_content().unwrap_or_default()));
                return;
            }
            let resolve = |attribute: &str| {
                element
                    .get_attribute(attribute)
                    .and_then(|url| web_sys::Url::new_with_base(url.trim(), base).ok())
                    .map(|url| url.href())
            };
            let kept = match treatment {
                Treatment::Keep(kept) => Some(kept),
                Treatment::Link => resolve("href").and_then(|h| BodyElement::link(&h)),
                Treatment::Image => resolve("src").and_then(|src| {
                    BodyElement::image(&src, element.get_attribute("alt").as_deref())
                }),
                Treatment::Unwrap | Treatment::Remove => None,
            };
            match kept {
                Some(kept) if kept.is_void() => out.push(BodyNode::Element(kept, Vec::new())),
                Some(kept) => out.push(BodyNode::Element(kept, children_of(node, base, depth + 1))),
                None => out.extend(children_of(node, base, depth + 1)),
            }
        }
        _ => {}
    }
}

/// How many problems of one kind the console lists one by one; the rest are counted.
const LISTED: usize = 50;

/// Writes a feed's skipped items and warnings to the console, one line each up to [`LISTED`]
/// of each kind, then one line with how many more (a hostile or broken feed of 100,000 bad
/// items must not make 100,000 console calls).
pub fn report_problems(feed_url: &str, skipped: &[Skipped], warnings: &[Problem]) {
    if !skipped.is_empty() {
        warn(&format!(
            "iom-news: {} item(s) in {feed_url} were skipped; fix them in the feed:",
            skipped.len()
        ));
    }
    for item in skipped.iter().take(LISTED) {
        warn(&format!("iom-news: {item}"));
    }
    if skipped.len() > LISTED {
        warn(&format!(
            "iom-news: ... and {} more skipped items (check the feed with `iom-news validate`)",
            skipped.len() - LISTED
        ));
    }
    for problem in warnings.iter().take(LISTED) {
        warn(&format!("iom-news: {feed_url}: warning: {problem}"));
    }
    if warnings.len() > LISTED {
        warn(&format!(
            "iom-news: {feed_url}: ... and {} more warnings (check the feed with `iom-news validate`)",
            warnings.len() - LISTED
        ));
    }
}

/// Writes the ids of releases a later page repeated (and that were skipped) to the console.
pub fn report_repeated<'a>(page_url: &str, ids: impl Iterator<Item = &'a str>) {
    for id in ids {
        warn(&format!(
            "iom-news: {page_url}: the release {} is already on an earlier page; skipped",
            quoted(id)
        ));
    }
}

/// Says in the console that a paged feed's chain leads back to an earlier page.
pub fn report_loop(url: &str) {
    warn(&format!(
        "iom-news: next_url {url} leads back to a page already loaded; stopped following the \
         pages (fix the chain of next_url values)"
    ));
}

/// Lets the browser handle input and paint before the caller goes on with background work.
pub async fn yield_to_browser() {
    gloo_timers::future::TimeoutFuture::new(0).await;
}

/// Sets a performance mark (seen in the browser's performance tools and by benchmarks).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records a performance measure from a mark until now.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}

/// Writes why a feed could not be used to the console.
pub fn report_error(error: &LoadError) {
    web_sys::console::error_1(&JsValue::from_str(&format!("iom-news: {error}")));
}

fn warn(message: &str) {
    web_sys::console::warn_1(&JsValue::from_str(message));
}

/// A readable description of a thrown JavaScript value.
fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .or_else(|| {
            js_sys::JSON::stringify(value)
                .ok()
                .and_then(|s| s.as_string())
        })
        .unwrap_or_else(|| "an unknown error".to_string())
}
