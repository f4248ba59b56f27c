//! The feed model (JSON Feed 1.1 plus the `_iom` item extension) and its parsing.
//!
//! Implementation note: the document is first read as a generic JSON value so that a problem
//! in one item skips that item (and is reported with its index, id and JSON path) instead of
//! failing the whole feed. Only problems with the feed itself fail it.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value};

/// The version URL prefix every JSON Feed 1.x document declares.
const VERSION_PREFIX: &str = "https://jsonfeed.org/version/1";

/// A feed that parsed, with the items that could be used.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Feed {
    /// The feed's name, shown above the list.
    pub title: Option<String>,
    /// The web page the feed describes.
    pub home_page_url: Option<String>,
    /// The feed's own URL, against which relative URLs resolve.
    pub feed_url: Option<String>,
    /// A description of the feed.
    pub description: Option<String>,
    /// The feed's language (BCP 47).
    pub language: Option<String>,
    /// The next page of a paged archive.
    pub next_url: Option<String>,
    /// The usable releases, in feed order.
    pub items: Vec<Release>,
}

impl Feed {
    /// The release with this id, if the feed has it.
    pub fn release(&self, id: &str) -> Option<&Release> {
        self.items.iter().find(|r| r.id == id)
    }
}

/// One press release: a JSON Feed item with IOM's extension.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Release {
    /// Unique within the feed; a JSON number is read as its string.
    pub id: String,
    /// The release's page on iom.int.
    #[serde(default)]
    pub url: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// A short plain-text summary.
    #[serde(default)]
    pub summary: Option<String>,
    /// The body as HTML (untrusted: rendered only through the allow-list).
    #[serde(default)]
    pub content_html: Option<String>,
    /// The body as plain text, paragraphs separated by blank lines.
    #[serde(default)]
    pub content_text: Option<String>,
    /// The main image's URL.
    #[serde(default)]
    pub image: Option<String>,
    /// RFC 3339 publication date, when known.
    #[serde(default)]
    pub date_published: Option<String>,
    /// RFC 3339 date of the last change.
    #[serde(default)]
    pub date_modified: Option<String>,
    /// The item's language (BCP 47).
    #[serde(default)]
    pub language: Option<String>,
    /// Themes.
    #[serde(default)]
    pub tags: Vec<String>,
    /// IOM's extension.
    #[serde(default, rename = "_iom")]
    pub iom: IomExtension,
}

/// The `_iom` extension object: what JSON Feed has no field for.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct IomExtension {
    /// The place the release was issued from, e.g. "Ulaanbaatar".
    #[serde(default)]
    pub dateline: Option<String>,
    /// ISO 3166-1 alpha-3 codes of the countries the release is about.
    #[serde(default)]
    pub countries: Vec<String>,
    /// IOM region, e.g. "Asia and the Pacific".
    #[serde(default)]
    pub region: Option<String>,
    /// E.g. "press release", "news".
    #[serde(default)]
    pub release_type: Option<String>,
    /// Caption of the main image.
    #[serde(default)]
    pub image_caption: Option<String>,
    /// Credit of the main image, e.g. "© IOM/Amanda Nero 2015".
    #[serde(default)]
    pub image_credit: Option<String>,
    /// "For more information please contact".
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Language tag to the id or URL of the same release in that language.
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
}

/// A press contact.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
pub struct Contact {
    /// Full name.
    #[serde(default)]
    pub name: Option<String>,
    /// Office, e.g. "IOM Beijing".
    #[serde(default)]
    pub office: Option<String>,
    /// Phone numbers as written, e.g. "+86 10 8532 5303, Ext. 203".
    #[serde(default, deserialize_with = "one_or_many")]
    pub phone: Vec<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
}

/// Accepts a single string where a list of strings is expected.
fn one_or_many<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(deserializer)? {
        OneOrMany::One(s) => vec![s],
        OneOrMany::Many(v) => v,
    })
}

/// A feed that parsed: the usable items, and the items that had to be skipped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// The feed with its usable items.
    pub feed: Feed,
    /// Items that were skipped, each with the reason.
    pub skipped: Vec<Skipped>,
}

