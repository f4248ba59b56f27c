//! Release bodies from feed HTML, parsed by the browser and rebuilt through core's allow-list.

use iom_news_core::body::{Body, Element, Node, Treatment};
use wasm_bindgen::JsCast;

/// Bodies nested deeper than this are flattened to their text, so that hostile markup
/// cannot exhaust the stack.
const MAX_DEPTH: usize = 64;

/// A release body from feed HTML. The HTML is parsed inert by `DOMParser` (no script runs,
/// nothing loads) and never reaches the page as markup: each element is asked of core's
/// allow-list; relative links resolve against `base` (core's resolver, the only one).
pub fn parse_body(html: &str, base: &str) -> Body {
    // Handlers and styles never run or apply in the inert document, but under a strict CSP
    // the browser would report each as a violation: they go before it parses.
    let html = iom_news_core::html::without_inline_code(html);
    let parsed = web_sys::DomParser::new()
        .and_then(|p| p.parse_from_string(&html, web_sys::SupportedType::TextHtml));
    match parsed.ok().and_then(|doc| doc.body()) {
        Some(body) => Body(children_of(&body, base, 0)),
        None => Body::default(),
    }
}

fn children_of(node: &web_sys::Node, base: &str, depth: usize) -> Vec<Node> {
    let mut out = Vec::new();
    let mut child = node.first_child();
    while let Some(current) = child {
        convert(&current, base, depth, &mut out);
        child = current.next_sibling();
    }
    out
}

fn convert(node: &web_sys::Node, base: &str, depth: usize, out: &mut Vec<Node>) {
    match node.node_type() {
        web_sys::Node::TEXT_NODE => {
            if let Some(text) = node.node_value() {
                out.push(Node::Text(text));
            }
        }
        web_sys::Node::ELEMENT_NODE => {
            let Some(element) = node.dyn_ref::<web_sys::Element>() else {
                return;
            };
            // SVG and MathML elements (and anything else outside HTML) never survive, so
            // namespace tricks cannot smuggle an <a> or <script> of another kind through.
            let html = element.namespace_uri().as_deref() == Some("http://www.w3.org/1999/xhtml");
            let treatment = if html {
                Element::classify(&element.local_name())
            } else {
                Treatment::Remove
            };
            if treatment == Treatment::Remove {
                return;
            }
            if depth >= MAX_DEPTH {
                out.push(Node::Text(node.text_content().unwrap_or_default()));
                return;
            }
            let url = |attribute: &str| {
                let raw = element.get_attribute(attribute)?;
                iom_news_core::url::check(&raw, Some(base), iom_news_core::url::Target::Link).ok()
            };
            let kept = match treatment {
                Treatment::Keep(kept) => Some(kept),
                Treatment::Link => url("href").and_then(|h| Element::link(&h)),
                Treatment::Image => url("src")
                    .and_then(|src| Element::image(&src, element.get_attribute("alt").as_deref())),
                Treatment::Unwrap | Treatment::Remove => None,
            };
            match kept {
                Some(kept) if kept.is_void() => out.push(Node::Element(kept, Vec::new())),
                Some(kept) => out.push(Node::Element(kept, children_of(node, base, depth + 1))),
                None => out.extend(children_of(node, base, depth + 1)),
            }
        }
        _ => {}
    }
}
