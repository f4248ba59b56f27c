//! A release body, rendered from the sanitized model.

use std::rc::Rc;

use iom_news_core::body::{Body, Element, Node};
use yew::prelude::*;

/// Props of [`ReleaseBody`].
#[derive(Properties, PartialEq)]
pub struct ReleaseBodyProps {
    /// The sanitized body.
    pub body: Rc<Body>,
}

/// Renders only the allowed elements; text is always text, never markup.
#[function_component(ReleaseBody)]
pub fn release_body(props: &ReleaseBodyProps) -> Html {
    html! {
        <div class="iom-news__body">{ for props.body.0.iter().map(node) }</div>
    }
}

fn node(node: &Node) -> Html {
    let (element, children) = match node {
        Node::Text(text) => return html! { { text.clone() } },
        Node::Element(element, children) => (element, children),
    };
    let inner: Html = children.iter().map(self::node).collect();
    match element {
        Element::Paragraph => html! { <p>{ inner }</p> },
        Element::Heading(3) => html! { <h3>{ inner }</h3> },
        Element::Heading(4) => html! { <h4>{ inner }</h4> },
        Element::Heading(_) => html! { <h5>{ inner }</h5> },
        Element::Quote => html! { <blockquote>{ inner }</blockquote> },
        Element::BulletList => html! { <ul>{ inner }</ul> },
        Element::NumberedList => html! { <ol>{ inner }</ol> },
        Element::ListItem => html! { <li>{ inner }</li> },
        Element::Strong => html! { <strong>{ inner }</strong> },
        Element::Emphasis => html! { <em>{ inner }</em> },
        Element::LineBreak => html! { <br /> },
        Element::Image { src, alt } => html! {
            <img src={src.clone()} alt={alt.clone()} loading="lazy" decoding="async" />
        },
        Element::Figure => html! { <figure>{ inner }</figure> },
        Element::FigureCaption => html! { <figcaption>{ inner }</figcaption> },
        // Wide tables scroll inside their own box instead of widening the widget.
        Element::Table => html! {
            <div class="iom-news__table" tabindex="0"><table>{ inner }</table></div>
        },
        Element::TableCaption => html! { <caption>{ inner }</caption> },
        Element::TableHead => html! { <thead>{ inner }</thead> },
        Element::TableBody => html! { <tbody>{ inner }</tbody> },
        Element::TableFoot => html! { <tfoot>{ inner }</tfoot> },
        Element::TableRow => html! { <tr>{ inner }</tr> },
        Element::HeaderCell => html! { <th>{ inner }</th> },
        Element::DataCell => html! { <td>{ inner }</td> },
        Element::Link {
            href,
            external: true,
        } => html! {
            <a href={href.clone()} target="_blank" rel="noopener noreferrer">{ inner }</a>
        },
        Element::Link {
            href,
            external: false,
        } => html! { <a href={href.clone()}>{ inner }</a> },
    }
}
