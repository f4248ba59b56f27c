//! The embed attributes (`theme`, `layout`, `page-size`, `links`, filters): their values, and
//! the warning a bad value gets before it falls back to the default.

/// Colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on light ground (the default).
    #[default]
    Light,
    /// Light text on dark ground.
    Dark,
    /// Follows the reader's system setting (`prefers-color-scheme`): light or dark.
    Auto,
    /// Takes the page's own text colour and background: no background of its own.
    Inherit,
}

/// How the list of releases is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// Title, dateline, date, countries and summary, one under another (the default).
    #[default]
    List,
    /// A responsive grid of cards with images.
    Cards,
    /// Title and date only, for a sidebar.
    Compact,
}

/// The number of releases shown at first, and added by each "More news".
pub const DEFAULT_PAGE_SIZE: usize = 10;
/// The most releases one page may show.
pub const MAX_PAGE_SIZE: usize = 100;

/// A parsed attribute: its value, or the default and a warning for the console.
pub type Parsed<T> = Result<T, (T, String)>;

impl Theme {
    /// The value of a `theme` attribute.
    pub fn parse(value: &str) -> Parsed<Theme> {
        match value.trim().to_ascii_lowercase().as_str() {
            "light" | "" => Ok(Theme::Light),
            "dark" => Ok(Theme::Dark),
            "auto" => Ok(Theme::Auto),
            "inherit" => Ok(Theme::Inherit),
            _ => Err((
                Theme::Light,
                bad("theme", value, "light, dark, auto or inherit", "light"),
            )),
        }
    }

    /// The value for the `data-theme` attribute the stylesheet reads.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
            Theme::Inherit => "inherit",
        }
    }
}

impl Layout {
    /// The value of a `layout` attribute.
    pub fn parse(value: &str) -> Parsed<Layout> {
        match value.trim().to_ascii_lowercase().as_str() {
            "list" | "" => Ok(Layout::List),
            "cards" => Ok(Layout::Cards),
            "compact" => Ok(Layout::Compact),
            _ => Err((
                Layout::List,
                bad("layout", value, "list, cards or compact", "list"),
            )),
        }
    }

    /// The layout's CSS class.
    pub fn class(self) -> &'static str {
        match self {
            Layout::List => "iom-news--list",
            Layout::Cards => "iom-news--cards",
            Layout::Compact => "iom-news--compact",
        }
    }
}

/// The value of a `page-size` attribute: a whole number from 1 to [`MAX_PAGE_SIZE`].
pub fn page_size(value: &str) -> Parsed<usize> {
    match value.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_PAGE_SIZE).contains(&n) => Ok(n),
        _ => Err((
            DEFAULT_PAGE_SIZE,
            bad(
                "page-size",
                value,
                &format!("a whole number from 1 to {MAX_PAGE_SIZE}"),
                &DEFAULT_PAGE_SIZE.to_string(),
            ),
        )),
    }
}

/// The `heading` attribute: what the list shows above the releases.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Heading {
    /// The feed's own title (without the attribute).
    #[default]
    FeedTitle,
    /// No heading: the page has its own above the widget (`heading="none"`).
    Hidden,
    /// This text instead of the feed's title.
    Text(String),
}

impl Heading {
    /// The value of a `heading` attribute.
    pub fn parse(value: &str) -> Heading {
        match value.trim() {
            "" | "none" => Heading::Hidden,
            text => Heading::Text(text.to_string()),
        }
    }
}

/// Where a click on a release goes, set by the `open` attribute (a compact list in a sidebar
/// sends its readers to the page with the full news, or to another widget on the page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenIn {
    /// The widget with this element id on the same page (`open="#main-news"`).
    Widget(String),
    /// The news page at this address (`open="https://office.example/news"`, absolute); a
    /// fragment names the widget on that page (`.../news#main-news`).
    Page(String),
}

impl OpenIn {
    /// The value of an `open` attribute, given the page's base URL to make a relative page
    /// address absolute; the warning when it is no usable address.
    pub fn parse(value: &str, base: &str) -> Parsed<Option<OpenIn>> {
        let value = value.trim();
        if value.is_empty() {
            return Ok(None);
        }
        if let Some(id) = value.strip_prefix('#').filter(|id| !id.is_empty()) {
            return Ok(Some(OpenIn::Widget(id.to_string())));
        }
        match crate::url::check(value, Some(base), crate::url::Target::Web) {
            Ok(url) => Ok(Some(OpenIn::Page(url))),
            Err(reason) => Err((
                None,
                format!(
                    "iom-news: open={} is not usable: {reason}. Releases open in place.",
                    crate::quoted(value)
                ),
            )),
        }
    }

