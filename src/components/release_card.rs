//! One release in the list.

use std::rc::Rc;

use iom_news_core::embed::Layout;
use iom_news_core::i18n::{message, Key, Lang};
use iom_news_core::query::highlight;
use yew::prelude::*;

use crate::components::content_lang;
use crate::components::release_meta::card_meta;
use crate::hooks::use_focus;
use crate::model::Card;

/// Props of [`ReleaseCard`].
#[derive(Properties, PartialEq)]
pub struct ReleaseCardProps {
    /// The release, with its display values.
    pub card: Card,
    /// The UI language.
    pub lang: Lang,
    /// The list's layout.
    pub layout: Layout,
    /// The folded search words, highlighted in the title and summary.
    pub words: Rc<Vec<String>>,
    /// The release's deep link, for opening in a new tab or copying.
    pub href: AttrValue,
    /// Called with the release's id when the reader opens it here.
    pub on_open: Callback<String>,
    /// Whether the card's link takes focus when it appears.
    pub focus: bool,
    /// Whether a click opens the release here (else the link goes where it points).
    pub in_place: bool,
}

/// Title (a link that opens the release in place), dateline, date, countries and summary.
#[function_component(ReleaseCard)]
pub fn release_card(props: &ReleaseCardProps) -> Html {
    let link = use_node_ref();
    use_focus(&link, props.focus);
    let release = &props.card.entry.release;
    let onclick = {
        let on_open = props.on_open.clone();
        let (id, in_place) = (release.id.clone(), props.in_place);
        Callback::from(move |event: MouseEvent| {
            // A modified click (new tab, new window) is left to the browser and the deep link.
            if in_place
                && event.button() == 0
                && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key())
            {
                event.prevent_default();
                on_open.emit(id.clone());
            }
        })
    };
    let title = release
        .headline()
        .unwrap_or_else(|| message(props.lang, Key::Untitled).to_string());
    let (lang, dir) = content_lang(release);
    let heading = html! {
        <h3 class="iom-news__card-title" lang={lang.clone()} {dir}>
            <a class="iom-news__card-link" href={props.href.clone()} {onclick} ref={link}>
                { marked(&title, &props.words) }
            </a>
        </h3>
    };
    match props.layout {
        Layout::Compact => html! {
            <article class="iom-news__card">
                { heading }
                if let (Some(date), Some(iso)) = (&props.card.display.date, &release.date_published) {
                    <time class="iom-news__date" datetime={iso.clone()}>{ date }</time>
                }
            </article>
        },
        Layout::List | Layout::Cards => html! {
            <article class="iom-news__card">
                // Decorative here: the title beside it says what the release is. A card without
                // an image has no empty box in its place.
                if let (Layout::Cards, Some(image)) = (props.layout, &release.image) {
                    <img class="iom-news__card-image" src={image.clone()} alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer" />
                }
                { heading }
                { card_meta(release, &props.card.display) }
                if let (Some(summary), Some(_)) = (&release.summary, &release.title) {
                    <p class="iom-news__summary" {lang} {dir}>{ marked(summary, &props.words) }</p>
                }
            </article>
        },
    }
}

/// `text` with the search words in `<mark>`.
fn marked(text: &str, words: &[String]) -> Html {
    if words.is_empty() {
        return html! { { text.to_string() } };
    }
    highlight(text, words)
        .into_iter()
        .map(|(piece, hit)| match hit {
            true => html! { <mark>{ piece }</mark> },
            false => html! { { piece } },
        })
        .collect()
}