/// An item that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Position in the feed's `items` array.
    pub index: usize,
    /// The item's id, when it has a usable one.
    pub id: Option<String>,
    /// JSON path of the problem, e.g. `items[3].content_html`.
    pub path: String,
    /// What is wrong and what would be right.
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "item {}", self.index)?;
        if let Some(id) = &self.id {
            write!(f, " (id {id:?})")?;
        }
        write!(f, " skipped: {}: {}", self.path, self.reason)
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
        match self {
            FeedError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "not valid JSON at line {line}, column {column}: {message}"
            ),
            FeedError::NotAnObject => {
                f.write_str("not a JSON Feed: the document must be a JSON object")
            }
            FeedError::Version { found: None } => f.write_str(
                "not a JSON Feed: `version` is missing; write \"https://jsonfeed.org/version/1.1\"",
            ),
            FeedError::Version { found: Some(v) } => write!(
                f,
                "not a JSON Feed: `version` is {v:?}; write \"https://jsonfeed.org/version/1.1\""
            ),
            FeedError::NoItems => f.write_str(
                "not a JSON Feed: `items` is missing or not an array; write \"items\": []",
            ),
        }
    }
}

impl std::error::Error for FeedError {}

impl Feed {
    /// Parses and validates a JSON Feed document.
    ///
    /// A problem with the feed itself fails it; a problem with one item skips that item and
    /// reports it in [`Parsed::skipped`]. Never panics, whatever the input.
    pub fn parse(text: &str) -> Result<Parsed, FeedError> {
        let value: Value = serde_json::from_str(text).map_err(|e| FeedError::Syntax {
            line: e.line(),
            column: e.column(),
            message: syntax_message(&e),
        })?;
        let Value::Object(mut root) = value else {
            return Err(FeedError::NotAnObject);
        };
        match root.get("version") {
            Some(Value::String(v)) if v.starts_with(VERSION_PREFIX) => {}
            Some(Value::String(v)) => {
                return Err(FeedError::Version {
                    found: Some(v.clone()),
                })
            }
            Some(other) => {
                return Err(FeedError::Version {
                    found: Some(other.to_string()),
                })
            }
            None => return Err(FeedError::Version { found: None }),
        }
        let Some(Value::Array(raw_items)) = root.remove("items") else {
            return Err(FeedError::NoItems);
        };

        let mut feed = Feed {
            title: string_field(&root, "title"),
            home_page_url: string_field(&root, "home_page_url"),
            feed_url: string_field(&root, "feed_url"),
            description: string_field(&root, "description"),
            language: string_field(&root, "language"),
            next_url: string_field(&root, "next_url"),
            items: Vec::with_capacity(raw_items.len()),
        };
        let mut skipped = Vec::new();
        let mut seen = HashSet::new();
        for (index, raw) in raw_items.into_iter().enumerate() {
            match parse_item(index, raw) {
                Ok(release) => {
                    if seen.insert(release.id.clone()) {
                        feed.items.push(release);
                    } else {
                        skipped.push(Skipped {
                            index,
                            path: format!("items[{index}].id"),
                            reason: format!(
                                "the id {:?} is already used by an earlier item; every item needs its own id",
                                release.id
                            ),
                            id: Some(release.id),
                        });
                    }
                }
                Err(problem) => skipped.push(problem),
            }
        }
        Ok(Parsed { feed, skipped })
    }
}

/// serde_json's message without its own " at line L column C" suffix (we report those apart).
fn syntax_message(e: &serde_json::Error) -> String {
    let full = e.to_string();
    match full.rfind(" at line ") {
        Some(i) => full[..i].to_string(),
        None => full,
    }
}

fn string_field(map: &Map<String, Value>, key: &str) -> Option<String> {
    map.get(key).and_then(Value::as_str).map(str::to_string)
}

fn parse_item(index: usize, raw: Value) -> Result<Release, Skipped> {
    let skip = |id: Option<&str>, field: &str, reason: String| Skipped {
        index,
        id: id.map(str::to_string),
        path: if field.is_empty() {
            format!("items[{index}]")
        } else {
            format!("items[{index}].{field}")
        },
        reason,
    };
    let Value::Object(mut item) = raw else {
        return Err(skip(None, "", "an item must be a JSON object".into()));
    };
    // JSON Feed asks readers to accept a number as id and use its string form.
    let id = match item.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::String(_)) => {
            return Err(skip(
                None,
                "id",
                "the id is empty; give the item a unique id".into(),
            ))
        }
        Some(_) => {
            return Err(skip(
                None,
                "id",
                "the id must be a string, e.g. \"iom-2026-001\"".into(),
            ))
        }
        None => {
            return Err(skip(
                None,
                "id",
                "missing; every item needs a unique \"id\"".into(),
            ))
        }
    };
    item.insert("id".into(), Value::String(id.clone()));
    let has_body = ["content_html", "content_text"]
        .iter()
        .any(|k| matches!(item.get(*k), Some(Value::String(_))));
    if !has_body {
        return Err(skip(
            Some(&id),
            "content_html",
            "missing; an item needs \"content_html\" or \"content_text\"".into(),
        ));
    }
    for field in ["date_published", "date_modified"] {
        if let Some(value) = item.get(field) {
            match value.as_str() {
                Some(date) if is_rfc3339(date) => {}
                Some(date) => {
                    return Err(skip(
                        Some(&id),
                        field,
                        format!("not an RFC 3339 date: {date:?}; write e.g. 2026-11-29T10:00:00Z"),
                    ))
                }
                None => {
                    return Err(skip(
                        Some(&id),
                        field,
                        "must be a string such as \"2026-11-29T10:00:00Z\"".into(),
                    ))
                }
            }
        }
    }
    serde_json::from_value::<Release>(Value::Object(item))
        .map_err(|e| skip(Some(&id), "", format!("wrong type of value: {e}")))
}

