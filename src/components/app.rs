//! The root component: one widget instance. It holds the state, asks the hooks for what the
//! views show, and switches between the list and the release view.

use iom_news_core::embed::{Heading, Layout};
use iom_news_core::i18n::{message, Key};
use iom_news_core::query::Query;
use yew::prelude::*;

use crate::components::error_notice::error_notice;
use crate::components::feed_list::FeedList;
use crate::components::release_view::ReleaseView;
use crate::components::search_bar::SearchBar;
use crate::config::WidgetConfig;
use crate::hooks;
use crate::state::{Action, Focus, Load, Origin, State};

/// Where readers find the news when neither the page nor the feed says.
const NEWS: &str = "https://www.iom.int/news";

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The instance's settings, from its embed attributes.
    pub config: WidgetConfig,
}

/// A callback that dispatches the action `f` makes of its argument.
fn make_callback<E, F>(state: &UseReducerHandle<State>, f: F) -> Callback<E>
where
    F: Fn(E) -> Action + 'static,
{
    let dispatcher = state.dispatcher();
    Callback::from(move |e: E| dispatcher.dispatch(f(e)))
}

/// One widget instance.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let lang = config.lang;
    let state = use_reducer(|| hooks::linked_state(config));
    let load_next = hooks::use_feed(config, &state);
    let link = hooks::use_deep_link(config, &state);
    let hooks::Found {
        listing,
        controls,
        active,
    } = hooks::use_search(&state, config);
    let release = hooks::use_release(&state, config);

    let on_open = make_callback(&state, |id| Action::Open(Some(id), Origin::Reader));
    let on_close = make_callback(&state, |()| Action::Open(None, Origin::Reader));
    let on_query = make_callback(&state, |query| Action::Search(query, Origin::Reader));
    let on_clear = make_callback(&state, |()| {
        Action::Search(Query::default(), Origin::Reader)
    });
    let on_reload = make_callback(&state, |()| Action::Reload);
    let on_toggle = make_callback(&state, |()| Action::ToggleFilters);
    let on_more = match &listing.first_hidden {
        // Releases already loaded come first; then the feed's next page.
        Some(first) => {
            let first = first.clone();
            make_callback(&state, move |()| Action::ShowMore(first.clone()))
        }
        None => load_next,
    };

    let content = match (&state.load, &state.open, release) {
        // The loader's placeholder (or the page's own content) shows meanwhile; this is for
        // screen readers.
        (Load::Loading, _, _) => html! {
            <p class="iom-news__status iom-news__hidden" role="status">{ message(lang, Key::Loading) }</p>
        },
        (Load::Failed(failure), _, _) => error_notice(
            lang,
            config
                .news_page
                .as_deref()
                .or(failure.home_page.as_deref())
                .unwrap_or(NEWS),
        ),
        (Load::Ready(_), Some(_), Some(release)) => html! {
            <ReleaseView
                {release}
                {lang}
                {on_close}
                focus_heading={state.focus == Focus::Heading}
                on_open={on_open.clone()}
                share_url={link.share_url}
                on_copy={link.on_copy}
                copied={state.copied}
            />
        },
        (Load::Ready(_), Some(_), None) => html! {
            <div class="iom-news__status" role="alert">
                <p>{ message(lang, Key::ReleaseNotFound) }</p>
                <button type="button" class="iom-news__back" onclick={on_close.reform(|_| ())}>
                    { message(lang, Key::BackToAll) }
                </button>
            </div>
        },
        (Load::Ready(ready), None, _) => {
            let heading = match &config.heading {
                Heading::FeedTitle => ready.title.clone(),
                Heading::Hidden => None,
                Heading::Text(text) => Some(text.clone()),
            };
            let focus = match &state.focus {
                Focus::Item(id) => Some(id.clone()),
                _ => None,
            };
            html! {
                <>
                    if let Some(heading) = heading {
                        <h2 class="iom-news__feed-title" dir="auto">{ heading }</h2>
                    }
                    // A sidebar's compact list has no room for the controls.
                    if config.layout != Layout::Compact
                        && (ready.entries.len() > 1 || !state.query.is_empty())
                    {
                        <SearchBar
                            query={state.query.clone()}
                            {controls}
                            {lang}
                            {on_query}
                            open={state.filters_open}
                            {active}
                            on_toggle={on_toggle}
                        />
                    }
                    <FeedList
                        {listing}
                        searching={!state.query.is_empty()}
                        more={ready.more.clone()}
                        filtered={!config.preset.is_empty()}
                        layout={config.layout}
                        {lang}
                        {on_open}
                        {on_more}
                        {on_reload}
                        in_place={config.open_in.is_none()}
                        {on_clear}
                        link_for={link.link_for}
                        {focus}
                    />
                </>
            }
        }
    };

    html! {
        // Not a landmark: a page may hold several widgets, and the host decides its regions.
        <div
            class={classes!("iom-news", config.layout.class())}
            data-theme={config.theme.name()}
            lang={lang.tag()}
            dir={lang.dir()}
        >
            { content }
        </div>
    }
}
