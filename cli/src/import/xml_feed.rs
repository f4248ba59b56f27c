//! RSS 2.0 (with Dublin Core, MediaRSS and `content:encoded`) and Atom 1.0, read with feed-rs
//! and mapped as jsonfeed.org maps them: guid (or Atom id) to `id`, link to `url`,
//! `content:encoded` (else the description) to `content_html`, pubDate to `date_published`,
//! categories to `tags`, dc:creator to `authors`, an image enclosure or `media:content` to
//! `image` (other enclosures to `attachments`), the channel's language to `language`.
//!
//! Implementation note: feed-rs leaves out a date it cannot read, and numbers nothing; a light
//! scan of the text ([`scan`]) finds where each item starts and what its date fields say, so
//! that a bad date is reported with its line instead of vanishing.

use feed_rs::model::{Entry, Feed, Text};
use feed_rs::parser;

use super::item::{clean_text, Attachment, Author, Item};
use super::report::{Origin, Quoted, Report};

/// What a feed gives every item: its link (a base for relative URLs), title, language.
#[derive(Debug, Clone, Default)]
pub struct FeedInfo {
    /// The feed's title.
    pub title: Option<String>,
    /// The feed's web page.
    pub home_page_url: Option<String>,
    /// The feed's description.
    pub description: Option<String>,
    /// The feed's language.
    pub language: Option<String>,
}

/// Reads an RSS or Atom document. `Err` when it is not a feed feed-rs can read (the message
/// says where, when it can).
pub fn read(
    bytes: &[u8],
    text: &str,
    file: &str,
    report: &mut Report,
) -> Result<(FeedInfo, Vec<Item>), String> {
    let parser = parser::Builder::new()
        // Ids are made here, from the link, never at random.
        .id_generator(|_, _, _| String::new())
        .sanitize_content(false)
        .build();
    let feed = parser.parse(bytes).map_err(|e| describe_error(&e, text))?;
    let scanned = scan(text);
    let positions = if scanned.len() == feed.entries.len() {
        scanned
    } else {
        Vec::new()
    };
    let info = feed_info(&feed);
    let mut items = Vec::new();
    for (i, entry) in feed.entries.iter().enumerate() {
        let raw = positions.get(i);
        let origin = Origin {
            file: file.to_string(),
            line: raw.map(|r| r.line),
            item: Some(i + 1),
            label: None,
        };
        items.push(item(entry, &info, origin, raw, report));
    }
    Ok((info, items))
}

fn describe_error(e: &parser::ParseFeedError, text: &str) -> String {
    let message = e.to_string();
    if let Some((line, column)) = xml_error_at(text) {
        return format!("not a feed that can be read (line {line}, column {column}): {message}");
    }
    // quick-xml says "at position N" (a byte offset); people want a line.
    if let Some(at) = message.rfind("position ") {
        let digits: String = message[at + 9..]
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        if let Ok(offset) = digits.parse::<usize>() {
            let line = text
                .get(..offset.min(text.len()))
                .map_or(1, |t| t.matches('\n').count() + 1);
            return format!("not a feed that can be read (line {line}): {message}");
        }
    }
    format!("not a feed that can be read: {message}")
}

/// Where the XML of `text` stops being well-formed, as quick-xml (feed-rs's reader) finds it.
fn xml_error_at(text: &str) -> Option<(usize, usize)> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => return None,
            Ok(_) => {}
            Err(_) => {
                let offset = usize::try_from(reader.error_position())
                    .ok()?
                    .min(text.len());
                let before = text.get(..offset)?;
                let line = before.matches('\n').count() + 1;
                let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                return Some((line, column));
            }
        }
    }
}

fn text_of(text: &Text) -> Option<String> {
    if text.content_type.essence().to_string().contains("html") {
        clean_text(&super::page::html_text(&text.content))
    } else {
        clean_text(&text.content)
    }
}

