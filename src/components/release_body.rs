//! A release body, rendered from the sanitized model.
//!
//! Implementation note: a plain function, not a component, and one generic path for the
//! elements that are only a tag around their children: each `html!` is its own block of
//! wasm, and this renderer had twenty of them.

use iom_news_core::body::{Body, Element, Node};
use yew::prelude::*;
use yew::virtual_dom::VTag;

/// The body's elements inside `.iom-news__body`.
pub fn release_body(body: &Body) -> Html {
    html! {
        <div class="iom-news__body">{ for body.0.iter().map(node) }</div>
    }
}

fn node(node: &Node) -> Html {
    let (element, children) = match node {
        Node::Text(text) => return html! { { text.clone() } },
        Node::Element(element, children) => (element, children),
    };
    let inner = children.iter().map(self::node);
    let name = match element {
        Element::Paragraph => "p",
        Element::Heading(3) => "h3",
        Element::Heading(4) => "h4",
        Element::Heading(_) => "h5",
        Element::Quote => "blockquote",
        Element::BulletList => "ul",
        Element::NumberedList => "ol",
        Element::ListItem => "li",
        Element::Strong => "strong",
        Element::Emphasis => "em",
        Element::LineBreak => return html! { <br /> },
        Element::Image { src, alt } => {
            return html! {
                <img src={src.clone()} alt={alt.clone()} loading="lazy" decoding="async" referrerpolicy="no-referrer" />
            }
        }
        Element::Figure => "figure",
        Element::FigureCaption => "figcaption",
        Element::Table => {
            let inner: Html = inner.collect();
            return html! {
                <div class="iom-news__table" tabindex="0"><table>{ inner }</table></div>
            };
        }
        Element::TableCaption => "caption",
        Element::TableHead => "thead",
        Element::TableBody => "tbody",
        Element::TableFoot => "tfoot",
        Element::TableRow => "tr",
        Element::HeaderCell => "th",
        Element::DataCell => "td",
        Element::Link { href, external } => {
            let mut link = VTag::new("a");
            link.add_attribute("href", href.clone());
            if *external {
                link.add_attribute("target", "_blank");
                link.add_attribute("rel", "noopener noreferrer");
            }
            link.add_children(inner);
            return link.into();
        }
    };
    let mut tag = VTag::new(name);
    tag.add_children(inner);
    tag.into()
}
