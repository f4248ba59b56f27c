//! The settings of one widget instance, read once from its element's attributes.
//!
//! Implementation note: reading goes through a function that gives an attribute's value, so
//! this module never touches the element (the entry point passes `getAttribute`) and its rules
//! are tested natively.

use std::cell::Cell;
use std::rc::Rc;

use iom_news_core::embed::{self, Heading, Layout, OpenIn, Theme};
use iom_news_core::fragment;
use iom_news_core::i18n::{Lang, Languages};
use iom_news_core::query::{Filter, FACETS};
use iom_news_core::quoted;
use wasm_bindgen::JsValue;

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

/// The response of the feed request the loader started while the module loaded, for the URL
/// it was started for. It can be used once.
#[derive(Clone)]
pub struct Prefetched {
    /// The `feed` attribute it was started for.
    pub url: String,
    response: Rc<Cell<Option<JsValue>>>,
}

impl Prefetched {
    /// The early response for `url`.
    pub fn new(url: String, response: JsValue) -> Prefetched {
        Prefetched {
            url,
            response: Rc::new(Cell::new(Some(response))),
        }
    }

    /// The response (a promise), if this is for `url` and nobody took it yet.
    pub fn take_for(&self, url: &str) -> Option<JsValue> {
        if self.url == url {
            self.response.take()
        } else {
            None
        }
    }
}

impl std::fmt::Debug for Prefetched {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prefetched")
            .field("url", &self.url)
            .finish()
    }
}

impl PartialEq for Prefetched {
    fn eq(&self, other: &Prefetched) -> bool {
        Rc::ptr_eq(&self.response, &other.response)
    }
}

/// The settings of one widget instance.
#[derive(Debug, Clone, PartialEq)]
pub struct WidgetConfig {
    /// The feed to show.
    pub feed: FeedSource,
    /// The interface language.
    pub lang: Lang,
    /// Whether a search finds a release through the words of any of its language versions
    /// (`search-translations`), not only those of the version shown.
    pub search_translations: bool,
    /// The instance's key in the URL fragment (see `iom_news_core::fragment`).
    pub link_key: String,
    /// Whether opening a release is recorded in the address (deep links).
    pub links: bool,
    /// Colour scheme.
    pub theme: Theme,
    /// List layout.
    pub layout: Layout,
    /// What the list shows above the releases (`heading`).
    pub heading: Heading,
    /// Where a click on a release opens it (`open`); in the widget itself when `None`.
    pub open_in: Option<OpenIn>,
    /// Releases shown at first and added by each "More news".
    pub page_size: usize,
    /// How long a feed request may take before it counts as failed, in milliseconds.
    pub timeout_ms: u32,
    /// Filters the page sets (the `country`, `region`, ... attributes); the reader cannot
    /// change them.
    pub preset: Filter,
    /// Where readers can reach the news when the widget cannot show it: the link the page put
    /// inside the element, if any.
    pub news_page: Option<String>,
    /// The widget's element: it receives the `iom-news:open` and `iom-news:close` events and
    /// carries the widget's state (`data-iom-news-state`) for the loader and the page.
    pub host: Option<web_sys::Element>,
    /// The loader's early request for the feed.
    pub prefetched: Option<Prefetched>,
}

impl WidgetConfig {
    /// The settings of an element without attributes but the feed, given as `feed`.
    pub fn for_feed(feed: FeedSource) -> WidgetConfig {
        WidgetConfig::read(|_| None, "", &Languages::default(), &mut |_| ()).with_feed(feed)
    }

    /// This configuration with another feed.
    pub fn with_feed(self, feed: FeedSource) -> WidgetConfig {
        WidgetConfig { feed, ..self }
    }

    /// Reads the settings from an element's attributes (`attribute` gives one's value), its
    /// `id`, and the languages `around` it (the nearest `lang` of an ancestor, else the
    /// reader's browser languages) for the interface language when it has no `lang` of its
    /// own; each bad value is reported to `warn` and replaced by its default.
    pub fn read(
        attribute: impl Fn(&str) -> Option<String>,
        id: &str,
        around: &Languages,
        warn: &mut dyn FnMut(String),
    ) -> WidgetConfig {
        WidgetConfig::read_at(attribute, id, around, "", warn)
    }

