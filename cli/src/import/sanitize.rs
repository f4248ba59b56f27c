//! Release bodies: HTML sanitized with the widget's own allow-list, and walked as top-level
//! blocks so that the IOM fields a body carries (dateline, contacts) can be lifted out of it.
//!
//! Implementation note: ammonia is configured from core's tables ([`body::allowed_elements`],
//! [`body::REMOVED`], [`body::ATTRIBUTES`]) and every kept `href` and `src` goes through core's
//! [`Element::link`] / [`Element::image`], the checks the widget's renderer applies, so an
//! imported body renders exactly as it was sanitized. No `rel` is added: the widget adds its
//! own to external links.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};

use ego_tree::NodeId;
use iom_news_core::body::{self, Element};
use iom_news_core::url::Target;
use scraper::{Html, Node};

use super::item::check_url;
use super::report::Quoted;

/// A sanitized body and what sanitizing took out of it.
#[derive(Debug, Default)]
pub struct Sanitized {
    /// The HTML, made of allowed elements and attributes only.
    pub html: String,
    /// The elements removed with their content (`script`, `style`, ...), each named once.
    pub removed: Vec<String>,
    /// The URLs removed from links and images, with why.
    pub dropped: Vec<String>,
}

/// Sanitizes `html`: allowed elements kept, [`body::REMOVED`] ones dropped with their content,
/// the rest unwrapped; only checked `href`, `src` and `alt` kept. Relative URLs resolve against
/// `base`; without one they are kept as written (the widget resolves them against the feed's
/// address). Text without any element becomes paragraphs (split at blank lines).
pub fn sanitize(html: &str, base: Option<&str>) -> Sanitized {
    let removed = removed_elements(html);
    let dropped = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&dropped);
    let base = base.map(str::to_string);
    let filter = url_filter(move |element, attribute, value| {
        let target = match (element, attribute) {
            ("a", "href") => Target::Link,
            ("img", "src") => Target::Web,
            _ => return Some(Cow::Borrowed(value)),
        };
        let checked = check_url(value, base.as_deref(), target).and_then(|url| {
            if !url.contains(':') {
                // Relative, and no base to resolve it against: kept as written.
                return Ok(url);
            }
            let element = match target {
                Target::Link => Element::link(&url),
                Target::Web => Element::image(&url, None),
            };
            match element {
                Some(Element::Link { href, .. }) => Ok(href),
                Some(Element::Image { src, .. }) => Ok(src),
                _ => Err(format!("{} is not a link the widget shows", Quoted(&url))),
            }
        });
        match checked {
            Ok(url) => Some(Cow::Owned(url)),
            Err(why) => {
                if let Ok(mut log) = log.lock() {
                    log.push(format!("<{element} {attribute}>: {why}"));
                }
                None
            }
        }
    });
    let attributes: HashMap<&str, HashSet<&str>> = body::ATTRIBUTES
        .iter()
        .map(|(element, names)| (*element, names.iter().copied().collect()))
        .collect();
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(body::allowed_elements().collect())
        .clean_content_tags(body::REMOVED.iter().copied().collect())
        .tag_attributes(attributes)
        .generic_attributes(HashSet::new())
        // The four schemes the widget allows, and the usual dangerous ones, which reach the
        // filter above only to be refused there, and reported.
        .url_schemes(
            [
                "https",
                "http",
                "mailto",
                "tel",
                "javascript",
                "data",
                "vbscript",
                "file",
            ]
            .into_iter()
            .collect(),
        )
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(None)
        .strip_comments(true)
        .attribute_filter(filter);
    let mut clean = builder.clean(html).to_string();
    if !clean.contains('<') && !clean.trim().is_empty() {
        clean = paragraphs_html(
            &clean
                .replace("\r\n", "\n")
                .split("\n\n")
                .map(str::to_string)
                .collect::<Vec<_>>(),
        );
    }
    let dropped = dropped.lock().map(|d| d.clone()).unwrap_or_default();
    Sanitized {
        html: clean,
        removed,
        dropped,
    }
}

/// Gives a closure the signature ammonia's attribute filter needs (the value's lifetime
/// carried through to the result), which a closure cannot spell itself.
fn url_filter<F>(f: F) -> F
where
    F: for<'u> Fn(&str, &str, &'u str) -> Option<Cow<'u, str>>,
{
    f
}

