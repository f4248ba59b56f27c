//! The release body model and the allow-list that builds it.
//!
//! Implementation note: feed HTML is never handed to the browser as markup. The browser glue
//! parses it inert (with `DOMParser`) and walks the result, asking [`Element::classify`] what
//! each element may become and [`crate::url`] whether each link may stay; this module holds
//! those decisions so that they are tested natively.

/// A sanitized body: a tree of allowed elements and text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Body(pub Vec<Node>);

/// One node of a sanitized body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// Text, rendered as a text node (never as markup).
    Text(String),
    /// An allowed element with its allowed children.
    Element(Element, Vec<Node>),
}

/// The elements a body may contain after sanitizing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Element {
    /// `<p>`.
    Paragraph,
    /// `<h3>`–`<h5>`: feed headings shifted to sit under the release title (an `<h2>`).
    Heading(u8),
    /// `<blockquote>`.
    Quote,
    /// `<ul>`.
    BulletList,
    /// `<ol>`.
    NumberedList,
    /// `<li>`.
    ListItem,
    /// `<strong>` (also for `<b>`).
    Strong,
    /// `<em>` (also for `<i>`).
    Emphasis,
    /// `<a>` with an allowed, absolute URL.
    Link {
        /// The checked URL.
        href: String,
        /// Whether it leaves the page (http or https): opens in a new tab, without opener.
        external: bool,
    },
    /// `<br>`.
    LineBreak,
}

/// What to do with a feed element, by tag name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Treatment {
    /// Keep it as this element (links are decided with their URL, see [`Element::link`]).
    Keep(Kind),
    /// Drop the element but keep its content (e.g. `<span>`, `<div>`).
    Unwrap,
    /// Drop the element and everything in it (e.g. `<script>`, `<style>`, `<iframe>`).
    Remove,
}

/// The kinds of allowed element, before a link's URL is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// See [`Element::Paragraph`].
    Paragraph,
    /// See [`Element::Heading`].
    Heading(u8),
    /// See [`Element::Quote`].
    Quote,
    /// See [`Element::BulletList`].
    BulletList,
    /// See [`Element::NumberedList`].
    NumberedList,
    /// See [`Element::ListItem`].
    ListItem,
    /// See [`Element::Strong`].
    Strong,
    /// See [`Element::Emphasis`].
    Emphasis,
    /// See [`Element::Link`].
    Link,
    /// See [`Element::LineBreak`].
    LineBreak,
}

impl Element {
    /// How to treat an element with this tag name (any case).
    pub fn classify(tag: &str) -> Treatment {
        let tag = tag.to_ascii_lowercase();
        let kind = match tag.as_str() {
            "p" => Kind::Paragraph,
            "h1" | "h2" => Kind::Heading(3),
            "h3" => Kind::Heading(4),
            "h4" | "h5" | "h6" => Kind::Heading(5),
            "blockquote" => Kind::Quote,
            "ul" => Kind::BulletList,
            "ol" => Kind::NumberedList,
            "li" => Kind::ListItem,
            "strong" | "b" => Kind::Strong,
            "em" | "i" => Kind::Emphasis,
            "a" => Kind::Link,
            "br" => Kind::LineBreak,
            "script" | "style" | "iframe" | "object" | "embed" | "template" | "noscript"
            | "svg" | "math" | "frame" | "frameset" | "noframes" | "noembed" | "applet"
            | "head" | "title" | "meta" | "link" | "base" | "textarea" | "select" | "button"
            | "input" | "form" | "xmp" | "plaintext" | "canvas" | "audio" | "video" => {
                return Treatment::Remove
            }
            _ => return Treatment::Unwrap,
        };
        Treatment::Keep(kind)
    }

