//! The list of releases.

use std::rc::Rc;

use iom_news_core::embed::Layout;
use iom_news_core::i18n::{fill, message, Key, Lang};
use yew::prelude::*;

use crate::components::release_card::ReleaseCard;
use crate::state::{Entry, More};

/// Props of [`FeedList`].
#[derive(Properties, PartialEq)]
pub struct FeedListProps {
    /// The feed's title.
    pub title: Option<String>,
    /// The releases to show.
    pub entries: Rc<Vec<Rc<Entry>>>,
    /// How many items of the feed were skipped (details are in the console).
    pub skipped: usize,
    /// The state of the feed's next page.
    pub more: More,
    /// Whether more loaded releases wait to be shown.
    pub has_hidden: bool,
    /// Whether pre-set filters narrow the list (for the empty message).
    pub filtered: bool,
    /// The layout.
    pub layout: Layout,
    /// The UI language.
    pub lang: Lang,
    /// Called with a release's id when the reader opens it.
    pub on_open: Callback<String>,
    /// Called when the reader asks for more releases.
    pub on_more: Callback<()>,
    /// The link of a release, by id.
    pub link_for: Callback<String, AttrValue>,
    /// The release whose link gets focus (the one the reader came back from, or the first new).
    pub focus: Option<String>,
}

/// The feed's title, its releases, the "More news" control and a discreet count of skipped
/// items.
#[function_component(FeedList)]
pub fn feed_list(props: &FeedListProps) -> Html {
    let lang = props.lang;
    let skipped = match props.skipped {
        0 => None,
        1 => Some(message(lang, Key::SkippedOne).to_string()),
        n => Some(fill(
            message(lang, Key::SkippedMany),
            &[("count", &n.to_string())],
        )),
    };
    let empty = if props.filtered {
        Key::NoMatches
    } else {
        Key::EmptyFeed
    };
    html! {
        <div class="iom-news__feed">
            if let Some(title) = &props.title {
                <h2 class="iom-news__feed-title">{ title }</h2>
            }
            if props.entries.is_empty() {
                <p class="iom-news__status">{ message(lang, empty) }</p>
            } else {
                <ul class="iom-news__list" role="list">
                    { for props.entries.iter().map(|entry| {
                        let id = entry.release.id.clone();
                        html! {
                            <li class="iom-news__item" key={id.clone()}>
                                <ReleaseCard
                                    entry={entry.clone()}
                                    {lang}
                                    layout={props.layout}
                                    href={props.link_for.emit(id.clone())}
                                    on_open={props.on_open.clone()}
                                    focus={props.focus.as_deref() == Some(id.as_str())}
                                />
                            </li>
                        }
                    }) }
                </ul>
            }
            { more(props) }
            if let Some(skipped) = skipped {
                <p class="iom-news__notice">{ skipped }{ " " }{ message(lang, Key::SeeConsole) }</p>
            }
        </div>
    }
}

/// The control for more releases (shown ones first, then the feed's next page), or what
/// stops it.
fn more(props: &FeedListProps) -> Html {
    let lang = props.lang;
    let onclick = props.on_more.reform(|_: MouseEvent| ());
    let button = |key: Key| {
        html! {
            <button type="button" class="iom-news__more" onclick={onclick.clone()}>
                { message(lang, key) }
            </button>
        }
    };
    if props.has_hidden {
        return button(Key::MoreNews);
    }
    match &props.more {
        More::End => Html::default(),
        More::Available(_) => button(Key::MoreNews),
        More::Loading(_) => html! {
            <button type="button" class="iom-news__more" disabled=true aria-busy="true">
                { message(lang, Key::LoadingMore) }
            </button>
        },
        More::Failed { .. } => html! {
            <div class="iom-news__more-failed" role="alert">
                <p>{ message(lang, Key::MoreFailed) }{ " " }{ message(lang, Key::SeeConsole) }</p>
                { button(Key::TryAgain) }
            </div>
        },
        More::Loop(_) => html! {
            <p class="iom-news__notice" role="status">{ message(lang, Key::PagesLoop) }</p>
        },
    }
}
