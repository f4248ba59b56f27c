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

/// A feed's own fields, for the feed written (in JSON Feed 1.1's names), and what it gives
/// every item: its link (a base for relative URLs) and language.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeedInfo {
    /// The file it was read from.
    pub file: String,
    /// The feed's title.
    pub title: Option<String>,
    /// The feed's web page.
    pub home_page_url: Option<String>,
    /// The feed's description.
    pub description: Option<String>,
    /// The feed's language.
    pub language: Option<String>,
    /// The feed's authors (Atom's `<author>`, JSON Feed 1.0's `author`, 1.1's `authors`).
    pub authors: Vec<Author>,
    /// A large square picture for the feed (JSON Feed's `icon`; Atom's `<logo>`, RSS's
    /// `<image>`).
    pub icon: Option<String>,
    /// A small one (JSON Feed's `favicon`; Atom's `<icon>`).
    pub favicon: Option<String>,
    /// What its relative URLs resolve against (a JSON Feed's own `feed_url`).
    pub base: Option<String>,
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
    let info = feed_info(&feed, file);
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

fn feed_info(feed: &Feed, file: &str) -> FeedInfo {
    let mut authors: Vec<Author> = Vec::new();
    for person in &feed.authors {
        let author = person_author(person);
        if !authors.contains(&author) {
            authors.push(author);
        }
    }
    FeedInfo {
        file: file.to_string(),
        title: feed.title.as_ref().and_then(text_of),
        home_page_url: feed
            .links
            .iter()
            .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
            .map(|l| l.href.clone()),
        description: feed.description.as_ref().and_then(text_of),
        language: feed.language.clone(),
        authors,
        icon: feed.logo.as_ref().map(|i| i.uri.trim().to_string()),
        favicon: feed.icon.as_ref().map(|i| i.uri.trim().to_string()),
        base: None,
    }
}

/// An Atom or RSS person as a JSON Feed author: name, and page (else `mailto:` address).
fn person_author(person: &feed_rs::model::Person) -> Author {
    Author {
        name: person.name.as_deref().and_then(clean_text),
        url: person.uri.clone().or_else(|| {
            person
                .email
                .as_ref()
                .map(|e| format!("mailto:{}", e.trim()))
        }),
        avatar: None,
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
    // Relative URLs in the content resolve against the xml:base in scope (RFC 3986, 5.1.1;
    // RFC 4287, 2), not against the entry's link; only a feed without xml:base falls back on
    // the link (RSS: the item's page), then the feed's page.
    item.base = raw
        .and_then(|r| r.base.clone())
        .or_else(|| entry.base.clone().filter(|b| b.starts_with("http")))
        .or_else(|| item.url.clone().filter(|u| u.starts_with("http")))
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
        let author = person_author(person);
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
    media(entry, raw.map_or(&[][..], |r| &r.enclosures), &mut item);
    item
}

/// Plain text as paragraphs of HTML.
fn plain_html(text: &str) -> String {
    let paragraphs: Vec<String> = text.split("\n\n").map(str::to_string).collect();
    super::sanitize::text_paragraphs_html(&paragraphs)
}

/// The image (with its caption and credit) and the attachments of an item's MediaRSS
/// objects, Atom enclosure links and RSS enclosures (`scanned`, every one, as feed-rs drops
/// those of an item that has MediaRSS content): as jsonfeed.org maps them, the first image is
/// the item's `image` and every other file an attachment, so none is lost.
fn media(entry: &Entry, scanned: &[Enclosure], item: &mut Item) {
    for object in &entry.media {
        for content in &object.content {
            let Some(url) = &content.url else { continue };
            let mime = content
                .content_type
                .as_ref()
                .map(|m| m.essence().to_string())
                .unwrap_or_default();
            let first_image = add_file(
                item,
                url.as_str(),
                &mime,
                object.title.as_ref().and_then(text_of),
                content.size,
            );
            if first_image {
                item.iom.image_caption = object
                    .description
                    .as_ref()
                    .or(object.title.as_ref())
                    .and_then(text_of);
                item.iom.image_credit = object.credits.first().map(|c| c.entity.clone());
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
            add_file(item, &link.href, &mime, link.title.clone(), link.length);
        }
    }
    for enclosure in scanned {
        add_file(
            item,
            &enclosure.url,
            &enclosure.mime_type,
            None,
            enclosure.length,
        );
    }
}

/// Adds a file to an item: an image is its `image` when it has none yet, and any other file
/// (or a further image) an attachment; a file it has already is not added twice. Returns
/// whether the file became the item's image. A file without a media type (and not named like
/// an image) is left out, as JSON Feed attachments need one.
fn add_file(
    item: &mut Item,
    url: &str,
    mime: &str,
    title: Option<String>,
    size: Option<u64>,
) -> bool {
    let url = url.trim();
    let key = |u: &str| u.trim().trim_end_matches('/').to_string();
    let known = item.image.as_deref().map(key).as_deref() == Some(key(url).as_str())
        || item.attachments.iter().any(|a| key(&a.url) == key(url));
    if url.is_empty() || known {
        return false;
    }
    let mime = match (mime.trim(), image_type(url)) {
        ("", Some(guessed)) => guessed.to_string(),
        (mime, _) => mime.to_string(),
    };
    if mime.starts_with("image/") && item.image.is_none() {
        item.image = Some(url.to_string());
        return true;
    }
    if !mime.is_empty() {
        item.attachments.push(Attachment {
            url: url.to_string(),
            mime_type: mime,
            title,
            size_in_bytes: size.filter(|s| *s > 0),
        });
    }
    false
}

/// The media type of an image, from the end of its URL's path.
fn image_type(url: &str) -> Option<&'static str> {
    let path = url
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    [
        (".jpg", "image/jpeg"),
        (".jpeg", "image/jpeg"),
        (".png", "image/png"),
        (".gif", "image/gif"),
        (".webp", "image/webp"),
        (".avif", "image/avif"),
    ]
    .iter()
    .find(|(e, _)| path.ends_with(e))
    .map(|(_, t)| *t)
}

/// An RSS `<enclosure>` as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Enclosure {
    /// Its URL, resolved against the `xml:base` in scope when there is one.
    pub url: String,
    /// Its media type.
    pub mime_type: String,
    /// Its length in bytes.
    pub length: Option<u64>,
}

