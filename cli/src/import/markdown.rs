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

/// Keys whose values are kept as written: YAML would read `phone: +41227179111` as the number
/// 41227179111 (the "+" lost) and `id: 0042` as 42.
const RAW_KEYS: [&str; 2] = ["phone", "id"];

/// A plain YAML scalar (no quotes) as a double-quoted one, so that it is read as the text
/// written; `None` when it is not plain (quoted already, a list, a block, an alias, ...).
fn quote_plain(scalar: &str) -> Option<String> {
    let value = scalar.trim();
    if value.is_empty()
        || value.starts_with([
            '"', '\'', '[', '{', '|', '>', '&', '*', '!', '#', '%', '@', '`',
        ])
        || value == "~"
        || value == "null"
    {
        return None;
    }
    Some(format!(
        "\"{}\"",
        value.replace('\\', "\\\\").replace('"', "\\\"")
    ))
}

/// A line's value after `key:`, cut from a trailing comment (` # ...`).
fn split_comment(value: &str) -> (&str, &str) {
    match value.find(" #") {
        Some(i) => (&value[..i], &value[i..]),
        None => (value, ""),
    }
}

/// The front matter with the plain values of [`RAW_KEYS`] quoted, so that YAML reads them as
/// the text written, with the same lines (so that lines in messages stay right): `phone:
/// +41227179111`, `- phone: +41 ...`, `phone: [+4122..., +4179...]` and a list under `phone:`.
fn quote_raw_scalars(yaml: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    // The indentation of a raw key whose list follows on the next lines.
    let mut list_under: Option<usize> = None;
    for line in yaml.lines() {
        let indent = line.len() - line.trim_start().len();
        let bare = line.trim_start();
        if let Some(key_indent) = list_under {
            if let Some(item) = bare.strip_prefix("- ").filter(|_| indent >= key_indent) {
                let (value, comment) = split_comment(item);
                if let Some(quoted) = quote_plain(value) {
                    out.push(format!("{}- {quoted}{comment}", &line[..indent]));
                    continue;
                }
                out.push(line.to_string());
                continue;
            }
            if !bare.is_empty() && !bare.starts_with('#') {
                list_under = None;
            }
        }
        // "key: value" or "- key: value".
        let dash = if bare.starts_with("- ") { 2 } else { 0 };
        let rest = bare[dash..].trim_start();
        let key = RAW_KEYS.iter().find(|k| {
            rest.strip_prefix(**k)
                .is_some_and(|r| r.trim_start().starts_with(':'))
        });
        let Some(key) = key else {
            out.push(line.to_string());
            continue;
        };
        let after_key = rest[key.len()..].trim_start();
        let value_part = &after_key[1..];
        let (value, comment) = split_comment(value_part);
        let head = &line[..line.len() - value_part.len()];
        let value = value.trim();
        if value.is_empty() {
            list_under = Some(indent + dash);
            out.push(line.to_string());
        } else if let Some(inner) = value
            .strip_prefix('[')
            .and_then(|v| v.strip_suffix(']'))
            .filter(|v| !v.contains(['"', '\'']))
        {
            let items: Vec<String> = inner
                .split(',')
                .map(|i| quote_plain(i).unwrap_or_else(|| i.trim().to_string()))
                .collect();
            out.push(format!("{head} [{}]{comment}", items.join(", ")));
        } else if let Some(quoted) = quote_plain(value) {
            out.push(format!("{head} {quoted}{comment}"));
        } else {
            out.push(line.to_string());
        }
    }
    let mut text = out.join("\n");
    if yaml.ends_with('\n') {
        text.push('\n');
    }
    text
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
                serde_yaml_ng::from_str(&quote_raw_scalars(yaml)).map_err(|e| {
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
        let here = at(key);
        match key.as_str() {
            "id" => item.id = text_at(value, key, &here, report),
            "url" => item.url = text_at(value, key, &here, report),
            "external_url" => item.external_url = text_at(value, key, &here, report),
            "title" => item.title = text_at(value, key, &here, report),
            "summary" => item.summary = text_at(value, key, &here, report),
            "image" => item.image = text_at(value, key, &here, report),
            "banner_image" => item.banner_image = text_at(value, key, &here, report),
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
                for (i, author) in list.into_iter().enumerate() {
                    match author {
                        Json::Object(o) => {
                            let path = format!("{key}[{i}]");
                            unknown_keys(&o, &AUTHOR_FIELDS, &path, &here, report);
                            let mut field = |name: &str| {
                                o.get(name).and_then(|v| {
                                    text_at(v, &format!("{path}.{name}"), &here, report)
                                })
                            };
                            item.authors.push(Author {
                                name: field("name"),
                                url: field("url"),
                                avatar: field("avatar"),
                            });
                        }
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
            "tags" | "categories" | "themes" => {
                item.tags.extend(texts_at(value, true, key, &here, report));
            }
            "language" | "lang" => item.language = text_at(value, key, &here, report),
            "attachments" => {
                if let Json::Array(list) = value {
                    for (i, a) in list.iter().enumerate() {
                        let path = format!("{key}[{i}]");
                        let Json::Object(o) = a else {
                            report.warning(
                                &here,
                                format!("{path}: a mapping of url and mime_type expected, not {}; left out", a.kind()),
                            );
                            continue;
                        };
                        unknown_keys(o, &ATTACHMENT_FIELDS, &path, &here, report);
                        let mut field = |name: &str| {
                            o.get(name)
                                .and_then(|v| text_at(v, &format!("{path}.{name}"), &here, report))
                        };
                        let url = field("url").unwrap_or_default();
                        let mime_type = field("mime_type").unwrap_or_default();
                        let title = field("title");
                        let size_in_bytes = match o.get("size_in_bytes") {
                            None => None,
                            Some(Json::Number(n)) if n.as_u64().is_some() => n.as_u64(),
                            Some(other) => {
                                report.warning(
                                    &here,
                                    format!(
                                        "{path}.size_in_bytes: a whole number expected, not {}; left out",
                                        other.kind()
                                    ),
                                );
                                None
                            }
                        };
                        item.attachments.push(Attachment {
                            url,
                            mime_type,
                            title,
                            size_in_bytes,
                        });
                    }
                } else {
                    wrong(report, "a list of {url, mime_type}");
                }
            }
            "_iom" => match value {
                Json::Object(iom) => {
                    for (k, v) in &iom.0 {
                        iom_field(item, k, v, "_iom.", &at("_iom"), report);
                    }
                }
                _ => wrong(report, "a mapping of IOM fields"),
            },
            k if IOM_FIELDS.contains(&k) => iom_field(item, k, value, "", &at(k), report),
            other => {
                let known: Vec<&str> = FIELDS.iter().chain(&IOM_FIELDS).copied().collect();
                let hint = did_you_mean(other, &known);
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

/// The field of `known` a misspelt `key` may stand for ("emial" for "email", "dateLine" for
/// "dateline"), as a hint for a message.
pub fn did_you_mean(key: &str, known: &[&str]) -> String {
    let plain = |s: &str| s.to_ascii_lowercase().replace(['_', '-'], "");
    let close = |a: &str, b: &str| {
        // The same letters in the same order but for one: left out, added, changed or swapped.
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        if a.len().abs_diff(b.len()) > 1 {
            return false;
        }
        let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
        let suffix = a[prefix..]
            .iter()
            .rev()
            .zip(b[prefix..].iter().rev())
            .take_while(|(x, y)| x == y)
            .count();
        let (ra, rb) = (a.len() - prefix - suffix, b.len() - prefix - suffix);
        let swapped =
            ra == 2 && rb == 2 && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix];
        ra.max(rb) <= 1 || swapped
    };
    known
        .iter()
        .find(|f| plain(f) == plain(key))
        .or_else(|| {
            known
                .iter()
                .find(|f| plain(key).len() > 3 && close(&plain(f), &plain(key)))
        })
        .map_or(String::new(), |f| format!("; did you mean {}?", Quoted(f)))
}

/// Warns about every key of `object` that is not one of `known`, with its path.
fn unknown_keys(object: &Object, known: &[&str], path: &str, at: &Origin, report: &mut Report) {
    for (key, _) in &object.0 {
        if !known.contains(&key.as_str()) {
            report.warning(
                at,
                format!(
                    "unknown field {} left out{}",
                    Quoted(&format!("{path}.{key}")),
                    did_you_mean(key, known)
                ),
            );
        }
    }
}

/// The text of `value`, or a warning naming `path` when it is something else (a list, a
/// mapping).
fn text_at(value: &Json, path: &str, at: &Origin, report: &mut Report) -> Option<String> {
    let found = text(value);
    if found.is_none() && !matches!(value, Json::Null) {
        report.warning(
            at,
            format!("{path}: text expected, not {}; left out", value.kind()),
        );
    }
    found
}

/// The texts of `value` (a list, or one text split at commas when `commas`), with a warning
/// for each entry that is not text.
fn texts_at(
    value: &Json,
    commas: bool,
    path: &str,
    at: &Origin,
    report: &mut Report,
) -> Vec<String> {
    if let Json::Array(items) = value {
        return items
            .iter()
            .enumerate()
            .filter_map(|(i, v)| text_at(v, &format!("{path}[{i}]"), at, report))
            .collect();
    }
    if text(value).is_none() && !matches!(value, Json::Null) {
        report.warning(
            at,
            format!(
                "{path}: text or a list expected, not {}; left out",
                value.kind()
            ),
        );
    }
    texts(value, commas)
}

/// The fields of an author.
const AUTHOR_FIELDS: [&str; 3] = ["name", "url", "avatar"];

/// The fields of an attachment.
const ATTACHMENT_FIELDS: [&str; 4] = ["url", "mime_type", "title", "size_in_bytes"];

/// The fields of a contact.
const CONTACT_FIELDS: [&str; 4] = ["name", "office", "phone", "email"];

/// Reads one `_iom` field, written at the top of the front matter or inside `_iom:`; `prefix`
/// is what stands before its name in a path (`"_iom."` inside `_iom`), for messages.
pub fn iom_field(
    item: &mut Item,
    key: &str,
    value: &Json,
    prefix: &str,
    at: &Origin,
    report: &mut Report,
) {
    let path = format!("{prefix}{key}");
    let iom = &mut item.iom;
    match key {
        "dateline" => iom.dateline = text_at(value, &path, at, report),
        "region" => iom.region = text_at(value, &path, at, report),
        "release_type" => iom.release_type = text_at(value, &path, at, report),
        "image_caption" => iom.image_caption = text_at(value, &path, at, report),
        "image_credit" => iom.image_credit = text_at(value, &path, at, report),
        "countries" => iom.countries = texts_at(value, true, &path, at, report),
        "contacts" => {
            let list = match value {
                Json::Array(items) => items.clone(),
                other => vec![other.clone()],
            };
            for (i, contact) in list.iter().enumerate() {
                let path = format!("{path}[{i}]");
                let Json::Object(o) = contact else {
                    report.warning(
                        at,
                        format!(
                            "{path}: each contact is a mapping of name, office, phone and \
                             email; left out"
                        ),
                    );
                    continue;
                };
                unknown_keys(o, &CONTACT_FIELDS, &path, at, report);
                let field = |name: &str, report: &mut Report| {
                    o.get(name)
                        .and_then(|v| text_at(v, &format!("{path}.{name}"), at, report))
                };
                let name = field("name", report);
                let office = field("office", report);
                let email = field("email", report);
                let phone = o
                    .get("phone")
                    .map(|p| texts_at(p, false, &format!("{path}.phone"), at, report))
                    .unwrap_or_default();
                iom.contacts.push(Contact {
                    name,
                    office,
                    phone,
                    email,
                });
            }
        }
        "translations" => match value {
            Json::Object(o) => {
                for (lang, target) in &o.0 {
                    if let Some(target) = text_at(target, &format!("{path}.{lang}"), at, report) {
                        iom.translations.push((lang.clone(), target));
                    }
                }
            }
            _ => report.warning(
                at,
                format!("{path}: a mapping of language to id or URL; left out"),
            ),
        },
        // Kept as it is (a newer version's field, or a "_" extension); the check of the feed
        // written warns about one the widget does not know, with its path.
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

    #[test]
    fn keeps_phone_numbers_and_ids_as_written() {
        let yaml = "id: 0042\ncontacts:\n  - phone: +221338696200 # office\n    name: A\n  \
                    - name: B\n    phone:\n      - +41227179111\n      - \"+41 79\"\n    \
                    email: b@iom.int\n  - phone: [+1202555, 0041227]\ntitle: 2026\n";
        let quoted = quote_raw_scalars(yaml);
        assert_eq!(quoted.lines().count(), yaml.lines().count());
        let value: Json = serde_yaml_ng::from_str(&quoted).unwrap();
        let expected: Json = serde_json::from_str(
            r#"{"id": "0042", "contacts": [
                {"phone": "+221338696200", "name": "A"},
                {"name": "B", "phone": ["+41227179111", "+41 79"], "email": "b@iom.int"},
                {"phone": ["+1202555", "0041227"]}], "title": 2026}"#,
        )
        .unwrap();
        assert_eq!(value, expected);
    }

    #[test]
    fn suggests_the_field_a_misspelt_one_stands_for() {
        let contact = ["name", "office", "phone", "email"];
        assert_eq!(did_you_mean("emial", &contact), "; did you mean \"email\"?");
        assert_eq!(
            did_you_mean("e-mail", &contact),
            "; did you mean \"email\"?"
        );
        assert_eq!(
            did_you_mean("offce", &contact),
            "; did you mean \"office\"?"
        );
        assert_eq!(did_you_mean("fax", &contact), "");
        assert_eq!(
            did_you_mean("dateLine", &["dateline", "date"]),
            "; did you mean \"dateline\"?"
        );
    }
}
