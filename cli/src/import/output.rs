//! The feed written: the items of every input and of the `--merge` feed, de-duplicated by id
//! and by URL, newest first, checked by core as the widget checks them.

use iom_news_core::url::Target;
use iom_news_core::Feed;

use super::dates;
use super::item::{check_url, clean_text, Item, PLACEHOLDER_BASE};
use super::json::{Json, Object};
use super::report::{Origin, Quoted, Report};
use super::xml_feed::FeedInfo;

/// The feed's title when neither an input nor `--feed-title` gives one.
pub const DEFAULT_TITLE: &str = "IOM News";

/// A feed read for `--merge`: its fields and items, kept as they are.
#[derive(Debug, Clone)]
pub struct MergeFeed {
    /// The file.
    pub path: String,
    /// The whole document.
    pub root: Object,
}

/// What the feed is made of.
pub struct Parts<'a> {
    /// The feed given with `--merge`.
    pub merge: Option<MergeFeed>,
    /// The imported items, in input order.
    pub items: Vec<Item>,
    /// The inputs' feed-level fields, in input order.
    pub infos: Vec<FeedInfo>,
    /// `--feed-title`.
    pub title: Option<&'a str>,
    /// `--language`.
    pub language: Option<&'a str>,
    /// `--base`.
    pub base: Option<&'a str>,
}

/// One item of the output, with where it came from.
struct Entry {
    origin: Origin,
    json: Json,
    from_merge: bool,
}

impl Entry {
    fn field(&self, key: &str) -> Option<&str> {
        match &self.json {
            Json::Object(o) => o.str(key),
            _ => None,
        }
    }
}

/// A URL as compared for duplicates: without its fragment and trailing slash.
fn url_key(url: &str) -> String {
    let url = url.split('#').next().unwrap_or_default();
    url.trim_end_matches('/').to_string()
}

/// Builds the feed document. Items that core would skip are left out and reported as errors
/// (unless they come from the `--merge` feed, which keeps everything it had).
pub fn assemble(parts: Parts<'_>, report: &mut Report) -> Json {
    let mut entries: Vec<Entry> = Vec::new();
    let mut root = match &parts.merge {
        Some(merge) => {
            let mut root = merge.root.clone();
            if let Some(Json::Array(items)) = root.remove("items") {
                for (i, json) in items.into_iter().enumerate() {
                    let label = match &json {
                        Json::Object(o) => o.str("title").or(o.str("id")).map(str::to_string),
                        _ => None,
                    };
                    entries.push(Entry {
                        origin: Origin {
                            file: merge.path.clone(),
                            line: None,
                            item: Some(i + 1),
                            label,
                        },
                        json,
                        from_merge: true,
                    });
                }
            }
            if root.str("version") != Some("https://jsonfeed.org/version/1.1") {
                root.set("version", "https://jsonfeed.org/version/1.1".into());
                report.note(
                    &Origin::file(&merge.path),
                    "written as JSON Feed 1.1 (1.0 feeds read as 1.1, and the new items use 1.1's \"authors\")",
                );
            }
            root
        }
        None => Object::default(),
    };
    for item in &parts.items {
        entries.push(Entry {
            origin: item.at(),
            json: item.to_json(),
            from_merge: false,
        });
    }

    // De-duplicate: the first of a kind stays (the --merge feed's come first).
    let mut kept: Vec<Entry> = Vec::new();
    for entry in entries {
        let id = entry.field("id").map(str::to_string);
        let url = entry.field("url").map(url_key);
        let earlier = kept.iter().find(|k| {
            (id.is_some() && k.field("id").map(str::to_string) == id)
                || (url.is_some() && k.field("url").map(url_key) == url)
        });
        if let Some(earlier) = earlier {
            let same = if id.is_some() && earlier.field("id") == id.as_deref() {
                format!("the id {}", Quoted(&id.unwrap_or_default()))
            } else {
                format!("the URL {}", Quoted(entry.field("url").unwrap_or_default()))
            };
            report.warning(
                &entry.origin,
                format!("left out: {} has {same} already", earlier.origin),
            );
            continue;
        }
        kept.push(entry);
    }

    // Newest first; undated last, in input order.
    kept.sort_by_key(|e| {
        let instant = e.field("date_published").and_then(dates::rfc3339);
        (instant.is_none(), std::cmp::Reverse(instant))
    });

    match &parts.merge {
        None => {
            // The feed's own fields come from one feed: the first given on the command line
            // (never a field from one and the next from another).
            let first = parts
                .infos
                .first()
                .map(|info| feed_fields(info, parts.base, report))
                .unwrap_or_default();
            root.push("version", "https://jsonfeed.org/version/1.1");
            let title = parts
                .title
                .map(str::to_string)
                .or_else(|| first.str("title").map(str::to_string));
            root.push("title", title.unwrap_or_else(|| DEFAULT_TITLE.to_string()));
            for key in ["home_page_url", "description", "icon", "favicon", "authors"] {
                if let Some(value) = first.get(key) {
                    root.push(key, value.clone());
                }
            }
            let languages: Vec<&str> = kept.iter().filter_map(|e| e.field("language")).collect();
            let common = languages
                .first()
                .filter(|l| languages.len() == kept.len() && languages.iter().all(|x| x == *l))
                .map(|l| l.to_string());
            let language = parts
                .language
                .map(str::to_string)
                .or_else(|| first.str("language").map(str::to_string))
                .or(common);
            root.push("language", language);
            if let Some(chosen) = parts.infos.first() {
                for other in &parts.infos[1..] {
                    left_out(
                        other,
                        &root,
                        &parts,
                        &format!("takes them from {}, the first feed given", chosen.file),
                        report,
                    );
                }
            }
        }
        Some(merge) => {
            if let Some(title) = parts.title {
                root.set("title", title.into());
            }
            if root.str("language").is_none() {
                root.push("language", parts.language.map(str::to_string));
            }
            for info in &parts.infos {
                left_out(
                    info,
                    &root,
                    &parts,
                    &format!("is {}, which keeps its own", merge.path),
                    report,
                );
            }
        }
    }
    validate(root, kept, parts.base, report)
}