/// Whether `s` is an RFC 3339 date-time, e.g. `2026-11-29T10:00:00Z` or
/// `2026-11-29T10:00:00.5+01:00`.
pub fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        b.get(range.clone())
            .is_some_and(|d| d.len() == range.len() && d.iter().all(u8::is_ascii_digit))
    };
    let number = |range: std::ops::Range<usize>| {
        s.get(range)
            .and_then(|d| d.parse::<u32>().ok())
            .unwrap_or(99)
    };
    if !(digits(0..4)
        && b.get(4) == Some(&b'-')
        && digits(5..7)
        && b.get(7) == Some(&b'-')
        && digits(8..10)
        && matches!(b.get(10), Some(b'T' | b't' | b' '))
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
        && b.get(16) == Some(&b':')
        && digits(17..19))
    {
        return false;
    }
    let (month, day) = (number(5..7), number(8..10));
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return false;
    }
    if number(11..13) > 23 || number(14..16) > 59 || number(17..19) > 60 {
        return false;
    }
    let mut rest = &s[19..];
    if let Some(fraction) = rest.strip_prefix('.') {
        let n = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if n == 0 {
            return false;
        }
        rest = &fraction[n..];
    }
    match rest.as_bytes() {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            [h1, h2, m1, m2].iter().all(|d| d.is_ascii_digit())
                && (h1 - b'0') * 10 + (h2 - b'0') <= 23
                && (m1 - b'0') * 10 + (m2 - b'0') <= 59
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = include_str!("../../www/feed.json");

    fn feed_with_items(items: &str) -> String {
        format!(r#"{{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{items}]}}"#)
    }

    #[test]
    fn parses_the_sample_feed_completely() {
        let parsed = Feed::parse(SAMPLE).expect("sample feed parses");
        assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        let mongolia = parsed
            .feed
            .items
            .iter()
            .find(|r| r.iom.countries == ["MNG"])
            .expect("the Mongolia release is in the sample feed");
        assert_eq!(
            mongolia.title.as_deref(),
            Some("IOM, Mongolia Support Greater Protection of Labour Migrants")
        );
        assert_eq!(mongolia.iom.dateline.as_deref(), Some("Ulaanbaatar"));
        assert_eq!(mongolia.date_published, None, "the seed gives no date");
        let html = mongolia.content_html.as_deref().unwrap_or_default();
        // Every paragraph of the release, first and last included.
        assert_eq!(html.matches("<p>").count(), 8);
        assert!(html.contains("IOM is today hosting a three-day workshop in Ulaanbaatar"));
        assert!(html.contains("direct assistance to victims of trafficking, in Mongolia."));
        let contact = &mongolia.iom.contacts[0];
        assert_eq!(contact.name.as_deref(), Some("Kieran Best"));
        assert_eq!(contact.office.as_deref(), Some("IOM Beijing"));
        assert_eq!(contact.phone, ["+86 10 8532 5303, Ext. 203"]);
        assert_eq!(contact.email.as_deref(), Some("kgormanbest@iom.int"));
    }

    #[test]
    fn skips_and_reports_an_item_without_a_body() {
        let text = feed_with_items(
            r#"{"id":"a","content_text":"ok"},{"id":"b","title":"No body"},{"id":"c","content_html":"<p>ok</p>"}"#,
        );
        let parsed = Feed::parse(&text).unwrap();
        let ids: Vec<_> = parsed.feed.items.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(parsed.skipped.len(), 1);
        assert_eq!(
            parsed.skipped[0].to_string(),
            "item 1 (id \"b\") skipped: items[1].content_html: missing; an item needs \
             \"content_html\" or \"content_text\""
        );
    }

    #[test]
    fn skips_and_reports_an_item_without_an_id() {
        let parsed = Feed::parse(&feed_with_items(r#"{"content_text":"x"}"#)).unwrap();
        assert!(parsed.feed.items.is_empty());
        assert_eq!(
            parsed.skipped[0].to_string(),
            "item 0 skipped: items[0].id: missing; every item needs a unique \"id\""
        );
    }

    #[test]
    fn reads_a_numeric_id_as_its_string() {
        let parsed = Feed::parse(&feed_with_items(r#"{"id":42,"content_text":"x"}"#)).unwrap();
        assert_eq!(parsed.feed.items[0].id, "42");
    }

    #[test]
    fn skips_duplicate_ids_after_the_first() {
        let parsed = Feed::parse(&feed_with_items(
            r#"{"id":"a","content_text":"1"},{"id":"a","content_text":"2"}"#,
        ))
        .unwrap();
        assert_eq!(parsed.feed.items.len(), 1);
        assert_eq!(parsed.feed.items[0].content_text.as_deref(), Some("1"));
        assert_eq!(parsed.skipped[0].path, "items[1].id");
    }

    #[test]
    fn skips_bad_dates_and_wrong_types_with_their_path() {
        let parsed = Feed::parse(&feed_with_items(
            r#"{"id":"a","content_text":"x","date_published":"29/11/2026"},
               {"id":"b","content_text":"x","tags":"not a list"},
               "just a string""#,
        ))
        .unwrap();
        assert!(parsed.feed.items.is_empty());
        let report: Vec<_> = parsed.skipped.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            report[0],
            "item 0 (id \"a\") skipped: items[0].date_published: not an RFC 3339 date: \
             \"29/11/2026\"; write e.g. 2026-11-29T10:00:00Z"
        );
        assert!(report[1].starts_with("item 1 (id \"b\") skipped: items[1]: wrong type of value"));
        assert_eq!(
            report[2],
            "item 2 skipped: items[2]: an item must be a JSON object"
        );
    }

    #[test]
    fn accepts_one_phone_as_a_string() {
        let parsed = Feed::parse(&feed_with_items(
            r#"{"id":"a","content_text":"x","_iom":{"contacts":[{"name":"N","phone":"+1 2"}]}}"#,
        ))
        .unwrap();
        assert_eq!(parsed.feed.items[0].iom.contacts[0].phone, ["+1 2"]);
    }

    #[test]
    fn ignores_unknown_extensions() {
        let parsed = Feed::parse(&feed_with_items(
            r#"{"id":"a","content_text":"x","_other":{"y":1},"_iom":{"future":true}}"#,
        ))
        .unwrap();
        assert_eq!(parsed.feed.items.len(), 1);
    }

    #[test]
    fn fails_the_feed_with_one_clear_error() {
        assert_eq!(
            Feed::parse("{\n  \"version\": ").unwrap_err().to_string(),
            "not valid JSON at line 2, column 13: EOF while parsing a value"
        );
        assert_eq!(Feed::parse("[]").unwrap_err(), FeedError::NotAnObject);
        assert_eq!(
            Feed::parse(r#"{"version":"https://example.org/rss","items":[]}"#)
                .unwrap_err()
                .to_string(),
            "not a JSON Feed: `version` is \"https://example.org/rss\"; write \
             \"https://jsonfeed.org/version/1.1\""
        );
        assert_eq!(
            Feed::parse(r#"{"version":"https://jsonfeed.org/version/1.1"}"#).unwrap_err(),
            FeedError::NoItems
        );
    }

    #[test]
    fn recognizes_rfc3339_dates() {
        for ok in [
            "2026-11-29T10:00:00Z",
            "2026-11-29T10:00:00.123+01:00",
            "2026-02-01t00:00:00-05:30",
        ] {
            assert!(is_rfc3339(ok), "{ok}");
        }
        for bad in [
            "",
            "29/11/2026",
            "2026-11-29",
            "2026-13-01T00:00:00Z",
            "2026-11-29T10:00:00",
            "2026-11-29T10:00:00.Z",
            "2026-11-29T24:00:00Z",
            "2026-11-29T10:00:00+1:00",
            "２０２６-11-29T10:00:00Z",
        ] {
            assert!(!is_rfc3339(bad), "{bad}");
        }
    }
}
