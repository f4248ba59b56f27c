//! A press release saved as an HTML page: a page from a website (its navigation, header,
//! footer and share buttons around the release) or a Word document saved as a web page.
//!
//! The release is the page's `<article>` (else `<main>`, else the body) without its
//! navigation; the title is its first `<h1>` (else the page's `og:title`); the page's own
//! metadata gives the URL (`rel=canonical`), image (`og:image`), date
//! (`article:published_time`, a `<time datetime>`) and language (`<html lang>`). A page with
//! no heading at all is read as text ([`super::release::from_text`]).

use ego_tree::NodeId;
use scraper::{ElementRef, Html, Node, Selector};

use super::dates;
use super::item::{clean_text, Item};
use super::release;
use super::report::{Origin, Report};

/// Elements that are never the release: site chrome.
const CHROME: &str = "nav, header, footer, aside, form, script, style, noscript, template, \
                      [role=navigation], [role=banner], [role=contentinfo], [role=search]";

/// Class or id words that mark site chrome inside the content.
const CHROME_WORDS: [&str; 9] = [
    "breadcrumb",
    "share",
    "social",
    "menu",
    "sidebar",
    "related",
    "cookie",
    "skip-link",
    "tags",
];

fn selector(css: &str) -> Selector {
    Selector::parse(css).expect("a valid selector")
}

/// The text of an HTML fragment, blocks and `<br>` as line breaks.
pub fn html_text(html: &str) -> String {
    let fragment = Html::parse_fragment(html);
    let mut out = String::new();
    block_text(fragment.root_element(), &mut out);
    out
}

fn block_text(element: ElementRef<'_>, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if name == "br" {
                    out.push('\n');
                    continue;
                }
                let block = matches!(
                    name,
                    "p" | "div"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "li"
                        | "tr"
                        | "blockquote"
                        | "section"
                        | "article"
                        | "ul"
                        | "ol"
                        | "table"
                );
                if block && !out.ends_with('\n') && !out.is_empty() {
                    out.push('\n');
                }
                if let Some(element) = ElementRef::wrap(child) {
                    block_text(element, out);
                }
                if block && !out.ends_with('\n') {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
}

fn meta(document: &Html, attribute: &str, names: &[&str]) -> Option<String> {
    names.iter().find_map(|name| {
        let css = format!("meta[{attribute}=\"{name}\"]");
        document
            .select(&selector(&css))
            .next()
            .and_then(|m| m.value().attr("content"))
            .and_then(clean_text)
    })
}