/// A feed's own fields as the feed written has them (JSON Feed 1.1's names), their URLs
/// checked as the item's are (a bad one is left out, with a warning).
fn feed_fields(info: &FeedInfo, base: Option<&str>, report: &mut Report) -> Object {
    let at = Origin::file(&info.file);
    let base = base.or(info.base.as_deref());
    let url = |name: &str, raw: &Option<String>, target: Target, report: &mut Report| {
        let raw = raw.as_deref()?;
        match check_url(raw, base, target) {
            Ok(url) => Some(url),
            Err(e) => {
                report.warning(&at, format!("the feed's {name} left out: {e}"));
                None
            }
        }
    };
    let mut fields = Object::default();
    fields.push("title", info.title.clone());
    fields.push(
        "home_page_url",
        url("home_page_url", &info.home_page_url, Target::Web, report),
    );
    fields.push("description", info.description.clone());
    fields.push("icon", url("icon", &info.icon, Target::Web, report));
    fields.push(
        "favicon",
        url("favicon", &info.favicon, Target::Web, report),
    );
    let mut authors = Vec::new();
    for author in &info.authors {
        let mut o = Object::default();
        o.push("name", author.name.as_deref().and_then(clean_text));
        o.push("url", url("authors.url", &author.url, Target::Link, report));
        o.push(
            "avatar",
            url("authors.avatar", &author.avatar, Target::Web, report),
        );
        if !o.0.is_empty() {
            authors.push(Json::Object(o));
        }
    }
    fields.push("authors", Json::Array(authors));
    fields.push("language", info.language.clone());
    fields
}

/// Warns about the fields of a feed given that the feed written does not carry: those that
/// say something else than the feed written (`why` says where its fields come from). A field
/// the command line sets (`--feed-title`, `--language`) is not counted.
fn left_out(info: &FeedInfo, root: &Object, parts: &Parts<'_>, why: &str, report: &mut Report) {
    let mut quiet = Report::new(true);
    let fields = feed_fields(info, parts.base, &mut quiet);
    let differ: Vec<&str> = fields
        .0
        .iter()
        .filter(|(key, _)| {
            !(key == "title" && parts.title.is_some()
                || key == "language" && parts.language.is_some())
        })
        .filter(|(key, value)| root.get(key) != Some(value))
        .map(|(key, _)| key.as_str())
        .collect();
    if !differ.is_empty() {
        report.warning(
            &Origin::file(&info.file),
            format!(
                "its feed's {} left out: the feed written {why}",
                differ.join(", ")
            ),
        );
    }
}

