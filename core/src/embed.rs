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
    /// Follows the reader's `prefers-color-scheme`.
    Auto,
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
            _ => Err((
                Theme::Light,
                bad("theme", value, "light, dark or auto", "light"),
            )),
        }
    }

    /// The value for the `data-theme` attribute the stylesheet reads.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
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
                "iom-news: theme=\"purple\" is not valid; use light, dark or auto. Using light."
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
    }
}