/// Where an item starts in the text, and what feed-rs does not keep of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scanned {
    /// 1-based line of `<item>` or `<entry>`.
    pub line: usize,
    /// The date elements (`pubDate`, `dc:date`, `published`, `updated`) with their text.
    pub dates: Vec<(String, String)>,
    /// The item's own `xml:lang`, which feed-rs does not keep.
    pub language: Option<String>,
    /// The `xml:base` in scope for the item's content (on the content element, the item, or
    /// an element around it, resolved against the ones outside it), which feed-rs keeps only
    /// when it stands on the content element itself.
    pub base: Option<String>,
    /// The RSS enclosures, every one: feed-rs keeps only those of an item without MediaRSS
    /// content.
    pub enclosures: Vec<Enclosure>,
}

/// The end of a tag that starts at `at[0] == '<'`: the index just past its `>`, quotes
/// respected.
fn tag_end(at: &str) -> usize {
    let mut quote = None;
    for (i, c) in at.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    at.len()
}

/// The attributes of a start tag (`<name a="1" b='2'>`), their values unescaped.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let inner = tag
        .trim_start_matches('<')
        .trim_end_matches('>')
        .trim_end_matches('/');
    let mut rest = inner.find(char::is_whitespace).map_or("", |i| &inner[i..]);
    while let Some(eq) = rest.find('=') {
        let name = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(quote) = after.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            break;
        };
        let Some(close) = after[1..].find(quote) else {
            break;
        };
        let raw = &after[1..=close];
        let value =
            quick_xml::escape::unescape(raw).map_or_else(|_| raw.to_string(), |v| v.into_owned());
        out.push((name, value));
        rest = &after[close + 2..];
    }
    out
}

/// `reference` made absolute against `base` (RFC 3986), when it is relative and a base is
/// known.
fn against(base: Option<&str>, reference: &str) -> Option<String> {
    let reference = reference.trim();
    let scheme = reference.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    if scheme {
        return Some(reference.to_string());
    }
    base.map(|b| iom_news_core::url::resolve(b, reference))
}

