//! The single-release view.

use iom_news_core::i18n::{fill, message, Key, Lang};
use yew::prelude::*;

use crate::components::contact_block::contact_block;
use crate::components::content_lang;
use crate::components::release_body::release_body;
use crate::components::release_meta::release_meta;
use crate::hooks::{use_focus_heading, OpenRelease};
use crate::model::Translation;

/// Props of [`ReleaseView`].
#[derive(Properties, PartialEq)]
pub struct ReleaseViewProps {
    /// The release, its body, display values and translations.
    pub release: OpenRelease,
    /// The UI language.
    pub lang: Lang,
    /// Called when the reader goes back to the list.
    pub on_close: Callback<()>,
    /// Whether the heading takes focus when the view appears (after the reader opened it).
    pub focus_heading: bool,
    /// Called with a release's id when the reader opens a translation that is in this feed.
    pub on_open: Callback<String>,
    /// The address to share (the deep link, or the original page), if there is one.
    pub share_url: Option<String>,
    /// Called when the reader asks to copy the address.
    pub on_copy: Callback<()>,
    /// Whether copying worked, once tried.
    pub copied: Option<bool>,
}

/// Back control, title, dateline, date, countries and region, image, standfirst, body,
/// themes, contacts, translations, "copy link" and the original.
#[function_component(ReleaseView)]
pub fn release_view(props: &ReleaseViewProps) -> Html {
    let heading = use_node_ref();
    let top = use_node_ref();
    use_focus_heading(&heading, &top, props.focus_heading);
    let lang = props.lang;
    let open = &props.release;
    let release = &open.entry.release;
    let title = release
        .headline()
        .unwrap_or_else(|| message(lang, Key::Untitled).to_string());
    // The release's own text reads in its own language and direction; the controls around it
    // in the interface's.
    let (text_lang, dir) = content_lang(release);
    // A summary the first paragraph already says is not shown twice.
    let standfirst = release
        .summary
        .as_deref()
        .filter(|summary| release.title.is_some() && !open.body.restates(summary));
    let copy_status = match (props.copied, &props.share_url) {
        (Some(true), _) => message(lang, Key::LinkCopied).to_string(),
        (Some(false), Some(url)) => fill(message(lang, Key::CopyFailed), &[("url", url)]),
        _ => String::new(),
    };
    let back = |class: &'static str, node: NodeRef| {
        html! {
            <button
                type="button"
                {class}
                ref={node}
                onclick={props.on_close.reform(|_: MouseEvent| ())}
            >
                { message(lang, Key::BackToAll) }
            </button>
        }
    };
    // Escape returns to the list, as the Back control does.
    let onkeydown = {
        let on_close = props.on_close.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                on_close.emit(());
            }
        })
    };
    html! {
        <article class="iom-news__release" {onkeydown}>
            { back("iom-news__back", top) }
            <h2 class="iom-news__release-title" tabindex="-1" ref={heading} lang={text_lang.clone()} {dir}>
                { title }
            </h2>
            { release_meta(release, &open.display) }
            if let Some(image) = &release.image {
                <figure class="iom-news__figure" lang={text_lang.clone()} {dir}>
                    // The caption beside it says what the picture shows: no alt text repeats it.
                    <img src={image.clone()} alt="" decoding="async" referrerpolicy="no-referrer" />
                    if release.iom.image_caption.is_some() || release.iom.image_credit.is_some() {
                        <figcaption>
                            if let Some(caption) = &release.iom.image_caption {
                                <span class="iom-news__caption">{ caption }</span>
                            }
                            if let Some(credit) = &release.iom.image_credit {
                                <bdi class="iom-news__credit">{ credit }</bdi>
                            }
                        </figcaption>
                    }
                </figure>
            }
            <div class="iom-news__content" lang={text_lang} {dir}>
                if let Some(standfirst) = standfirst {
                    <p class="iom-news__standfirst">{ standfirst }</p>
                }
                { release_body(&open.body) }
            </div>
            if !release.tags.is_empty() {
                <ul class="iom-news__tags" role="list" aria-label={message(lang, Key::Themes)}>
                    { for release.tags.iter().map(|tag| html! { <li dir="auto">{ tag }</li> }) }
                </ul>
            }
            if !release.iom.contacts.is_empty() {
                { contact_block(&release.iom.contacts, lang) }
            }
            if !open.translations.is_empty() {
                <p class="iom-news__translations">
                    { message(lang, Key::AlsoIn) }
                    { for open.translations.iter().map(|t| translation(t, &props.on_open)) }
                </p>
            }
            <div class="iom-news__actions">
                if props.share_url.is_some() {
                    <button
                        type="button"
                        class="iom-news__copy"
                        onclick={props.on_copy.reform(|_: MouseEvent| ())}
                    >
                        { message(lang, Key::CopyLink) }
                    </button>
                }
                if let Some(url) = &release.url {
                    <a
                        class="iom-news__original"
                        href={url.clone()}
                        target="_blank"
                        rel="noopener noreferrer"
                    >
                        { message(lang, Key::Original) }
                    </a>
                }
            </div>
            <p class="iom-news__copy-status" role="status">{ copy_status }</p>
            // A second way back at the end of a long release (shown on narrow screens).
            { back("iom-news__back-end", NodeRef::default()) }
        </article>
    }
}

fn translation(t: &Translation, on_open: &Callback<String>) -> Html {
    let name = t.name.clone();
    match &t.id {
        Some(id) => {
            let (on_open, id) = (on_open.clone(), id.clone());
            let onclick = Callback::from(move |event: MouseEvent| {
                event.prevent_default();
                on_open.emit(id.clone());
            });
            html! {
                <a href={t.href.clone()} hreflang={t.lang.clone()} lang={t.lang.clone()} dir={t.dir} {onclick}>
                    { name }
                </a>
            }
        }
        None => html! {
            <a
                href={t.href.clone()}
                hreflang={t.lang.clone()}
                lang={t.lang.clone()}
                dir={t.dir}
                target="_blank"
                rel="noopener noreferrer"
            >
                { name }
            </a>
        },
    }
}