/// Reads a press release from an HTML page; `given` is the title to use when the page has
/// none the import can find (`--title`).
pub fn from_page(html: &str, origin: &Origin, given: Option<&str>, report: &mut Report) -> Item {
    let mut document = Html::parse_document(html);
    let page_title = document
        .select(&selector("title"))
        .next()
        .and_then(|t| clean_text(&t.text().collect::<String>()));
    let og_title = meta(&document, "property", &["og:title"]);
    let canonical = document
        .select(&selector("link[rel~=canonical]"))
        .next()
        .and_then(|l| l.value().attr("href"))
        .map(str::to_string)
        .or_else(|| meta(&document, "property", &["og:url"]));
    let base_href = document
        .select(&selector("base[href]"))
        .next()
        .and_then(|b| b.value().attr("href"))
        .map(str::to_string);
    let image = meta(&document, "property", &["og:image", "og:image:url"])
        .or_else(|| meta(&document, "name", &["twitter:image"]));
    let image_alt = meta(&document, "property", &["og:image:alt"]);
    let language = document
        .select(&selector("html[lang]"))
        .next()
        .and_then(|h| h.value().attr("lang"))
        .and_then(clean_text);
    let published = meta(
        &document,
        "property",
        &["article:published_time", "og:published_time"],
    )
    .or_else(|| {
        meta(
            &document,
            "name",
            &["date", "dcterms.date", "DC.date", "pubdate"],
        )
    });
    let tags: Vec<String> = document
        .select(&selector("meta[property=\"article:tag\"]"))
        .filter_map(|m| m.value().attr("content").and_then(clean_text))
        .collect();

    // The release's container.
    let container = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|css| document.select(&selector(css)).next().map(|e| e.id()));
    let Some(container) = container else {
        return release::from_text(&html_text(html), origin, given, report);
    };
    // Site chrome inside it goes, before anything is read from it.
    let chrome: Vec<NodeId> = {
        let root = ElementRef::wrap(document.tree.get(container).expect("found above"))
            .expect("an element");
        let mut ids: Vec<NodeId> = root.select(&selector(CHROME)).map(|e| e.id()).collect();
        ids.extend(
            root.descendent_elements()
                .filter(|e| {
                    let words = format!(
                        "{} {}",
                        e.value().attr("class").unwrap_or_default(),
                        e.value().attr("id").unwrap_or_default()
                    )
                    .to_ascii_lowercase();
                    CHROME_WORDS.iter().any(|w| words.contains(w))
                })
                .map(|e| e.id()),
        );
        ids
    };
    if !chrome.is_empty() {
        report.note(
            origin,
            format!(
                "{} parts of the page around the release left out (navigation, header, footer, \
                 share buttons, scripts, ...)",
                chrome.len()
            ),
        );
    }
    for id in chrome {
        if let Some(mut node) = document.tree.get_mut(id) {
            node.detach();
        }
    }
    let root =
        ElementRef::wrap(document.tree.get(container).expect("found above")).expect("an element");
    let h1 = root
        .select(&selector("h1"))
        .next()
        .map(|h| (h.id(), clean_text(&h.text().collect::<String>())));
    let title = h1.as_ref().and_then(|(_, t)| t.clone()).or(og_title);
    let Some(title) = title else {
        // No heading: a Word document saved as a web page, read as its text.
        let given = given.map(str::to_string).or(page_title);
        let mut item = release::from_text(
            &html_text(&root.inner_html()),
            origin,
            given.as_deref(),
            report,
        );
        item.language = language;
        item.url = canonical;
        return item;
    };
    let time = root
        .select(&selector("time[datetime]"))
        .next()
        .and_then(|t| t.value().attr("datetime"))
        .and_then(dates::from_person);
    let date_text = root
        .descendent_elements()
        .filter(|e| {
            e.value()
                .attr("class")
                .is_some_and(|c| c.to_ascii_lowercase().contains("date"))
        })
        .find_map(|e| dates::from_person(&e.text().collect::<String>()));
    let date_nodes: Vec<NodeId> = root
        .descendent_elements()
        .filter(|e| {
            e.value().name() == "time"
                || e.value()
                    .attr("class")
                    .is_some_and(|c| c.to_ascii_lowercase().contains("date"))
        })
        .map(|e| e.id())
        .collect();
    // The heading and the date line are shown by the widget itself.
    let mut remove = date_nodes;
    if let Some((id, _)) = h1 {
        remove.push(id);
    }
    for id in remove {
        if let Some(mut node) = document.tree.get_mut(id) {
            node.detach();
        }
    }
    let root =
        ElementRef::wrap(document.tree.get(container).expect("found above")).expect("an element");
    let mut item = Item::new(origin.clone());
    item.title = Some(title);
    item.url = canonical;
    item.base = base_href.or_else(|| item.url.clone());
    item.image = image;
    item.iom.image_caption = image_alt;
    item.language = language;
    item.tags = tags;
    item.date_published = published
        .as_deref()
        .and_then(dates::from_person)
        .or(time)
        .or(date_text);
    item.content_html = Some(root.inner_html());
    item
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_text_with_line_breaks() {
        assert_eq!(html_text("<p>a<br>b</p><p>c</p>"), "a\nb\nc\n");
    }
}
