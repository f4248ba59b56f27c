//! The list of releases.

use std::rc::Rc;

use iom_news_core::i18n::{fill, message, Key, Lang};
use yew::prelude::*;

use crate::components::release_card::ReleaseCard;
use crate::state::Ready;

/// Props of [`FeedList`].
#[derive(Properties, PartialEq)]
pub struct FeedListProps {
    /// The loaded feed.
    pub ready: Rc<Ready>,
    /// The UI language.
    pub lang: Lang,
    /// Called with a release's id when the reader opens it.
    pub on_open: Callback<String>,
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
            if let Some(skipped) = skipped {
                <p class="iom-news__notice">{ skipped }{ " " }{ message(lang, Key::SeeConsole) }</p>
            }
        </div>
    }
}