/// Finds the items of an RSS or Atom text, skipping comments and CDATA sections, with the
/// `xml:base` in scope for each (RFC 3986 and the XML Base spec: each `xml:base` resolves
/// against the one around it).
pub fn scan(text: &str) -> Vec<Scanned> {
    let mut out: Vec<Scanned> = Vec::new();
    // The open elements: their name and the base in scope inside them.
    let mut open: Vec<(String, Option<String>)> = Vec::new();
    let mut rest = text;
    let mut offset = 0;
    while let Some(i) = rest.find('<') {
        let at = &rest[i..];
        let skip_to = |end: &str| at.find(end).map_or(at.len(), |e| e + end.len());
        let step = if at.starts_with("<!--") {
            skip_to("-->")
        } else if at.starts_with("<![CDATA[") {
            skip_to("]]>")
        } else if at.starts_with("<!") || at.starts_with("<?") {
            tag_end(at)
        } else if let Some(closing) = at.strip_prefix("</") {
            let name: String = closing
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>')
                .collect();
            if let Some(depth) = open.iter().rposition(|(n, _)| *n == name) {
                open.truncate(depth);
            }
            tag_end(at)
        } else {
            let end = tag_end(at);
            let tag = &at[..end];
            let name: String = at[1..]
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            let attributes = attributes(tag);
            let attribute = |key: &str| {
                attributes
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.as_str())
            };
            let outer = open.last().and_then(|(_, base)| base.clone());
            let base = match attribute("xml:base") {
                Some(own) => against(outer.as_deref(), own),
                None => outer,
            };
            let local = name.rsplit(':').next().unwrap_or_default();
            if local == "item" || local == "entry" {
                let line = text[..offset + i].matches('\n').count() + 1;
                out.push(Scanned {
                    line,
                    dates: Vec::new(),
                    language: attribute("xml:lang").map(str::to_string),
                    base: base.clone(),
                    enclosures: Vec::new(),
                });
            } else if let Some(current) = out.last_mut().filter(|_| {
                open.iter()
                    .any(|(n, _)| matches!(n.rsplit(':').next(), Some("item" | "entry")))
            }) {
                if matches!(local, "pubDate" | "date" | "published" | "updated") {
                    let inner = &at[end..];
                    let value = inner.split('<').next().unwrap_or_default().trim();
                    if !value.is_empty() && !tag.ends_with("/>") {
                        current.dates.push((name.clone(), value.to_string()));
                    }
                } else if matches!(
                    name.as_str(),
                    "content" | "atom:content" | "content:encoded"
                ) {
                    current.base = base.clone();
                } else if name == "enclosure" {
                    if let Some(url) = attribute("url").map(str::trim).filter(|u| !u.is_empty()) {
                        current.enclosures.push(Enclosure {
                            url: against(base.as_deref(), url).unwrap_or_else(|| url.to_string()),
                            mime_type: attribute("type").unwrap_or_default().trim().to_string(),
                            length: attribute("length").and_then(|l| l.trim().parse().ok()),
                        });
                    }
                }
            }
            if !tag.ends_with("/>") {
                open.push((name, base));
            }
            end
        };
        let step = step.max(1);
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

    #[test]
    fn scans_every_enclosure_with_the_base_in_scope() {
        let text = "<rss xml:base='https://a.org/news/'><channel>\n\
                    <item><title a=\"x > y\">A</title>\n\
                    <media:content url='https://a.org/p.jpg' type='image/jpeg'/>\n\
                    <enclosure url='files/r.pdf?a=1&amp;b=2' length='12' type='application/pdf'/>\n\
                    <enclosure url='https://b.org/m.mp3' type='audio/mpeg'></enclosure>\n\
                    </item></channel></rss>";
        let found = scan(text);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].base.as_deref(), Some("https://a.org/news/"));
        assert_eq!(
            found[0].enclosures,
            [
                Enclosure {
                    url: "https://a.org/news/files/r.pdf?a=1&b=2".into(),
                    mime_type: "application/pdf".into(),
                    length: Some(12),
                },
                Enclosure {
                    url: "https://b.org/m.mp3".into(),
                    mime_type: "audio/mpeg".into(),
                    length: None,
                }
            ]
        );
    }
}