    /// The link that opens release `id` there.
    pub fn link(&self, id: &str) -> String {
        match self {
            OpenIn::Widget(widget) => format!(
                "#{}",
                crate::fragment::set("", &crate::fragment::key_for(Some(widget)), Some(id))
            ),
            OpenIn::Page(url) => {
                let (page, widget) = match url.split_once('#') {
                    Some((page, widget)) => (page, Some(widget).filter(|w| !w.is_empty())),
                    None => (url.as_str(), None),
                };
                format!(
                    "{page}#{}",
                    crate::fragment::set("", &crate::fragment::key_for(widget), Some(id))
                )
            }
        }
    }
}

/// How long a feed request may take, in seconds, by default.
pub const DEFAULT_TIMEOUT: u32 = 15;

/// The value of a `timeout` attribute: whole seconds from 1 to 120.
pub fn timeout(value: &str) -> Parsed<u32> {
    match value.trim().parse::<u32>() {
        Ok(n) if (1..=120).contains(&n) => Ok(n),
        _ => Err((
            DEFAULT_TIMEOUT,
            bad(
                "timeout",
                value,
                "a whole number of seconds from 1 to 120",
                &DEFAULT_TIMEOUT.to_string(),
            ),
        )),
    }
}

/// The value of the `links` attribute (deep links in the address): on unless `off`.
pub fn links(value: &str) -> Parsed<bool> {
    switch("links", value, true)
}

/// The value of an on/off attribute: present (or `on`, `true`, `yes`) is on; `off`, `false`
/// and `no` are off; anything else gets the warning and `default`.
pub fn switch(attribute: &str, value: &str, default: bool) -> Parsed<bool> {
    match value.trim().to_ascii_lowercase().as_str() {
        "" | "on" | "true" | "yes" => Ok(true),
        "off" | "false" | "no" => Ok(false),
        _ => Err((
            default,
            bad(
                attribute,
                value,
                "on or off",
                if default { "on" } else { "off" },
            ),
        )),
    }
}

/// A comma-separated list attribute (`country="MNG, CHN"`), without empty entries.
pub fn list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .map(str::to_string)
        .collect()
}

fn bad(attribute: &str, value: &str, allowed: &str, default: &str) -> String {
    let value = crate::quoted(value);
    format!("iom-news: {attribute}={value} is not valid; use {allowed}. Using {default}.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_good_values_in_any_case() {
        assert_eq!(Theme::parse(" Dark "), Ok(Theme::Dark));
        assert_eq!(Theme::parse("auto"), Ok(Theme::Auto));
        assert_eq!(Layout::parse("CARDS"), Ok(Layout::Cards));
        assert_eq!(page_size("25"), Ok(25));
        assert_eq!(links("off"), Ok(false));
        assert_eq!(list(" MNG, ,CHN "), ["MNG", "CHN"]);
    }

    #[test]
    fn falls_back_with_a_warning() {
        assert_eq!(
            Theme::parse("purple"),
            Err((
                Theme::Light,
                "iom-news: theme=\"purple\" is not valid; use light, dark, auto or inherit. Using light."
                    .into()
            ))
        );
        assert_eq!(Layout::parse("grid").unwrap_err().0, Layout::List);
        assert_eq!(page_size("0").unwrap_err().0, DEFAULT_PAGE_SIZE);
        assert_eq!(page_size("1000").unwrap_err().0, DEFAULT_PAGE_SIZE);
        assert!(page_size("ten")
            .unwrap_err()
            .1
            .contains("a whole number from 1 to 100"));
        assert!(links("maybe").unwrap_err().0);
        assert_eq!(timeout(" 5 "), Ok(5));
        assert_eq!(Theme::parse("inherit"), Ok(Theme::Inherit));
        assert_eq!(Heading::parse("none"), Heading::Hidden);
        assert_eq!(Heading::parse(" Latest "), Heading::Text("Latest".into()));
        let base = "https://partner.example/home/";
        let widget = OpenIn::parse("#main-news", base).unwrap().unwrap();
        assert_eq!(widget.link("r 1"), "#iom-news:main-news=r%201");
        let page = OpenIn::parse("../news", base).unwrap().unwrap();
        assert_eq!(page.link("r1"), "https://partner.example/news#iom-news=r1");
        let named = OpenIn::parse("https://iom.int/news#main", base)
            .unwrap()
            .unwrap();
        assert_eq!(named.link("r1"), "https://iom.int/news#iom-news:main=r1");
        assert!(OpenIn::parse("javascript:alert(1)", base).is_err());
        assert_eq!(timeout("0").unwrap_err().0, DEFAULT_TIMEOUT);
        assert_eq!(switch("search-translations", "", false), Ok(true));
        assert_eq!(switch("search-translations", "off", true), Ok(false));
    }
}
