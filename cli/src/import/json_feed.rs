//! JSON Feed 1.0 and 1.1 documents as input: each item is read field by field into an
//! [`Item`], so its `_iom` extension and any other `_` extension come along, 1.0's `author`
//! becomes `authors`, and its body is sanitized like any other.
//!
//! Implementation note: feed-rs reads JSON Feed too, but its model has no place for
//! extensions, so a partner's `_iom` (dateline, countries, contacts) would be lost on the way;
//! this reader keeps them.

use super::item::{Attachment, Author, Item};
use super::json::{Json, Object};
use super::markdown::iom_field;
use super::report::{Origin, Quoted, Report};
use super::xml_feed::FeedInfo;

/// The JSON Feed version URLs.
pub const VERSIONS: [&str; 2] = [
    "https://jsonfeed.org/version/1.1",
    "https://jsonfeed.org/version/1",
];

/// Reads a JSON Feed document: its feed-level fields and items. `Err` when it is not one.
pub fn read(
    value: &Json,
    file: &str,
    report: &mut Report,
) -> Result<(FeedInfo, Vec<Item>), String> {
    let Json::Object(root) = value else {
        return Err(format!(
            "JSON, but {} rather than a JSON Feed object",
            value.kind()
        ));
    };
    match root.str("version") {
        Some(v) if VERSIONS.contains(&v) => {}
        Some(v) => {
            return Err(format!(
                "JSON, but its \"version\" {} is not a JSON Feed version",
                Quoted(v)
            ))
        }
        None => return Err("JSON, but not a JSON Feed: it has no \"version\"".into()),
    }
    let Some(Json::Array(items)) = root.get("items") else {
        return Err("a JSON Feed without an \"items\" list".into());
    };
    let feed_url = root.str("feed_url").filter(|u| u.starts_with("http"));
    let at = Origin::file(file);
    let mut info = FeedInfo {
        file: file.to_string(),
        base: feed_url.map(str::to_string),
        ..FeedInfo::default()
    };
    for (key, value) in &root.0 {
        let text = |report: &mut Report| match value {
            Json::String(s) => Some(s.clone()),
            other => {
                report.warning(
                    &at,
                    format!(
                        "feed field {key}: text expected, not {}; left out",
                        other.kind()
                    ),
                );
                None
            }
        };
        match key.as_str() {
            "version" | "items" => {}
            "title" => info.title = text(report),
            "home_page_url" => info.home_page_url = text(report),
            "description" => info.description = text(report),
            "language" => info.language = text(report),
            "icon" => info.icon = text(report),
            "favicon" => info.favicon = text(report),
            // 1.0's "author", 1.1's "authors" (1.1 feeds may keep "author" for old readers).
            "author" | "authors" => {
                for author in authors(value, key, &at, report) {
                    if !info.authors.contains(&author) {
                        info.authors.push(author);
                    }
                }
            }
            // The input's own address: relative URLs resolve against it; the feed written
            // lives elsewhere.
            "feed_url" => {}
            "next_url" => report.warning(
                &at,
                "the feed goes on in another file (next_url), which is not imported: import \
                 its pages too",
            ),
            other => report.warning(
                &at,
                format!(
                    "feed field {} left out: the feed written has no place for it",
                    Quoted(other)
                ),
            ),
        }
    }
    let mut out = Vec::new();
    for (i, value) in items.iter().enumerate() {
        let origin = Origin {
            file: file.to_string(),
            line: None,
            item: Some(i + 1),
            label: None,
        };
        let Json::Object(object) = value else {
            report.error(
                &origin,
                format!("{} rather than an item object; left out", value.kind()),
            );
            continue;
        };
        let mut item = item(object, origin, report);
        item.base = feed_url.map(str::to_string);
        if item.language.is_none() {
            item.language = info.language.clone();
        }
        out.push(item);
    }
    Ok((info, out))
}

/// The authors of a JSON Feed `author` (1.0: one object) or `authors` (1.1: a list).
fn authors(value: &Json, key: &str, at: &Origin, report: &mut Report) -> Vec<Author> {
    let list = match value {
        Json::Array(list) => list.clone(),
        other => vec![other.clone()],
    };
    let mut out = Vec::new();
    for a in list {
        match a {
            Json::Object(o) => out.push(Author {
                name: o.str("name").map(str::to_string),
                url: o.str("url").map(str::to_string),
                avatar: o.str("avatar").map(str::to_string),
            }),
            other => report.warning(
                at,
                format!(
                    "{key}: an object of name, url and avatar expected, not {}; left out",
                    other.kind()
                ),
            ),
        }
    }
    out
}

fn item(object: &Object, origin: Origin, report: &mut Report) -> Item {
    let mut item = Item::new(origin);
    let text = |key: &str, value: &Json, report: &mut Report, at: &Origin| -> Option<String> {
        match value {
            Json::String(s) => Some(s.clone()),
            Json::Number(n) if key == "id" => Some(n.to_string()),
            Json::Null => None,
            other => {
                report.warning(
                    at,
                    format!("{key}: text expected, not {}; left out", other.kind()),
                );
                None
            }
        }
    };
    let at = item.origin.clone();
    for (key, value) in &object.0 {
        match key.as_str() {
            "id" => item.id = text(key, value, report, &at),
            "url" => item.url = text(key, value, report, &at),
            "external_url" => item.external_url = text(key, value, report, &at),
            "title" => item.title = text(key, value, report, &at),
            "content_html" => item.content_html = text(key, value, report, &at),
            "content_text" => item.content_text = text(key, value, report, &at),
            "summary" => item.summary = text(key, value, report, &at),
            "image" => item.image = text(key, value, report, &at),
            "banner_image" => item.banner_image = text(key, value, report, &at),
            "date_published" => item.date_published = text(key, value, report, &at),
            "date_modified" => item.date_modified = text(key, value, report, &at),
            "language" => item.language = text(key, value, report, &at),
            "author" | "authors" => {
                for author in authors(value, key, &at, report) {
                    if !item.authors.contains(&author) {
                        item.authors.push(author);
                    }
                }
            }
            "tags" => match value {
                Json::Array(list) => item
                    .tags
                    .extend(list.iter().filter_map(Json::as_str).map(str::to_string)),
                other => report.warning(
                    &at,
                    format!("tags: a list expected, not {}; left out", other.kind()),
                ),
            },
            "attachments" => {
                if let Json::Array(list) = value {
                    for a in list {
                        if let Json::Object(o) = a {
                            item.attachments.push(Attachment {
                                url: o.str("url").unwrap_or_default().to_string(),
                                mime_type: o.str("mime_type").unwrap_or_default().to_string(),
                                title: o.str("title").map(str::to_string),
                                size_in_bytes: match o.get("size_in_bytes") {
                                    Some(Json::Number(n)) => n.as_u64(),
                                    _ => None,
                                },
                            });
                        }
                    }
                }
            }
            "_iom" => match value {
                Json::Object(iom) => {
                    for (k, v) in &iom.0 {
                        iom_field(&mut item, k, v, "_iom.", &at, report);
                    }
                }
                other => report.warning(
                    &at,
                    format!("_iom: an object expected, not {}; left out", other.kind()),
                ),
            },
            k if k.starts_with('_') => item.extra.push((k.to_string(), value.clone())),
            other => {
                report.warning(
                    &at,
                    format!(
                        "unknown field {} left out (JSON Feed extensions start with \"_\")",
                        Quoted(other)
                    ),
                );
            }
        }
    }
    item
}