/// Puts the items in, checks the document with core (relative URLs against `base`, else a
/// placeholder: the widget resolves them against the feed's own address), and leaves out what
/// core would skip.
fn validate(
    mut root: Object,
    mut kept: Vec<Entry>,
    base: Option<&str>,
    report: &mut Report,
) -> Json {
    let document = |root: &Object, kept: &[Entry]| {
        let mut root = root.clone();
        let items: Vec<Json> = kept.iter().map(|e| e.json.clone()).collect();
        root.set("items", Json::Array(items));
        Json::Object(root)
    };
    let text = document(&root, &kept).to_pretty();
    let parsed = match Feed::parse_with_base(&text, Some(base.unwrap_or(PLACEHOLDER_BASE))) {
        Ok(parsed) => parsed,
        Err(e) => {
            report.error(&Origin::file("the feed written"), e);
            return document(&root, &kept);
        }
    };
    for warning in &parsed.warnings {
        let at = item_index(&warning.path)
            .and_then(|i| kept.get(i))
            .map_or_else(|| Origin::file("the feed written"), |e| e.origin.clone());
        report.warning(&at, warning);
    }
    let mut drop: Vec<usize> = Vec::new();
    for skipped in &parsed.skipped {
        let Some(entry) = kept.get(skipped.index) else {
            continue;
        };
        let problems: Vec<String> = skipped.problems.iter().map(ToString::to_string).collect();
        if entry.from_merge {
            report.warning(
                &entry.origin,
                format!(
                    "the widget skips this item ({}); kept as it was in the feed",
                    problems.join("; ")
                ),
            );
        } else {
            report.error(&entry.origin, format!("left out: {}", problems.join("; ")));
            drop.push(skipped.index);
        }
    }
    let mut index = 0;
    kept.retain(|_| {
        let keep = !drop.contains(&index);
        index += 1;
        keep
    });
    let items: Vec<Json> = kept.into_iter().map(|e| e.json).collect();
    root.set("items", Json::Array(items));
    Json::Object(root)
}

/// The item index of a JSON path such as `items[3].image`.
fn item_index(path: &str) -> Option<usize> {
    path.strip_prefix("items[")?.split(']').next()?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(id: &str, url: Option<&str>, date: Option<&str>) -> Item {
        let mut item = Item::new(Origin::file(id));
        item.id = Some(id.into());
        item.url = url.map(str::to_string);
        item.date_published = date.map(str::to_string);
        item.content_html = Some("<p>x</p>".into());
        item
    }

    fn ids(feed: &Json) -> Vec<String> {
        let Json::Object(root) = feed else { panic!() };
        let Some(Json::Array(items)) = root.get("items") else {
            panic!()
        };
        items
            .iter()
            .map(|i| match i {
                Json::Object(o) => o.str("id").unwrap().to_string(),
                _ => panic!(),
            })
            .collect()
    }

    #[test]
    fn sorts_newest_first_undated_last_and_dedupes() {
        let mut report = Report::new(false);
        let feed = assemble(
            Parts {
                merge: None,
                items: vec![
                    item("u1", None, None),
                    item("old", Some("https://a.org/1"), Some("2009-01-01T00:00:00Z")),
                    item("new", None, Some("2010-01-01T10:00:00+02:00")),
                    item("u2", None, None),
                    item("old", None, None),
                    item("other-id", Some("https://a.org/1/"), None),
                ],
                infos: Vec::new(),
                title: None,
                language: None,
                base: None,
            },
            &mut report,
        );
        assert_eq!(ids(&feed), ["new", "old", "u1", "u2"]);
        assert!(
            report
                .says("old (\"old\"): warning: left out: old (\"old\") has the id \"old\" already"),
            "{:?}",
            report.messages
        );
        assert!(report.says("has the URL \"https://a.org/1/\" already"));
    }
}
