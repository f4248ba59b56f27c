//! The feed model: JSON Feed 1.1 (and 1.0's `author`) plus IOM's `_iom` item extension.
//!
//! Parsing and validation live in [`crate::validate`]; this module holds the values it
//! produces.

use std::fmt;

/// A feed that parsed, with the items that could be used.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Feed {
    /// The declared version URL, e.g. `https://jsonfeed.org/version/1.1`.
    pub version: String,
    /// The feed's name, shown above the list.
    pub title: Option<String>,
    /// The web page the feed describes.
    pub home_page_url: Option<String>,
    /// The feed's own URL, against which relative URLs resolve.
    pub feed_url: Option<String>,
    /// A description of the feed.
    pub description: Option<String>,
    /// A note for people who open the file.
    pub user_comment: Option<String>,
    /// The next page of a paged archive (absolute).
    pub next_url: Option<String>,
    /// A large square image for the feed.
    pub icon: Option<String>,
    /// A small square image for the feed.
    pub favicon: Option<String>,
    /// The feed's authors (1.0's `author` included).
    pub authors: Vec<Author>,
    /// The feed's language (BCP 47).
    pub language: Option<String>,
    /// Whether the feed will never be updated again.
    pub expired: bool,
    /// The usable releases, in feed order.
    pub items: Vec<Release>,
}

/// An author of a feed or an item.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Author {
    /// The author's name.
    pub name: Option<String>,
    /// A page about the author (https, http, mailto or tel).
    pub url: Option<String>,
    /// The author's picture.
    pub avatar: Option<String>,
}

/// A file attached to a release (a PDF, an audio clip, ...).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attachment {
    /// The file's URL (absolute).
    pub url: String,
    /// Its media type, e.g. `application/pdf`.
    pub mime_type: String,
    /// A name for it.
    pub title: Option<String>,
    /// Its size in bytes.
    pub size_in_bytes: Option<u64>,
    /// Its duration, for audio and video, in whole seconds.
    pub duration_in_seconds: Option<u64>,
}

/// One press release: a JSON Feed item with IOM's extension.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Release {
    /// Unique within the feed; a JSON number is read as its string.
    pub id: String,
    /// The release's page on iom.int (absolute).
    pub url: Option<String>,
    /// A page the release is about, elsewhere (absolute).
    pub external_url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// A short plain-text summary.
    pub summary: Option<String>,
    /// The body as HTML (untrusted: rendered only through the allow-list).
    pub content_html: Option<String>,
    /// The body as plain text, paragraphs separated by blank lines.
    pub content_text: Option<String>,
    /// The main image's URL (absolute).
    pub image: Option<String>,
    /// A wide banner image's URL (absolute).
    pub banner_image: Option<String>,
    /// RFC 3339 publication date, when known.
    pub date_published: Option<String>,
    /// RFC 3339 date of the last change.
    pub date_modified: Option<String>,
    /// The item's authors (1.0's `author` included).
    pub authors: Vec<Author>,
    /// Themes.
    pub tags: Vec<String>,
    /// The item's language (BCP 47).
    pub language: Option<String>,
    /// Attached files.
    pub attachments: Vec<Attachment>,
    /// IOM's extension.
    pub iom: IomExtension,
}

impl Release {
    /// What the release is called: its title, or, for an item without one (a microblog post,
    /// as feed readers show it), the start of its summary or text, cut at a word near
    /// [`HEADLINE_LENGTH`] characters with an ellipsis. `None` when it has no words at all.
    pub fn headline(&self) -> Option<String> {
        if let Some(title) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return Some(title.to_string());
        }
        let text = match (&self.summary, &self.content_text, &self.content_html) {
            (Some(summary), _, _) => summary.clone(),
            (None, Some(text), _) => text.clone(),
            (None, None, Some(html)) => crate::html::searchable_text(html),
            (None, None, None) => return None,
        };
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.is_empty() {
            return None;
        }
        let mut headline = String::new();
        for word in &words {
            let length = headline.chars().count();
            if length > 0 && length + word.chars().count() > HEADLINE_LENGTH {
                let cut = headline
                    .trim_end_matches([',', ';', ':', '-', '–', '—'])
                    .len();
                headline.truncate(cut);
                headline.push('…');
                return Some(headline);
            }
            if length > 0 {
                headline.push(' ');
            }
            // A single word longer than a headline is cut inside.
            headline.extend(word.chars().take(HEADLINE_LENGTH));
        }
        Some(headline)
    }
}

/// About how many characters of its text stand in for a missing title.
pub const HEADLINE_LENGTH: usize = 80;

