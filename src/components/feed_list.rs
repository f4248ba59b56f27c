//! The list of releases.

use std::rc::Rc;

use iom_news_core::i18n::{fill, message, Key, Lang};
use yew::prelude::*;

use crate::components::release_card::ReleaseCard;
use crate::state::{More, Ready};

/// Props of [`FeedList`].
#[derive(Properties, PartialEq)]
pub struct FeedListProps {
    /// The loaded feed.
    pub ready: Rc<Ready>,
    /// The UI language.
    pub lang: Lang,
    /// Called with a release's id when the reader opens it.
    pub on_open: Callback<String>,
    /// Called when the reader asks for the next page.
    pub on_more: Callback<()>,
    /// The deep link of a release, by id.
    pub link_for: Callback<String, AttrValue>,
    /// The release whose link gets focus (the one the reader just came back from).
    pub focus: Option<String>,
}

/// The feed's title, its releases, and a discreet count of skipped items.
#[function_component(FeedList)]
pub fn feed_list(props: &FeedListProps) -> Html {
    let lang = props.lang;
    let ready = &props.ready;
    let skipped = match ready.skipped {
        0 => None,
        1 => Some(message(lang, Key::SkippedOne).to_string()),
        n => Some(fill(
            message(lang, Key::SkippedMany),
            &[("count", &n.to_string())],
        )),
    };
    html! {
        <div class="iom-news__feed">
            if let Some(title) = &ready.title {
                <h2 class="iom-news__feed-title">{ title }</h2>
            }
            if ready.entries.is_empty() {
                <p class="iom-news__status">{ message(lang, Key::EmptyFeed) }</p>
            } else {
                <ul class="iom-news__list" role="list">
                    { for ready.entries.iter().map(|entry| {
                        let id = entry.release.id.clone();
                        html! {
                            <li class="iom-news__item" key={id.clone()}>
                                <ReleaseCard
                                    entry={entry.clone()}
                                    {lang}
                                    href={props.link_for.emit(id.clone())}
                                    on_open={props.on_open.clone()}
                                    focus={props.focus.as_deref() == Some(id.as_str())}
                                />
                            </li>
                        }
                    }) }
                </ul>
            }
            { more(&ready.more, lang, &props.on_more) }
            if let Some(skipped) = skipped {
                <p class="iom-news__notice">{ skipped }{ " " }{ message(lang, Key::SeeConsole) }</p>
            }
        </div>
    }
}

/// The control for the next page of a paged feed, or what stops it.
fn more(more: &More, lang: Lang, on_more: &Callback<()>) -> Html {
    let onclick = on_more.reform(|_: MouseEvent| ());
    match more {
        More::End => Html::default(),
        More::Available(_) => html! {
            <button type="button" class="iom-news__more" {onclick}>
                { message(lang, Key::MoreNews) }
            </button>
        },
        More::Loading(_) => html! {
            <button type="button" class="iom-news__more" disabled=true aria-busy="true">
                { message(lang, Key::LoadingMore) }
            </button>
        },
        More::Failed { .. } => html! {
            <div class="iom-news__more-failed" role="alert">
                <p>{ message(lang, Key::MoreFailed) }{ " " }{ message(lang, Key::SeeConsole) }</p>
                <button type="button" class="iom-news__more" {onclick}>
                    { message(lang, Key::TryAgain) }
                </button>
            </div>
        },
        More::Loop(_) => html! {
            <p class="iom-news__notice" role="status">{ message(lang, Key::PagesLoop) }</p>
        },
    }
}
