//! Every piece of UI text, by language.
//!
//! Implementation note: components never hold text of their own; they ask
//! [`message`] for a [`Key`]. English is the only table so far; the other UN languages add a
//! table each, and right-to-left comes with Arabic through [`Lang::dir`].

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
}

impl Lang {
    /// The language for a BCP 47 tag (`en`, `en-GB`, ...), if the widget has its messages.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The BCP 47 tag, for `lang` attributes and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }

    /// Text direction, for the `dir` attribute.
    pub fn dir(self) -> &'static str {
        match self {
            Lang::En => "ltr",
        }
    }
}

/// A piece of UI text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    /// Shown while the feed loads.
    Loading,
    /// Heading of the message shown when the feed cannot be used.
    FeedUnavailable,
    /// The feed's server answered with an error; `{status}`.
    ErrorHttp,
    /// The embed names no feed.
    ErrorNoFeed,
    /// The inline feed the embed names is not on the page.
    ErrorInline,
    /// The feed could not be fetched at all.
    ErrorNetwork,
    /// The feed is not valid JSON; `{line}`, `{column}`.
    ErrorSyntax,
    /// The feed is JSON but not a JSON Feed.
    ErrorNotFeed,
    /// Where the details of a problem are.
    SeeConsole,
    /// One item was skipped.
    SkippedOne,
    /// Several items were skipped; `{count}`.
    SkippedMany,
    /// The feed has no usable items.
    EmptyFeed,
    /// No release passes the pre-set filters.
    NoMatches,
    /// The control that returns to the list.
    BackToAll,
    /// The deep-linked release is not in the feed.
    ReleaseNotFound,
    /// Heading of the contact block.
    ContactHeading,
    /// Label before a phone number.
    Phone,
    /// Label before an e-mail address.
    Email,
    /// Stands in for a release without a title.
    Untitled,
    /// Before the links to the release in other languages.
    AlsoIn,
    /// The button that copies the release's link.
    CopyLink,
    /// Said when the link was copied.
    LinkCopied,
    /// Said when the link could not be copied; `{url}`.
    CopyFailed,
    /// The link to the release's original page.
    Original,
    /// Accessible name of the list of themes.
    Themes,
    /// Label of the search box.
    Search,
    /// Accessible name of the group of search and filter controls.
    Filters,
    /// Label of the country filter.
    FacetCountry,
    /// Label of the region filter.
    FacetRegion,
    /// Label of the theme filter.
    FacetTag,
    /// Label of the year filter.
    FacetYear,
    /// Label of the language filter.
    FacetLanguage,
    /// The filter option that means "no filter".
    AllValues,
    /// The control that removes the search and every filter.
    ClearFilters,
    /// No release matches the search and filters.
    NoResults,
    /// One release matches.
    ResultsOne,
    /// Several releases match; `{count}`.
    ResultsMany,
    /// The control that loads the next page of a paged feed.
    MoreNews,
    /// Shown while the next page loads.
    LoadingMore,
    /// The next page could not be loaded.
    MoreFailed,
    /// The control that tries loading the next page again.
    TryAgain,
    /// The feed's pages loop back to an earlier page.
    PagesLoop,
}

/// The text of `key` in `lang`.
pub fn message(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::En => english(key),
    }
}

fn english(key: Key) -> &'static str {
    match key {
        Key::Loading => "Loading news…",
        Key::FeedUnavailable => "The news could not be loaded.",
        Key::ErrorHttp => "The news feed's server answered with error {status}.",
        Key::ErrorNoFeed => "No news feed is set for this widget.",
        Key::ErrorInline => "The news feed embedded in this page could not be found.",
        Key::ErrorNetwork => "The news feed could not be reached.",
        Key::ErrorSyntax => "The news feed is damaged (line {line}, column {column}).",
        Key::ErrorNotFeed => "The file is not a news feed.",
        Key::SeeConsole => "Details are in the browser console.",
        Key::SkippedOne => "1 item could not be shown.",
        Key::SkippedMany => "{count} items could not be shown.",
        Key::EmptyFeed => "There is no news to show.",
        Key::NoMatches => "No news matches this selection.",
        Key::BackToAll => "Back to all news",
        Key::ReleaseNotFound => "This news release is not in the feed.",
        Key::ContactHeading => "For more information please contact:",
        Key::Phone => "Tel:",
        Key::Email => "E-mail:",
        Key::Untitled => "Untitled release",
        Key::AlsoIn => "Also in:",
        Key::CopyLink => "Copy link",
        Key::LinkCopied => "Link copied.",
        Key::CopyFailed => "The link could not be copied; here it is: {url}",
        Key::Original => "Read the original release",
        Key::Themes => "Themes",
        Key::Search => "Search news",
        Key::Filters => "Search and filters",
        Key::FacetCountry => "Country",
        Key::FacetRegion => "Region",
        Key::FacetTag => "Theme",
        Key::FacetYear => "Year",
        Key::FacetLanguage => "Language",
        Key::AllValues => "All",
        Key::ClearFilters => "Clear filters",
        Key::NoResults => "No news matches your search.",
        Key::ResultsOne => "1 release",
        Key::ResultsMany => "{count} releases",
        Key::MoreNews => "More news",
        Key::LoadingMore => "Loading more news…",
        Key::MoreFailed => "The next page of news could not be loaded.",
        Key::TryAgain => "Try again",
        Key::PagesLoop => {
            "There is no more news: the feed's next page leads back to an earlier one."
        }
    }
}

/// `template` with each `{name}` replaced by its value.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_language_tags() {
        assert_eq!(Lang::from_tag("en"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::from_tag("xx"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn fills_placeholders() {
        assert_eq!(
            fill(
                message(Lang::En, Key::ErrorSyntax),
                &[("line", "3"), ("column", "14")]
            ),
            "The news feed is damaged (line 3, column 14)."
        );
        assert_eq!(
            fill(message(Lang::En, Key::SkippedMany), &[("count", "2")]),
            "2 items could not be shown."
        );
    }
}
