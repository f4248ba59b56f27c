//! The single-release view.

use std::rc::Rc;

use iom_news_core::body::Body;
use iom_news_core::i18n::{message, Key, Lang};
use yew::prelude::*;

use crate::components::contact_block::ContactBlock;
use crate::components::release_body::ReleaseBody;
use crate::components::release_meta::ReleaseMeta;
use crate::state::Entry;

/// Props of [`ReleaseView`].
#[derive(Properties, PartialEq)]
pub struct ReleaseViewProps {
    /// The release.
    pub entry: Rc<Entry>,
    /// Its sanitized body.
    pub body: Rc<Body>,
    /// The UI language.
    pub lang: Lang,
    /// Called when the reader goes back to the list.
    pub on_close: Callback<()>,
    /// Whether the heading takes focus when the view appears (after the reader opened it).
    pub focus_heading: bool,
}

/// Back control, title, dateline, date, countries, body and contacts.
#[function_component(ReleaseView)]
pub fn release_view(props: &ReleaseViewProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.focus_heading, move |focus| {
            if *focus {
                if let Some(heading) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = heading.focus();
                }
            }
        });
    }
    let lang = props.lang;
    let release = &props.entry.release;
    let title = release
        .title
        .clone()
        .unwrap_or_else(|| message(lang, Key::Untitled).to_string());
    html! {
        <article class="iom-news__release">
            <button
                type="button"
                class="iom-news__back"
                onclick={props.on_close.reform(|_: MouseEvent| ())}
            >
                { message(lang, Key::BackToAll) }
            </button>
            <h2 class="iom-news__release-title" tabindex="-1" ref={heading}>{ title }</h2>
            <ReleaseMeta entry={props.entry.clone()} />
            <ReleaseBody body={props.body.clone()} />
            if !release.iom.contacts.is_empty() {
                <ContactBlock contacts={Rc::new(release.iom.contacts.clone())} {lang} />
            }
        </article>
    }
}