fn feed_info(feed: &Feed) -> FeedInfo {
    FeedInfo {
        title: feed.title.as_ref().and_then(text_of),
        home_page_url: feed
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone()),
        description: feed.description.as_ref().and_then(text_of),
        language: feed.language.clone(),
    }
}

fn item(
    entry: &Entry,
    info: &FeedInfo,
    origin: Origin,
    raw: Option<&Scanned>,
    report: &mut Report,
) -> Item {
    let mut item = Item::new(origin);
    item.title = entry.title.as_ref().and_then(text_of);
    item.url = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .map(|l| l.href.trim().to_string());
    item.base = item
        .url
        .clone()
        .filter(|u| u.starts_with("http"))
        .or_else(|| entry.base.clone())
        .or_else(|| info.home_page_url.clone());
    item.id = Some(entry.id.trim().to_string())
        .filter(|id| !id.is_empty())
        .or_else(|| item.url.clone());
    let body = entry.content.as_ref().and_then(|c| {
        let body = c.body.clone()?;
        let html = c.content_type.essence().to_string().contains("html");
        Some((body, html))
    });
    let summary = entry.summary.as_ref().map(|s| {
        (
            s.content.clone(),
            s.content_type.essence().to_string().contains("html"),
        )
    });
    match (body, summary) {
        (Some((body, html)), summary) => {
            item.content_html = Some(if html { body } else { plain_html(&body) });
            item.summary = summary.and_then(|(s, html)| {
                if html {
                    clean_text(&super::page::html_text(&s))
                } else {
                    clean_text(&s)
                }
            });
        }
        // RSS's description is HTML (entity-encoded or not) by the spec's own examples.
        (None, Some((description, _))) => item.content_html = Some(description),
        (None, None) => {}
    }
    item.date_published = entry
        .published
        .or(entry.updated)
        .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    if entry.published.is_some() {
        item.date_modified = entry
            .updated
            .filter(|u| Some(*u) != entry.published)
            .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    }
    if item.date_published.is_none() {
        if let Some((name, value)) = raw.and_then(|r| r.dates.first()) {
            let at = item.at();
            report.warning(
                &at,
                format!(
                    "<{name}> {value} is not a date that can be read (RSS writes e.g. \
                     \"Tue, 04 Aug 2009 10:00:00 +0000\"); the release is imported without a date",
                    value = Quoted(value)
                ),
            );
        }
    }
    for person in &entry.authors {
        let author = Author {
            name: person.name.as_deref().and_then(clean_text),
            url: person.uri.clone().or_else(|| {
                person
                    .email
                    .as_ref()
                    .map(|e| format!("mailto:{}", e.trim()))
            }),
            avatar: None,
        };
        if !item.authors.contains(&author) {
            item.authors.push(author);
        }
    }
    for category in &entry.categories {
        let tag = category
            .label
            .clone()
            .unwrap_or_else(|| category.term.clone());
        item.tags.push(tag);
    }
    item.language = entry
        .language
        .clone()
        .or_else(|| raw.and_then(|r| r.language.clone()))
        .or_else(|| info.language.clone());
    media(entry, &mut item);
    item
}

/// Plain text as paragraphs of HTML.
fn plain_html(text: &str) -> String {
    let paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    super::sanitize::text_paragraphs_html(&paragraphs)
}

