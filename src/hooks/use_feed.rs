//! Loading the feed, and its next pages.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::{console, events, intl};
use crate::config::{FeedSource, WidgetConfig};
use crate::load;
use crate::state::{Action, Failure, Load, More, State};

/// Loads the feed the configuration names, again whenever it names another one (and only
/// then: a new language or layout renders the same feed). A late answer for a feed that was
/// replaced, or for a widget that is gone, is dropped. Returns the callback that loads the
/// feed's next page.
#[hook]
pub fn use_feed(config: &WidgetConfig, state: &UseReducerHandle<State>) -> Callback<()> {
    {
        let dispatcher = state.dispatcher();
        let prefetched = config.prefetched.clone();
        let (timeout, lang) = (config.timeout_ms, config.lang);
        let shown: Rc<RefCell<Option<FeedSource>>> = use_mut_ref(|| None);
        use_effect_with((config.feed.clone(), state.reloads), move |(feed, _)| {
            let current = Rc::new(Cell::new(true));
            let still = current.clone();
            // Another feed starts from the placeholder; the same one, loaded again at the
            // reader's request, stays on screen until the new copy is there.
            let other = shown.replace(Some(feed.clone())).as_ref() != Some(feed);
            match load::load_at_once(feed) {
                Some(result) => loaded(&dispatcher, result.map_err(Failure::from)),
                None => {
                    if other {
                        dispatcher.dispatch(Action::Load);
                    }
                    let url = match feed {
                        FeedSource::Url(url) => url.clone(),
                        _ => String::new(),
                    };
                    // While the feed loads: the language's Intl objects, in a task of their
                    // own (see intl::prepare).
                    wasm_bindgen_futures::spawn_local(intl::prepare(lang));
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = load::fetch_feed(&url, prefetched, timeout).await;
                        if still.get() {
                            loaded(&dispatcher, result);
                        }
                    });
                }
            }
            move || current.set(false)
        });
    }
    {
        // Told after the render that shows it, so that the loader's placeholder (or the page's
        // own content) gives way only when there is something in its place.
        let host = config.host.clone();
        let shown = match &state.load {
            Load::Loading => "loading",
            Load::Ready(_) => "ready",
            Load::Failed(_) => "failed",
        };
        use_effect_with(shown, move |shown| {
            if let Some(host) = &host {
                events::show_state(host, shown);
            }
        });
    }
    let state = state.clone();
    let (preset, timeout) = (config.preset.clone(), config.timeout_ms);
    Callback::from(move |()| {
        let Load::Ready(ready) = &state.load else {
            return;
        };
        let (More::Available(url) | More::Failed { url, .. }) = &ready.more else {
            return;
        };
        state.dispatch(Action::MoreRequested);
        let (url, ready, dispatcher) = (url.clone(), ready.clone(), state.dispatcher());
        let (filter, preset) = (state.query.filter.clone(), preset.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let result = load::next_page(&url, &ready, [&filter, &preset], timeout).await;
            if let Err(error) = &result {
                console::error(&format!("iom-news: {error}"));
            }
            dispatcher.dispatch(Action::PageLoaded(result));
        });
    })
}

/// Shows the outcome of a load.
fn loaded(dispatcher: &UseReducerDispatcher<State>, result: Result<crate::state::Ready, Failure>) {
    if let Err(failure) = &result {
        console::error(&format!("iom-news: {}", failure.error));
    }
    dispatcher.dispatch(Action::Loaded(result.map(Rc::new)));
}
