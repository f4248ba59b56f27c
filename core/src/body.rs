//! The release body model and the allow-list that builds it.
//!
//! Implementation note: feed HTML is never handed to the browser as markup. The widget's browser
//! layer parses it inert (with `DOMParser`) and walks the result, asking [`Element::classify`] what
//! each element may become and [`Element::link`] / [`Element::image`] whether its URL may
//! stay; this module holds those decisions so that they are tested natively. No attribute of
//! the feed survives except a checked `href`, a checked `src` and an `alt` text.

use crate::url::{self, Target};

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
    /// `<img>` with an allowed, absolute http(s) URL, loaded lazily.
    Image {
        /// The checked URL.
        src: String,
        /// The feed's alternative text (empty when it gave none).
        alt: String,
    },
    /// `<figure>`.
    Figure,
    /// `<figcaption>`.
    FigureCaption,
    /// `<table>`.
    Table,
    /// `<caption>`.
    TableCaption,
    /// `<thead>`.
    TableHead,
    /// `<tbody>`.
    TableBody,
    /// `<tfoot>`.
    TableFoot,
    /// `<tr>`.
    TableRow,
    /// `<th>`.
    HeaderCell,
    /// `<td>`.
    DataCell,
    /// `<br>`.
    LineBreak,
}

/// What to do with a feed element, by tag name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Treatment {
    /// Keep it as this element.
    Keep(Element),
    /// An `<a>`: kept if its `href` passes the allow-list ([`Element::link`]), else unwrapped.
    Link,
    /// An `<img>`: kept if its `src` passes the allow-list ([`Element::image`]), else dropped.
    Image,
    /// Drop the element but keep its content (e.g. `<span>`, `<div>`).
    Unwrap,
    /// Drop the element and everything in it (e.g. `<script>`, `<style>`, `<iframe>`).
    Remove,
}

/// The allow-list: each HTML element a body keeps, and what it becomes. Feed headings move
/// down to sit under the release title (an `<h2>`). `<a>` and `<img>` are kept too, when their
/// URL passes ([`Element::link`], [`Element::image`]); every other element is unwrapped (its
/// content kept) or, if in [`REMOVED`], dropped with its content. The widget's renderer, its
/// search index ([`crate::html::searchable_text`]) and the CLI's sanitizer all read these
/// tables, so an imported body renders exactly as it was sanitized.
const KEPT: [(&str, Element); 20] = [
    ("p", Element::Paragraph),
    ("h1", Element::Heading(3)),
    ("h2", Element::Heading(3)),
    ("h3", Element::Heading(4)),
    ("h4", Element::Heading(5)),
    ("h5", Element::Heading(5)),
    ("h6", Element::Heading(5)),
    ("blockquote", Element::Quote),
    ("ul", Element::BulletList),
    ("ol", Element::NumberedList),
    ("li", Element::ListItem),
    ("strong", Element::Strong),
    ("b", Element::Strong),
    ("em", Element::Emphasis),
    ("i", Element::Emphasis),
    ("figure", Element::Figure),
    ("figcaption", Element::FigureCaption),
    ("caption", Element::TableCaption),
    ("br", Element::LineBreak),
    ("table", Element::Table),
];

/// Table parts, kept as they are.
const TABLE_PARTS: [(&str, Element); 6] = [
    ("thead", Element::TableHead),
    ("tbody", Element::TableBody),
    ("tfoot", Element::TableFoot),
    ("tr", Element::TableRow),
    ("th", Element::HeaderCell),
    ("td", Element::DataCell),
];

/// Elements dropped with everything in them: active content, embedded documents and media,
/// forms, metadata, and foreign namespaces.
pub const REMOVED: [&str; 44] = [
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "template",
    "noscript",
    "svg",
    "math",
    "frame",
    "frameset",
    "noframes",
    "noembed",
    "applet",
    "head",
    "title",
    "meta",
    "link",
    "base",
    "textarea",
    "select",
    "button",
    "input",
    "form",
    "xmp",
    "plaintext",
    "canvas",
    "audio",
    "video",
    "picture",
    "source",
    "track",
    "map",
    "area",
    "portal",
    "dialog",
    "slot",
    "param",
    "option",
    "optgroup",
    "datalist",
    "output",
    "fencedframe",
    "selectedcontent",
];

