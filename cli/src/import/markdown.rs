//! A release written in Markdown, one a file, its fields in YAML front matter:
//!
//! ```text
//! ---
//! id: iom-2026-014
//! title: IOM Opens a Migrant Resource Centre in Dakar
//! date: 2026-03-04
//! tags: [Labour Migration]
//! dateline: Dakar
//! countries: [Senegal]
//! contacts:
//!   - name: Florence Kim
//!     office: IOM Dakar
//!     phone: +221 33 869 62 00
//!     email: fkim@iom.int
//! ---
//! IOM today opened ...
//! ```
//!
//! The `_iom` fields may stand at the top of the front matter (as above) or inside an `_iom:`
//! mapping. With no `title`, the first `# heading` is the title; with no `id`, the file's name.

use pulldown_cmark::{html, Options, Parser};

use super::dates;
use super::item::{Attachment, Author, Contact, Item};
use super::json::{Json, Object};
use super::release::slug;
use super::report::{Origin, Quoted, Report};

/// The fields a front matter may have, beside the `_iom` ones.
const FIELDS: [&str; 20] = [
    "id",
    "url",
    "external_url",
    "title",
    "summary",
    "image",
    "banner_image",
    "date",
    "date_published",
    "date_modified",
    "updated",
    "author",
    "authors",
    "tags",
    "language",
    "lang",
    "attachments",
    "_iom",
    "categories",
    "themes",
];

/// The `_iom` fields.
const IOM_FIELDS: [&str; 8] = [
    "dateline",
    "countries",
    "region",
    "release_type",
    "image_caption",
    "image_credit",
    "contacts",
    "translations",
];

/// Splits a front matter off `text`: its YAML, the body, and the body's first line (1-based).
pub fn split_front_matter(text: &str) -> Option<(&str, &str, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        let bare = line.trim_end();
        if bare == "---" || bare == "..." {
            let yaml = &rest[..offset];
            let body = &rest[offset + line.len()..];
            let body_line = 2 + yaml.matches('\n').count() + 1;
            return Some((yaml, body, body_line));
        }
        offset += line.len();
    }
    None
}

/// The line (1-based, in the file) where a top-level front matter key is written.
fn key_line(yaml: &str, key: &str) -> Option<usize> {
    yaml.lines()
        .position(|l| {
            l.strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        })
        .map(|i| i + 2)
}

/// Reads a Markdown release. `Err` when its front matter is not YAML (with the line).
pub fn read(text: &str, file: &str, report: &mut Report) -> Result<Item, String> {
    let (front, body) = match split_front_matter(text) {
        Some((yaml, body, _)) => {
            let value: Json = if yaml.trim().is_empty() {
                Json::Object(Object::default())
            } else {
                serde_yaml_ng::from_str(yaml).map_err(|e| {
                    let line = e.location().map_or(String::new(), |l| {
                        format!(" at line {}, column {}", l.line() + 1, l.column())
                    });
                    format!("the front matter is not YAML{line}: {e}")
                })?
            };
            let Json::Object(front) = value else {
                return Err(format!(
                    "the front matter is {}, not a list of fields (write \"title: ...\" on \
                     its own line)",
                    value.kind()
                ));
            };
            (Some((front, yaml)), body)
        }
        None => (None, text),
    };
    let origin = Origin {
        file: file.to_string(),
        line: Some(1),
        item: None,
        label: None,
    };
    let mut item = Item::new(origin);
    if let Some((front, yaml)) = &front {
        fields(&mut item, front, yaml, report);
    }
    // The body; a leading "# Title" is the title (or repeats it).
    let mut markdown = body.to_string();
    let first = markdown.trim_start().lines().next().unwrap_or_default();
    if let Some(heading) = first.strip_prefix("# ") {
        let heading = heading.trim().trim_end_matches('#').trim().to_string();
        if item.title.is_none() || item.title.as_deref() == Some(heading.as_str()) {
            item.title = Some(heading);
            let start = markdown.find(first).unwrap_or(0);
            markdown.replace_range(start..start + first.len(), "");
        }
    }
    let mut options = Options::empty();
    options.insert(Options::ENABLE_TABLES);
    options.insert(Options::ENABLE_STRIKETHROUGH);
    let mut out = String::new();
    html::push_html(&mut out, Parser::new_ext(&markdown, options));
    item.content_html = Some(out);
    if item.id.is_none() {
        let stem = std::path::Path::new(file)
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        item.id = Some(slug(&stem)).filter(|s| !s.is_empty());
    }
    Ok(item)
}