    /// The element for an allowed kind other than a link.
    pub fn from_kind(kind: Kind) -> Option<Element> {
        Some(match kind {
            Kind::Paragraph => Element::Paragraph,
            Kind::Heading(level) => Element::Heading(level),
            Kind::Quote => Element::Quote,
            Kind::BulletList => Element::BulletList,
            Kind::NumberedList => Element::NumberedList,
            Kind::ListItem => Element::ListItem,
            Kind::Strong => Element::Strong,
            Kind::Emphasis => Element::Emphasis,
            Kind::LineBreak => Element::LineBreak,
            Kind::Link => return None,
        })
    }

    /// A link to an absolute URL, if the URL allow-list accepts it.
    pub fn link(absolute_url: &str) -> Option<Element> {
        let scheme = crate::url::allowed_scheme(absolute_url)?;
        Some(Element::Link {
            href: absolute_url.trim().to_string(),
            external: matches!(scheme, crate::url::Scheme::Http | crate::url::Scheme::Https),
        })
    }
}

impl Body {
    /// A body from `content_text`: paragraphs separated by blank lines; a single newline
    /// inside a paragraph is a line break.
    pub fn from_text(text: &str) -> Body {
        let normalized = text.replace("\r\n", "\n");
        let paragraphs = normalized
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| {
                let mut children = Vec::new();
                for (i, line) in p.lines().enumerate() {
                    if i > 0 {
                        children.push(Node::Element(Element::LineBreak, Vec::new()));
                    }
                    children.push(Node::Text(line.trim().to_string()));
                }
                Node::Element(Element::Paragraph, children)
            })
            .collect();
        Body(paragraphs)
    }

    /// Whether the body has nothing to show.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Node::is_blank)
    }
}

impl Node {
    fn is_blank(&self) -> bool {
        match self {
            Node::Text(t) => t.trim().is_empty(),
            Node::Element(Element::LineBreak, _) => true,
            Node::Element(_, children) => children.iter().all(Node::is_blank),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_structure_and_shifts_headings() {
        assert_eq!(Element::classify("P"), Treatment::Keep(Kind::Paragraph));
        assert_eq!(Element::classify("h1"), Treatment::Keep(Kind::Heading(3)));
        assert_eq!(Element::classify("h3"), Treatment::Keep(Kind::Heading(4)));
        assert_eq!(Element::classify("b"), Treatment::Keep(Kind::Strong));
    }

    #[test]
    fn removes_active_content_and_unwraps_the_rest() {
        for tag in [
            "script", "STYLE", "iframe", "object", "template", "svg", "math",
        ] {
            assert_eq!(Element::classify(tag), Treatment::Remove, "{tag}");
        }
        for tag in ["span", "div", "font", "marquee", "custom-element"] {
            assert_eq!(Element::classify(tag), Treatment::Unwrap, "{tag}");
        }
    }

    #[test]
    fn links_only_through_the_allow_list() {
        assert_eq!(
            Element::link("https://www.iom.int/news"),
            Some(Element::Link {
                href: "https://www.iom.int/news".into(),
                external: true
            })
        );
        assert_eq!(
            Element::link("mailto:a@iom.int"),
            Some(Element::Link {
                href: "mailto:a@iom.int".into(),
                external: false
            })
        );
        assert_eq!(Element::link("javascript:alert(1)"), None);
        assert_eq!(Element::link(" JaVaScRiPt:alert(1)"), None);
        assert_eq!(Element::link("data:text/html,x"), None);
    }

    #[test]
    fn text_bodies_become_paragraphs() {
        let body = Body::from_text("One\r\nline two\r\n\r\n\n\nTwo\n\n  ");
        assert_eq!(
            body,
            Body(vec![
                Node::Element(
                    Element::Paragraph,
                    vec![
                        Node::Text("One".into()),
                        Node::Element(Element::LineBreak, vec![]),
                        Node::Text("line two".into()),
                    ]
                ),
                Node::Element(Element::Paragraph, vec![Node::Text("Two".into())]),
            ])
        );
        assert!(Body::from_text(" \n\n ").is_empty());
        assert!(!body.is_empty());
    }
}