/// The attributes that survive, by element; their URLs must pass the allow-list too.
pub const ATTRIBUTES: [(&str, &[&str]); 2] = [("a", &["href"]), ("img", &["src", "alt"])];

/// Every element name a sanitized body may contain (as written in a feed: `h1`, `b`, ...).
pub fn allowed_elements() -> impl Iterator<Item = &'static str> {
    KEPT.iter()
        .chain(&TABLE_PARTS)
        .map(|(name, _)| *name)
        .chain(["a", "img"])
}

impl Element {
    /// How to treat an HTML element with this tag name (any case). The browser layer removes every
    /// element outside the HTML namespace (SVG, MathML) before asking.
    pub fn classify(tag: &str) -> Treatment {
        let tag = tag.to_ascii_lowercase();
        match tag.as_str() {
            "a" => return Treatment::Link,
            "img" => return Treatment::Image,
            _ => {}
        }
        if let Some((_, element)) = KEPT
            .iter()
            .chain(&TABLE_PARTS)
            .find(|(name, _)| *name == tag)
        {
            return Treatment::Keep(element.clone());
        }
        if REMOVED.contains(&tag.as_str()) {
            Treatment::Remove
        } else {
            Treatment::Unwrap
        }
    }

    /// A link to an absolute URL, if the URL allow-list accepts it.
    ///
    /// A `mailto:` link keeps its addresses and a `subject`, nothing else (a body link must not
    /// add hidden `bcc` recipients or a prepared message); a `tel:` link must be a plain number
    /// (no `*` or `#` service codes).
    pub fn link(absolute_url: &str) -> Option<Element> {
        let href = url::check(absolute_url, None, Target::Link).ok()?;
        let href = match url::allowed_scheme(&href)? {
            url::Scheme::Http | url::Scheme::Https => {
                return Some(Element::Link {
                    href,
                    external: true,
                })
            }
            url::Scheme::Mailto => url::plain_mailto(&href)?,
            url::Scheme::Tel => url::plain_tel(&href)?,
        };
        Some(Element::Link {
            href,
            external: false,
        })
    }

    /// An image from an absolute http(s) URL, if the allow-list accepts it.
    pub fn image(absolute_url: &str, alt: Option<&str>) -> Option<Element> {
        let src = url::check(absolute_url, None, Target::Web).ok()?;
        Some(Element::Image {
            src,
            alt: alt.map(|a| a.trim().to_string()).unwrap_or_default(),
        })
    }

    /// Whether the element never has children (`<img>`, `<br>`).
    pub fn is_void(&self) -> bool {
        matches!(self, Element::Image { .. } | Element::LineBreak)
    }
}

impl Body {
    /// A body from `content_text`: paragraphs separated by blank lines; a single newline
    /// inside a paragraph is a line break; bare web addresses and e-mail addresses become
    /// links (through the allow-list).
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
                    children.extend(linkify(line.trim()));
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

    /// Whether the body's first paragraph already says `summary`, so that the summary is not
    /// shown twice above it: the paragraph starts with the summary (or the summary with the
    /// paragraph), or the two are nearly the same. "Nearly" is measured on their words,
    /// compared case- and accent-insensitively without punctuation: at least 90% of the
    /// summary's words are in the paragraph, and neither is more than a quarter longer than
    /// the other (an edited copy, a trailing "IOM said", a changed word or two).
    pub fn restates(&self, summary: &str) -> bool {
        let first = self.0.iter().find(|n| !n.is_blank());
        let mut said = String::new();
        if let Some(node) = first {
            node.collect_text(&mut said);
        }
        let (paragraph, summary) = (words(&said), words(summary));
        if paragraph.is_empty() || summary.is_empty() {
            return false;
        }
        if paragraph.starts_with(&summary) || summary.starts_with(&paragraph) {
            return true;
        }
        let shared = summary.iter().filter(|w| paragraph.contains(w)).count();
        let (short, long) = if paragraph.len() < summary.len() {
            (paragraph.len(), summary.len())
        } else {
            (summary.len(), paragraph.len())
        };
        shared * 10 >= summary.len() * 9 && long * 4 <= short * 5
    }
}