/// Text of a front matter value: text, or a number or date YAML read as one.
fn text(value: &Json) -> Option<String> {
    match value {
        Json::String(s) => Some(s.clone()),
        Json::Number(n) => Some(n.to_string()),
        Json::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// A list of texts: a YAML list, or one text (split at commas when `commas`).
fn texts(value: &Json, commas: bool) -> Vec<String> {
    match value {
        Json::Array(items) => items.iter().filter_map(text).collect(),
        other => text(other)
            .map(|t| {
                if commas {
                    t.split(',').map(|s| s.trim().to_string()).collect()
                } else {
                    vec![t]
                }
            })
            .unwrap_or_default(),
    }
}

fn fields(item: &mut Item, front: &Object, yaml: &str, report: &mut Report) {
    let file = item.origin.file.clone();
    let at = |key: &str| Origin {
        file: file.clone(),
        line: key_line(yaml, key),
        item: None,
        label: None,
    };
    for (key, value) in &front.0 {
        let wrong = |report: &mut Report, what: &str| {
            report.warning(
                &at(key),
                format!("{key}: {what}, not {}; left out", value.kind()),
            );
        };
        match key.as_str() {
            "id" => item.id = text(value),
            "url" => item.url = text(value),
            "external_url" => item.external_url = text(value),
            "title" => item.title = text(value),
            "summary" => item.summary = text(value),
            "image" => item.image = text(value),
            "banner_image" => item.banner_image = text(value),
            "date" | "date_published" | "date_modified" | "updated" => {
                let Some(written) = text(value) else {
                    wrong(report, "a date");
                    continue;
                };
                let date = dates::from_person(&written);
                if date.is_none() {
                    report.warning(
                        &at(key),
                        format!(
                            "{key}: {written} is not a date (write 2026-03-04 or \
                             2026-03-04T10:00:00Z); left out",
                            written = Quoted(&written)
                        ),
                    );
                }
                if matches!(key.as_str(), "date" | "date_published") {
                    item.date_published = date;
                } else {
                    item.date_modified = date;
                }
            }
            "author" | "authors" => {
                let list = match value {
                    Json::Array(items) => items.clone(),
                    other => vec![other.clone()],
                };
                for author in list {
                    match author {
                        Json::Object(o) => item.authors.push(Author {
                            name: o.str("name").map(str::to_string),
                            url: o.str("url").map(str::to_string),
                            avatar: o.str("avatar").map(str::to_string),
                        }),
                        other => match text(&other) {
                            Some(name) => item.authors.push(Author {
                                name: Some(name),
                                ..Author::default()
                            }),
                            None => wrong(report, "a name or a list of names"),
                        },
                    }
                }
            }
            "tags" | "categories" | "themes" => item.tags.extend(texts(value, true)),
            "language" | "lang" => item.language = text(value),
            "attachments" => {
                if let Json::Array(list) = value {
                    for a in list {
                        if let Json::Object(o) = a {
                            item.attachments.push(Attachment {
                                url: o.str("url").unwrap_or_default().to_string(),
                                mime_type: o.str("mime_type").unwrap_or_default().to_string(),
                                title: o.str("title").map(str::to_string),
                                size_in_bytes: None,
                            });
                        }
                    }
                } else {
                    wrong(report, "a list of {url, mime_type}");
                }
            }
            "_iom" => match value {
                Json::Object(iom) => {
                    for (k, v) in &iom.0 {
                        iom_field(item, k, v, &at("_iom"), report);
                    }
                }
                _ => wrong(report, "a mapping of IOM fields"),
            },
            k if IOM_FIELDS.contains(&k) => iom_field(item, k, value, &at(k), report),
            other => {
                let hint = FIELDS.iter().chain(&IOM_FIELDS).find(|f| {
                    f.eq_ignore_ascii_case(other)
                        || f.replace('_', "") == other.to_ascii_lowercase()
                });
                let hint = hint.map_or(String::new(), |f| {
                    format!("; did you mean {f}?", f = Quoted(f))
                });
                report.warning(
                    &at(other),
                    format!(
                        "unknown front matter field {other} left out{hint}",
                        other = Quoted(other)
                    ),
                );
            }
        }
    }
}

/// Reads one `_iom` field, written at the top of the front matter or inside `_iom:`.
pub fn iom_field(item: &mut Item, key: &str, value: &Json, at: &Origin, report: &mut Report) {
    let iom = &mut item.iom;
    match key {
        "dateline" => iom.dateline = text(value),
        "region" => iom.region = text(value),
        "release_type" => iom.release_type = text(value),
        "image_caption" => iom.image_caption = text(value),
        "image_credit" => iom.image_credit = text(value),
        "countries" => iom.countries = texts(value, true),
        "contacts" => {
            let list = match value {
                Json::Array(items) => items.clone(),
                other => vec![other.clone()],
            };
            for contact in list {
                let Json::Object(o) = contact else {
                    report.warning(
                        at,
                        "contacts: each contact is a mapping of name, office, phone and email; \
                         left out",
                    );
                    continue;
                };
                iom.contacts.push(Contact {
                    name: o.get("name").and_then(text),
                    office: o.get("office").and_then(text),
                    phone: o.get("phone").map(|p| texts(p, false)).unwrap_or_default(),
                    email: o.get("email").and_then(text),
                });
            }
        }
        "translations" => match value {
            Json::Object(o) => {
                for (lang, target) in &o.0 {
                    if let Some(target) = text(target) {
                        iom.translations.push((lang.clone(), target));
                    }
                }
            }
            _ => report.warning(
                at,
                "translations: a mapping of language to id or URL; left out",
            ),
        },
        other => iom.extra.push((other.to_string(), value.clone())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let (yaml, body, line) = split_front_matter("---\ntitle: A\nid: b\n---\nBody\n").unwrap();
        assert_eq!(yaml, "title: A\nid: b\n");
        assert_eq!(body, "Body\n");
        assert_eq!(line, 5);
        assert_eq!(key_line(yaml, "id"), Some(3));
        assert!(split_front_matter("# Title\n").is_none());
    }
}