/// The names of the elements in `html` that sanitizing removes with their content.
fn removed_elements(html: &str) -> Vec<String> {
    let document = Html::parse_fragment(html);
    let mut names: Vec<String> = Vec::new();
    for node in document.tree.root().descendants() {
        if let Node::Element(element) = node.value() {
            let name = element.name().to_ascii_lowercase();
            if body::REMOVED.contains(&name.as_str()) && !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names
}

/// Escapes text for HTML (only `&`, `<` and `>`: quotes need no escaping in text).
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('\u{a0}', "&nbsp;")
}

/// Paragraphs of (already escaped) text as `<p>` elements, one a line, each paragraph's inner
/// line breaks kept as `<br>`.
fn paragraphs_html(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(|p| {
            let lines: Vec<&str> = p.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
            format!("<p>{}</p>", lines.join("<br>"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Paragraphs of plain text as HTML: each paragraph escaped, its lines joined with `<br>`.
pub fn text_paragraphs_html(paragraphs: &[String]) -> String {
    let escaped: Vec<String> = paragraphs.iter().map(|p| escape(p)).collect();
    paragraphs_html(&escaped)
}

/// A sanitized body as a tree of top-level blocks, to take IOM fields out of it.
pub struct Body {
    document: Html,
}

/// Elements whose start and end break a line of text.
const BLOCKS: [&str; 20] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "ul",
    "ol",
    "li",
    "figure",
    "figcaption",
    "table",
    "caption",
    "tr",
    "div",
    "thead",
    "tbody",
    "tfoot",
];

impl Body {
    /// The body of sanitized `html`.
    pub fn parse(html: &str) -> Body {
        Body {
            document: Html::parse_fragment(html),
        }
    }

    /// The top-level nodes that say something (elements, and text that is not blank).
    pub fn blocks(&self) -> Vec<NodeId> {
        let root = self.document.root_element();
        root.children()
            .filter(|n| match n.value() {
                Node::Element(_) => true,
                Node::Text(t) => !t.trim().is_empty(),
                _ => false,
            })
            .map(|n| n.id())
            .collect()
    }

    /// The tag name of a block, or `None` for text.
    pub fn name(&self, id: NodeId) -> Option<String> {
        match self.document.tree.get(id)?.value() {
            Node::Element(e) => Some(e.name().to_string()),
            _ => None,
        }
    }

    /// The text of a node, lines broken at `<br>` and at blocks; a `mailto:` link whose text is
    /// not the address gives its address too.
    pub fn text(&self, id: NodeId) -> String {
        let mut out = String::new();
        if let Some(node) = self.document.tree.get(id) {
            collect_text(node, &mut out);
        }
        out
    }

    /// Removes a node.
    pub fn remove(&mut self, id: NodeId) {
        if let Some(mut node) = self.document.tree.get_mut(id) {
            node.detach();
        }
    }

    /// Removes the first `count` characters of a node's text (and the white space after them),
    /// going into inline elements as needed; elements left empty are removed.
    pub fn strip_leading(&mut self, id: NodeId, count: usize) {
        let mut left = count;
        let mut trim_next = true;
        let texts: Vec<NodeId> = match self.document.tree.get(id) {
            Some(node) => node
                .descendants()
                .filter(|n| matches!(n.value(), Node::Text(_)))
                .map(|n| n.id())
                .collect(),
            None => return,
        };
        for text_id in texts {
            if left == 0 && !trim_next {
                break;
            }
            let Some(mut node) = self.document.tree.get_mut(text_id) else {
                continue;
            };
            let Node::Text(text) = node.value() else {
                continue;
            };
            let current = text.text.to_string();
            let chars = current.chars().count();
            let mut rest: String = current.chars().skip(left).collect();
            left = left.saturating_sub(chars);
            if left == 0 {
                rest = rest.trim_start().to_string();
                trim_next = rest.is_empty();
            }
            text.text = rest.as_str().into();
        }
        self.remove_empty_inline(id);
    }

    fn remove_empty_inline(&mut self, id: NodeId) {
        let empty: Vec<NodeId> = match self.document.tree.get(id) {
            Some(node) => node
                .descendants()
                .filter(|n| {
                    n.id() != id
                        && matches!(n.value(), Node::Element(e) if !matches!(e.name(), "img" | "br"))
                        && n.descendants().all(|d| match d.value() {
                            Node::Text(t) => t.is_empty(),
                            Node::Element(e) => !matches!(e.name(), "img" | "br"),
                            _ => true,
                        })
                })
                .map(|n| n.id())
                .collect(),
            None => return,
        };
        for id in empty {
            self.remove(id);
        }
    }

    /// The body as HTML, one top-level block a line.
    pub fn to_html(&self) -> String {
        let root = self.document.root_element();
        let mut parts = Vec::new();
        for child in root.children() {
            match child.value() {
                Node::Element(_) => {
                    if let Some(element) = scraper::ElementRef::wrap(child) {
                        parts.push(element.html());
                    }
                }
                Node::Text(t) if !t.trim().is_empty() => parts.push(escape(t.trim())),
                _ => {}
            }
        }
        parts.join("\n")
    }
}

fn collect_text(node: ego_tree::NodeRef<'_, Node>, out: &mut String) {
    match node.value() {
        Node::Text(t) => out.push_str(t),
        Node::Element(e) => {
            let name = e.name();
            if name == "br" {
                out.push('\n');
                return;
            }
            let block = BLOCKS.contains(&name);
            if block && !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            let start = out.len();
            for child in node.children() {
                collect_text(child, out);
            }
            if name == "a" {
                if let Some(address) = e.attr("href").and_then(|h| h.strip_prefix("mailto:")) {
                    let address = address.split('?').next().unwrap_or_default();
                    if !out[start..].contains(address) {
                        out.push(' ');
                        out.push_str(address);
                    }
                }
            }
            if block && !out.ends_with('\n') {
                out.push('\n');
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_allow_list_and_drops_active_content() {
        let s = sanitize(
            "<div class=x onclick='a()'><p style='color:red'>Hi <b>there</b> \
             <a href='/news/1' target=_blank>one</a> <a href='javascript:alert(1)'>two</a> \
             <img src='img/a.jpg' alt='A' onerror='x()'></p><script>alert(1)</script>\
             <style>p{}</style><iframe src='https://evil.example'>frame text</iframe>\
             <span>kept</span></div>",
            Some("https://www.iom.int/news/x"),
        );
        assert_eq!(
            s.html,
            "<p>Hi <b>there</b> <a href=\"https://www.iom.int/news/1\">one</a> <a>two</a> \
             <img src=\"https://www.iom.int/news/img/a.jpg\" alt=\"A\"></p>kept"
        );
        assert_eq!(s.removed, ["script", "style", "iframe"]);
        assert_eq!(s.dropped.len(), 1, "{:?}", s.dropped);
        assert!(s.dropped[0].contains("javascript:"), "{:?}", s.dropped);
    }

    #[test]
    fn keeps_relative_urls_without_base_and_cleans_mailto() {
        let s = sanitize(
            "<p><a href='news/1'>a</a> <a href='mailto:a@iom.int?bcc=x@evil.example'>b</a></p>",
            None,
        );
        assert_eq!(
            s.html,
            "<p><a href=\"news/1\">a</a> <a href=\"mailto:a@iom.int\">b</a></p>"
        );
    }

    #[test]
    fn makes_paragraphs_of_plain_text() {
        let s = sanitize("One & two\nthree\n\nFour", None);
        assert_eq!(s.html, "<p>One &amp; two<br>three</p>\n<p>Four</p>");
    }

    #[test]
    fn strips_a_dateline_across_inline_elements() {
        let mut body =
            Body::parse("<p><strong>Dakar –</strong> IOM <em>today</em> said.</p>\n<p>Two</p>");
        let first = body.blocks()[0];
        assert_eq!(body.text(first), "Dakar – IOM today said.\n");
        body.strip_leading(first, "Dakar –".chars().count());
        assert_eq!(
            body.to_html(),
            "<p>IOM <em>today</em> said.</p>\n<p>Two</p>"
        );
    }

    #[test]
    fn reads_lines_and_mailto_addresses() {
        let body = Body::parse(
            "<p>For more information please contact:<br>Kieran Best<br>E-mail: \
             <a href=\"mailto:kgormanbest@iom.int\">write to Kieran</a></p>",
        );
        let text = body.text(body.blocks()[0]);
        assert_eq!(
            text,
            "For more information please contact:\nKieran Best\nE-mail: write to Kieran kgormanbest@iom.int\n"
        );
    }
}