/// The `_iom` extension object: what JSON Feed has no field for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IomExtension {
    /// The place the release was issued from, e.g. "Ulaanbaatar".
    pub dateline: Option<String>,
    /// ISO 3166-1 alpha-3 codes of the countries the release is about.
    pub countries: Vec<String>,
    /// IOM region, e.g. "Asia and the Pacific".
    pub region: Option<String>,
    /// E.g. "Press Release", "News".
    pub release_type: Option<String>,
    /// Caption of the main image.
    pub image_caption: Option<String>,
    /// Credit of the main image, e.g. "© IOM/Amanda Nero 2015".
    pub image_credit: Option<String>,
    /// "For more information please contact".
    pub contacts: Vec<Contact>,
    /// The same release in other languages: (language tag, id or absolute URL), one per tag,
    /// in the order the feed lists them.
    pub translations: Vec<(String, String)>,
}

/// A press contact.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Contact {
    /// Full name.
    pub name: Option<String>,
    /// Office, e.g. "IOM Beijing".
    pub office: Option<String>,
    /// Phone numbers as written, e.g. "+86 10 8532 5303, Ext. 203".
    pub phone: Vec<String>,
    /// E-mail address.
    pub email: Option<String>,
}

/// A feed that parsed: the usable items, the items that had to be skipped, and problems
/// that did not stop anything but should be fixed.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The feed with its usable items.
    pub feed: Feed,
    /// Items that were skipped, each with its problems.
    pub skipped: Vec<Skipped>,
    /// Problems that dropped a feed-level field or that are only worth a warning.
    pub warnings: Vec<Problem>,
}

impl Parsed {
    /// Whether the file has no problem at all.
    pub fn is_clean(&self) -> bool {
        self.skipped.is_empty() && self.warnings.is_empty()
    }
}

/// One problem in a feed: where, and what is wrong with what would be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// JSON path, e.g. `items[3].date_published`.
    pub path: String,
    /// What is wrong and what would be right.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_item_without_a_title_is_called_by_the_start_of_its_text() {
        let release = |title: Option<&str>, text: &str| Release {
            title: title.map(str::to_string),
            content_text: Some(text.into()),
            ..Release::default()
        };
        assert_eq!(
            release(Some("Title"), "x").headline().as_deref(),
            Some("Title")
        );
        assert_eq!(
            release(None, "  Short   post. ").headline().as_deref(),
            Some("Short post.")
        );
        let long = "IOM is today hosting a three-day workshop in Ulaanbaatar for 25 public officials, academics and staff.";
        assert_eq!(
            release(None, long).headline().as_deref(),
            Some(
                "IOM is today hosting a three-day workshop in Ulaanbaatar for 25 public officials…"
            )
        );
        assert_eq!(release(Some(" "), " \n ").headline(), None);
        let html = Release {
            content_html: Some("<p>From <b>HTML</b><script>x</script></p>".into()),
            ..Release::default()
        };
        assert_eq!(html.headline().as_deref(), Some("From HTML"));
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// An item that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Position in the feed's `items` array.
    pub index: usize,
    /// The item's id, when it has a usable one.
    pub id: Option<String>,
    /// Everything wrong with it (at least one problem).
    pub problems: Vec<Problem>,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "item {}", self.index)?;
        if let Some(id) = &self.id {
            write!(f, " (id {})", crate::quoted(id))?;
        }
        f.write_str(" skipped:")?;
        match self.problems.as_slice() {
            [one] => write!(f, " {one}"),
            many => many.iter().try_for_each(|p| write!(f, "\n  {p}")),
        }
    }
}

/// Why a whole feed could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedError {
    /// The text is not JSON.
    Syntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The JSON is not an object.
    NotAnObject,
    /// `version` is missing or not a JSON Feed 1.x version URL.
    Version {
        /// What the feed declared, if anything.
        found: Option<String>,
    },
    /// There is no `items` array.
    NoItems,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const WRITE: &str = "write \"version\": \"https://jsonfeed.org/version/1.1\"";
        match self {
            FeedError::Syntax {
                line,
                column,
                message,
            } => write!(f, "not valid JSON at line {line}, column {column}: {message}"),
            FeedError::NotAnObject => f.write_str(
                "not a JSON Feed: the file must be one JSON object, { \"version\": ..., \"items\": [...] }",
            ),
            FeedError::Version { found: None } => {
                write!(f, "not a JSON Feed: \"version\" is missing; {WRITE}")
            }
            FeedError::Version { found: Some(v) } => {
                write!(f, "not a JSON Feed: \"version\" is {v}; {WRITE}")
            }
            FeedError::NoItems => f.write_str(
                "not a JSON Feed: \"items\" is missing or not a list; write \"items\": [ ... ]",
            ),
        }
    }
}

impl std::error::Error for FeedError {}