/// The image (with its caption and credit) and the attachments of an item's enclosures and
/// MediaRSS objects.
fn media(entry: &Entry, item: &mut Item) {
    for object in &entry.media {
        for content in &object.content {
            let Some(url) = &content.url else { continue };
            let mime = content
                .content_type
                .as_ref()
                .map(|m| m.essence().to_string())
                .unwrap_or_default();
            let image =
                mime.starts_with("image/") || (mime.is_empty() && looks_like_image(url.as_str()));
            if image {
                if item.image.is_none() {
                    item.image = Some(url.to_string());
                    item.iom.image_caption = object
                        .description
                        .as_ref()
                        .or(object.title.as_ref())
                        .and_then(text_of);
                    item.iom.image_credit = object.credits.first().map(|c| c.entity.clone());
                }
            } else if !mime.is_empty() {
                item.attachments.push(Attachment {
                    url: url.to_string(),
                    mime_type: mime,
                    title: object.title.as_ref().and_then(text_of),
                    size_in_bytes: content.size.filter(|s| *s > 0),
                });
            }
        }
        if item.image.is_none() {
            if let Some(thumbnail) = object.thumbnails.first() {
                item.image = Some(thumbnail.image.uri.clone());
            }
        }
    }
    for link in &entry.links {
        if link.rel.as_deref() == Some("enclosure") {
            let mime = link.media_type.clone().unwrap_or_default();
            if mime.starts_with("image/") && item.image.is_none() {
                item.image = Some(link.href.clone());
            } else if !mime.is_empty() && !mime.starts_with("image/") {
                item.attachments.push(Attachment {
                    url: link.href.clone(),
                    mime_type: mime,
                    title: link.title.clone(),
                    size_in_bytes: link.length.filter(|s| *s > 0),
                });
            }
        }
    }
}

fn looks_like_image(url: &str) -> bool {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"]
        .iter()
        .any(|e| path.ends_with(e))
}

/// Where an item starts in the text, and the date fields it writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scanned {
    /// 1-based line of `<item>` or `<entry>`.
    pub line: usize,
    /// The date elements (`pubDate`, `dc:date`, `published`, `updated`) with their text.
    pub dates: Vec<(String, String)>,
    /// The item's own `xml:lang`, which feed-rs does not keep.
    pub language: Option<String>,
}

/// Finds the items of an RSS or Atom text, skipping comments and CDATA sections.
pub fn scan(text: &str) -> Vec<Scanned> {
    let mut out: Vec<Scanned> = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find('<') {
        let at = &rest[i..];
        let skip_to = |end: &str| at.find(end).map_or(at.len(), |e| e + end.len());
        let step = if at.starts_with("<!--") {
            skip_to("-->")
        } else if at.starts_with("<![CDATA[") {
            skip_to("]]>")
        } else {
            let name: String = at[1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            let local = name.rsplit(':').next().unwrap_or_default();
            if local == "item" || local == "entry" {
                let line = text[..offset + i].matches('\n').count() + 1;
                let tag = &at[..at.find('>').unwrap_or(at.len())];
                let language = ["xml:lang=\"", "xml:lang='"].iter().find_map(|attr| {
                    let value = &tag[tag.find(attr)? + attr.len()..];
                    Some(value[..value.find(['"', '\''])?].to_string())
                });
                out.push(Scanned {
                    line,
                    dates: Vec::new(),
                    language,
                });
            } else if matches!(local, "pubDate" | "date" | "published" | "updated") {
                if let (Some(current), Some(close)) = (out.last_mut(), at.find('>')) {
                    let inner = &at[close + 1..];
                    let value = inner.split('<').next().unwrap_or_default().trim();
                    if !value.is_empty() && !at[..close].ends_with('/') {
                        current.dates.push((name.clone(), value.to_string()));
                    }
                }
            }
            1
        };
        offset += i + step;
        rest = &rest[i + step..];
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_items_with_lines_and_dates() {
        let text = "<rss><channel>\n<!-- <item> -->\n<item xml:lang='es'>\n<title>A</title>\n\
                    <description><![CDATA[<p><item></p>]]></description>\n\
                    <pubDate>32 Foo 2026</pubDate>\n</item>\n<item><dc:date>2009</dc:date></item>";
        let found = scan(text);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0].line, 3);
        assert_eq!(
            found[0].dates,
            [("pubDate".to_string(), "32 Foo 2026".to_string())]
        );
        assert_eq!(found[0].language.as_deref(), Some("es"));
        assert_eq!(found[1].line, 8);
        assert_eq!(found[1].language, None);
        assert_eq!(found[1].dates[0].0, "dc:date");
    }
}
