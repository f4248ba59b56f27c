//! The list of releases.

use std::rc::Rc;

use iom_news_core::embed::Layout;
use iom_news_core::i18n::{message, Key, Lang};
use yew::prelude::*;

use crate::components::release_card::ReleaseCard;
use crate::model::Listing;
use crate::state::More;

/// Props of [`FeedList`].
#[derive(Properties, PartialEq)]
pub struct FeedListProps {
    /// The releases to show, how many match, and the search words to highlight.
    pub listing: Rc<Listing>,
    /// Whether the reader has a search or filters set.
    pub searching: bool,
    /// The state of the feed's next page.
    pub more: More,
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
    /// Called when the reader clears the search and filters.
    pub on_clear: Callback<()>,
    /// Called when the reader asks to load the feed again (when the list is a kept copy).
    pub on_reload: Callback<()>,
    /// Whether a click on a release opens it here (else its link goes where the page said).
    pub in_place: bool,
    /// The link of a release, by id.
    pub link_for: Callback<String, AttrValue>,
    /// The release whose link gets focus (the one the reader came back from, or the first new).
    pub focus: Option<String>,
}

/// The releases, the number found (announced to screen readers), the "More news" control and
/// the end of the feed. (Items the feed could not show are reported to the console for the
/// web team, not to readers.)
#[function_component(FeedList)]
pub fn feed_list(props: &FeedListProps) -> Html {
    let lang = props.lang;
    let empty = if props.searching {
        Key::NoResults
    } else if props.filtered {
        Key::NoMatches
    } else {
        Key::EmptyFeed
    };
    // Said only while searching; the live region is always there so that changes are heard.
    let count = if props.searching {
        props.listing.said.clone()
    } else {
        String::new()
    };
    html! {
        <div class="iom-news__feed">
            if let Some(stale) = &props.listing.stale {
                <p class="iom-news__stale" role="status">
                    { stale.clone() }{ " " }
                    <button type="button" class="iom-news__retry" onclick={props.on_reload.reform(|_: MouseEvent| ())}>
                        { message(lang, Key::TryAgain) }
                    </button>
                </p>
            }
            <p class="iom-news__count" role="status">{ count }</p>
            if props.listing.cards.is_empty() {
                <div class="iom-news__empty">
                    <p class="iom-news__status">{ message(lang, empty) }</p>
                    if props.searching {
                        <button
                            type="button"
                            class="iom-news__clear"
                            onclick={props.on_clear.reform(|_: MouseEvent| ())}
                        >
                            { message(lang, Key::ClearFilters) }
                        </button>
                    }
                </div>
            } else {
                <ul class="iom-news__list" role="list">
                    { for props.listing.cards.iter().map(|card| {
                        let id = card.entry.release.id.clone();
                        html! {
                            <li class="iom-news__item" key={id.clone()}>
                                <ReleaseCard
                                    card={card.clone()}
                                    {lang}
                                    layout={props.layout}
                                    words={props.listing.words.clone()}
                                    href={props.link_for.emit(id.clone())}
                                    on_open={props.on_open.clone()}
                                    in_place={props.in_place}
                                    focus={props.focus.as_deref() == Some(id.as_str())}
                                />
                            </li>
                        }
                    }) }
                </ul>
            }
            { more(props) }
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
    if props.listing.first_hidden.is_some() {
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
                <p>{ message(lang, Key::MoreFailed) }</p>
                { button(Key::TryAgain) }
            </div>
        },
        More::Loop(_) => html! {
            <p class="iom-news__notice" role="status">{ message(lang, Key::NoMoreNews) }</p>
        },
    }
}