    /// [`WidgetConfig::read`] for a page at `base` (against which an `open` address resolves).
    pub fn read_at(
        attribute: impl Fn(&str) -> Option<String>,
        id: &str,
        around: &Languages,
        base: &str,
        warn: &mut dyn FnMut(String),
    ) -> WidgetConfig {
        let feed = match attribute("feed").as_deref().map(str::trim) {
            Some(id) if id.len() > 1 && id.starts_with('#') => FeedSource::Inline(id[1..].into()),
            Some(url) if !url.is_empty() && url != "#" => FeedSource::Url(url.into()),
            _ => {
                warn(
                    "iom-news: the element has no `feed` attribute; write <iom-news feed=\"news.json\">"
                        .into(),
                );
                FeedSource::Missing
            }
        };
        let own = attribute("lang");
        let page = own.iter().chain(&around.page).map(String::as_str);
        let (lang, unsupported) = Lang::choose(page, around.reader.iter().map(String::as_str));
        if let Some(tag) = unsupported {
            warn(format!(
                "iom-news: the language {} is not one of the widget's (ar, en, es, fr, ru, zh); \
                 using English",
                quoted(tag)
            ));
        }
        let mut preset = Filter::default();
        for info in FACETS {
            if let Some(value) = attribute(info.name) {
                *preset.values_mut(info.facet) = embed::list(&value);
            }
        }
        WidgetConfig {
            feed,
            lang,
            search_translations: setting(
                attribute("search-translations"),
                |v| embed::switch("search-translations", v, false),
                false,
                warn,
            ),
            link_key: fragment::key_for(Some(id)),
            links: setting(attribute("links"), embed::links, true, warn),
            theme: setting(attribute("theme"), Theme::parse, Theme::default(), warn),
            layout: setting(attribute("layout"), Layout::parse, Layout::default(), warn),
            heading: attribute("heading").map_or(Heading::FeedTitle, |h| Heading::parse(&h)),
            open_in: setting(attribute("open"), |v| OpenIn::parse(v, base), None, warn),
            page_size: setting(
                attribute("page-size"),
                embed::page_size,
                embed::DEFAULT_PAGE_SIZE,
                warn,
            ),
            timeout_ms: setting(
                attribute("timeout"),
                embed::timeout,
                embed::DEFAULT_TIMEOUT,
                warn,
            ) * 1000,
            preset,
            news_page: None,
            host: None,
            prefetched: None,
        }
    }
}

/// An attribute's value through its parser; a bad value is reported and replaced.
fn setting<T>(
    value: Option<String>,
    parse: impl Fn(&str) -> embed::Parsed<T>,
    default: T,
    warn: &mut dyn FnMut(String),
) -> T {
    match value.map(|v| parse(&v)) {
        None => default,
        Some(Ok(v)) => v,
        Some(Err((fallback, message))) => {
            warn(message);
            fallback
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use iom_news_core::query::Facet;

    fn read(attributes: &[(&str, &str)]) -> (WidgetConfig, Vec<String>) {
        let mut warnings = Vec::new();
        let config = WidgetConfig::read(
            |name| {
                attributes
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.to_string())
            },
            "side.bar",
            &Languages {
                page: vec!["de".to_string()],
                reader: Vec::new(),
            },
            &mut |w| warnings.push(w),
        );
        (config, warnings)
    }

    #[test]
    fn reads_every_attribute() {
        let (config, warnings) = read(&[
            ("feed", " news.json "),
            ("theme", "dark"),
            ("layout", "cards"),
            ("page-size", "5"),
            ("links", "off"),
            ("country", "MNG, SEN"),
            ("language", "fr"),
        ]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].contains("\"de\" is not one"), "{warnings:?}");
        assert_eq!(config.lang, Lang::En);
        assert_eq!(config.feed, FeedSource::Url("news.json".into()));
        assert_eq!((config.theme, config.layout), (Theme::Dark, Layout::Cards));
        assert_eq!((config.page_size, config.links), (5, false));
        assert_eq!(config.preset.values(Facet::Country), ["MNG", "SEN"]);
        assert_eq!(config.preset.values(Facet::Language), ["fr"]);
        assert_eq!(config.link_key, "iom-news:side%2Ebar");
    }

    #[test]
    fn warns_and_falls_back() {
        let (config, warnings) = read(&[
            ("feed", "#"),
            ("theme", "purple"),
            ("page-size", "0"),
            ("lang", "fr-CA"),
        ]);
        assert_eq!(config.feed, FeedSource::Missing);
        assert_eq!((config.theme, config.page_size), (Theme::Light, 10));
        assert_eq!(config.lang, Lang::Fr, "the element's own lang comes first");
        assert_eq!(warnings.len(), 3, "{warnings:?}");
        let (config, _) = read(&[("feed", "#news")]);
        assert_eq!(config.feed, FeedSource::Inline("news".into()));
    }

    #[test]
    fn an_early_response_is_used_once_and_only_for_its_url() {
        let early = Prefetched::new("a.json".into(), JsValue::NULL);
        assert!(early.take_for("b.json").is_none());
        assert!(early.take_for("a.json").is_some());
        assert!(early.clone().take_for("a.json").is_none(), "taken already");
    }
}