/// The words of `text`, folded (case and accents), without punctuation.
fn words(text: &str) -> Vec<String> {
    crate::fold::fold(text)
        .split(|c: char| {
            // Not `char::is_alphanumeric`: its Unicode tables are large in the wasm.
            c.is_whitespace()
                || c.is_ascii_punctuation()
                || matches!(
                    c,
                    '«' | '»'
                        | '“'
                        | '”'
                        | '‘'
                        | '’'
                        | '…'
                        | '–'
                        | '—'
                        | '،'
                        | '؛'
                        | '。'
                        | '，'
                        | '、'
                        | '：'
                        | '；'
                )
        })
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl Node {
    fn collect_text(&self, out: &mut String) {
        match self {
            Node::Text(t) => out.push_str(t),
            Node::Element(Element::LineBreak, _) => out.push(' '),
            Node::Element(_, children) => children.iter().for_each(|c| c.collect_text(out)),
        }
    }

    fn is_blank(&self) -> bool {
        match self {
            Node::Text(t) => t.trim().is_empty(),
            Node::Element(Element::LineBreak, _) => true,
            Node::Element(Element::Image { .. }, _) => false,
            Node::Element(_, children) => children.iter().all(Node::is_blank),
        }
    }
}

/// Text with its bare `http(s)://` addresses and e-mail addresses made into links.
fn linkify(line: &str) -> Vec<Node> {
    let mut out: Vec<Node> = Vec::new();
    let mut text = String::new();
    for (i, word) in line.split(' ').enumerate() {
        if i > 0 {
            text.push(' ');
        }
        // Punctuation around an address belongs to the sentence, not to the address.
        let core = word.trim_start_matches(['(', '<', '"', '\'', '[']);
        let lead = &word[..word.len() - core.len()];
        let core = core.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '>', '"', '\'', ']']);
        let trail = &word[lead.len() + core.len()..];
        let lower = core.to_ascii_lowercase();
        let link = if lower.starts_with("https://") || lower.starts_with("http://") {
            Element::link(core)
        } else if core.contains('@') && !core.contains(':') {
            url::mailto_href(core).and_then(|href| Element::link(&href))
        } else {
            None
        };
        match link {
            Some(link) => {
                text.push_str(lead);
                if !text.is_empty() {
                    out.push(Node::Text(std::mem::take(&mut text)));
                }
                out.push(Node::Element(link, vec![Node::Text(core.to_string())]));
                text.push_str(trail);
            }
            None => text.push_str(word),
        }
    }
    if !text.is_empty() {
        out.push(Node::Text(text));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Node {
        Node::Text(s.into())
    }

    #[test]
    fn keeps_structure_and_shifts_headings() {
        assert_eq!(Element::classify("P"), Treatment::Keep(Element::Paragraph));
        assert_eq!(
            Element::classify("h1"),
            Treatment::Keep(Element::Heading(3))
        );
        assert_eq!(
            Element::classify("h3"),
            Treatment::Keep(Element::Heading(4))
        );
        assert_eq!(Element::classify("b"), Treatment::Keep(Element::Strong));
        assert_eq!(
            Element::classify("figcaption"),
            Treatment::Keep(Element::FigureCaption)
        );
        assert_eq!(Element::classify("TD"), Treatment::Keep(Element::DataCell));
        assert_eq!(Element::classify("A"), Treatment::Link);
        assert_eq!(Element::classify("img"), Treatment::Image);
    }

    #[test]
    fn removes_active_content_and_unwraps_the_rest() {
        for tag in [
            "script", "STYLE", "iframe", "object", "template", "svg", "math", "noscript",
        ] {
            assert_eq!(Element::classify(tag), Treatment::Remove, "{tag}");
        }
        for tag in [
            "span",
            "div",
            "font",
            "marquee",
            "custom-element",
            "section",
            "u",
        ] {
            assert_eq!(Element::classify(tag), Treatment::Unwrap, "{tag}");
        }
    }

    #[test]
    fn links_and_images_only_through_the_allow_list() {
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
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "data:text/html,x",
            "vbscript:x",
        ] {
            assert_eq!(Element::link(bad), None, "{bad}");
            assert_eq!(Element::image(bad, None), None, "{bad}");
        }
        assert_eq!(Element::image("mailto:a@iom.int", None), None);
        assert_eq!(
            Element::image("https://www.iom.int/a.jpg", Some(" A photo ")),
            Some(Element::Image {
                src: "https://www.iom.int/a.jpg".into(),
                alt: "A photo".into()
            })
        );
    }

    #[test]
    fn body_links_carry_no_hidden_mail_or_dialling_codes() {
        let href = |url: &str| match Element::link(url) {
            Some(Element::Link { href, .. }) => Some(href),
            _ => None,
        };
        assert_eq!(
            href("mailto:media@iom.int?bcc=evil@x.org&body=Send%20money&subject=Hi").as_deref(),
            Some("mailto:media@iom.int?subject=Hi")
        );
        assert_eq!(
            href("mailto:media@iom.int?cc=a@b.org").as_deref(),
            Some("mailto:media@iom.int")
        );
        assert_eq!(href("mailto:?bcc=evil@x.org"), None);
        assert_eq!(
            href("tel:+41%2022%20717%209111").as_deref(),
            Some("tel:+41227179111")
        );
        assert_eq!(
            href("tel:+86-10-8532-5303;ext=203").as_deref(),
            Some("tel:+861085325303;ext=203")
        );
        for bad in [
            "tel:*21*%23",
            "tel:%2321%23",
            "tel:1-800-FLOWERS",
            "tel:+1;phone-context=x",
        ] {
            assert_eq!(href(bad), None, "{bad}");
        }
    }

    #[test]
    fn no_link_hides_a_direction_override() {
        let spoof = "https://evil.example/\u{202E}moc.mi.www";
        assert_eq!(Element::link(spoof), None);
        let body = Body::from_text(&format!("Read {spoof} now"));
        let Node::Element(Element::Paragraph, children) = &body.0[0] else {
            panic!("{body:?}")
        };
        assert_eq!(children, &vec![text(&format!("Read {spoof} now"))]);
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
                        text("One"),
                        Node::Element(Element::LineBreak, vec![]),
                        text("line two"),
                    ]
                ),
                Node::Element(Element::Paragraph, vec![text("Two")]),
            ])
        );
        assert!(Body::from_text(" \n\n ").is_empty());
        assert!(!body.is_empty());
        assert!(body.restates("One  line two"));
        assert!(!body.restates("Two"));
    }

    #[test]
    fn a_summary_the_first_paragraph_restates_is_noticed() {
        let body = Body::from_text(
            "IOM is today hosting a three-day workshop in Ulaanbaatar for 25 public officials, \
             academics and staff from NGOs.\n\nSecond paragraph.",
        );
        // Starts with it.
        assert!(body.restates("IOM is today hosting a three-day workshop in Ulaanbaatar"));
        // Nearly the same: punctuation, case, accents and one changed word.
        assert!(body.restates(
            "IOM is hosting a three-day workshop in Ulaanbaatar for 25 public officials, \
             academics and staff from NGOs"
        ));
        // A different sentence, or one much shorter than the paragraph.
        assert!(!body.restates("A workshop for officials."));
        assert!(!body.restates("Mongolia and IOM sign an agreement on labour migration today."));
        assert!(!Body::default().restates("Anything"));
    }

    #[test]
    fn text_bodies_link_bare_addresses_safely() {
        let body = Body::from_text(
            "See https://www.iom.int/news. Write to media@iom.int, (or http://x.org/a). \
             Not javascript:alert(1) nor a@b.",
        );
        let Node::Element(Element::Paragraph, children) = &body.0[0] else {
            panic!("{body:?}")
        };
        let link = |href: &str, label: &str, external: bool| {
            Node::Element(
                Element::Link {
                    href: href.into(),
                    external,
                },
                vec![text(label)],
            )
        };
        assert_eq!(
            children,
            &vec![
                text("See "),
                link("https://www.iom.int/news", "https://www.iom.int/news", true),
                text(". Write to "),
                link("mailto:media@iom.int", "media@iom.int", false),
                text(", (or "),
                link("http://x.org/a", "http://x.org/a", true),
                text("). Not javascript:alert(1) nor a@b."),
            ]
        );
    }
}
