//! The first page of a feed as static HTML, rendered by the widget's own components through
//! Yew's server-side renderer: `iom-news build` writes it as the fallback a page puts inside
//! `<iom-news>` (for crawlers, for readers without JavaScript, and until the widget mounts), so
//! its markup cannot drift from the widget's.
//!
//! Implementation note: only with the `ssr` feature (the CLI's), never in the wasm. Nothing
//! here touches a browser: what the widget gets from `Intl` (dates) the caller gives.

use std::rc::Rc;

use iom_news_core::embed::Layout;
use iom_news_core::fragment;
use iom_news_core::i18n::Lang;
use iom_news_core::Release;
use yew::prelude::*;

use crate::components::feed_list::FeedList;
use crate::model::{Card, Display, Listing};
use crate::state::{Entry, More};

/// What the fallback shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Fallback {
    /// The heading above the list (the feed's title), if any.
    pub title: Option<String>,
    /// The releases of the first page, each with its date as readers read it.
    pub releases: Vec<(Release, Option<String>)>,
    /// The interface language.
    pub lang: Lang,
    /// The list's layout.
    pub layout: Layout,
}

#[derive(Properties, PartialEq)]
struct FallbackProps {
    fallback: Fallback,
}

#[function_component(FallbackList)]
fn fallback_list(props: &FallbackProps) -> Html {
    let fallback = &props.fallback;
    let cards: Vec<Card> = fallback
        .releases
        .iter()
        .map(|(release, date)| Card {
            entry: Rc::new(Entry {
                release: release.clone(),
                base_url: Rc::from(""),
            }),
            display: Rc::new(Display {
                date: date.clone(),
                countries: String::new(),
            }),
        })
        .collect();
    // Without JavaScript a release opens at its own page; one without a page, in the widget
    // (its deep link), once the widget runs.
    let urls: Vec<(String, Option<String>)> = fallback
        .releases
        .iter()
        .map(|(r, _)| (r.id.clone(), r.url.clone()))
        .collect();
    let link_for = Callback::from(move |id: String| {
        let url = urls
            .iter()
            .find(|(i, _)| *i == id)
            .and_then(|(_, u)| u.clone());
        let deep = || {
            format!(
                "#{}",
                fragment::set("", &fragment::key_for(None), Some(&id))
            )
        };
        AttrValue::from(url.unwrap_or_else(deep))
    });
    let listing = Rc::new(Listing {
        cards: Rc::new(cards),
        ..Listing::default()
    });
    html! {
        <div class={classes!("iom-news", fallback.layout.class())} lang={fallback.lang.tag()} dir={fallback.lang.dir()}>
            if let Some(title) = &fallback.title {
                <h2 class="iom-news__feed-title" dir="auto">{ title.clone() }</h2>
            }
            <FeedList
                {listing}
                searching={false}
                more={More::End}
                filtered={false}
                layout={fallback.layout}
                lang={fallback.lang}
                on_open={Callback::noop()}
                on_more={Callback::noop()}
                on_clear={Callback::noop()}
                on_reload={Callback::noop()}
                in_place={false}
                {link_for}
                focus={None::<String>}
            />
        </div>
    }
}

/// The fallback as HTML.
pub async fn render(fallback: Fallback) -> String {
    yew::ServerRenderer::<FallbackList>::with_props(move || FallbackProps { fallback })
        .hydratable(false)
        .render()
        .await
}
