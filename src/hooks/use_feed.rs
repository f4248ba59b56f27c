//! Loading the feed, and its next pages.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::browser::console;
use crate::config::WidgetConfig;
use crate::load;
use crate::state::{Action, Load, More, State};

/// Loads the feed the configuration names, again whenever it names another one (and only
/// then: a new language or layout renders the same feed). A late answer for a feed that was
/// replaced, or for a widget that is gone, is dropped. Returns the callback that loads the
/// feed's next page.
#[hook]
pub fn use_feed(config: &WidgetConfig, state: &UseReducerHandle<State>) -> Callback<()> {
    {
        let dispatcher = state.dispatcher();
        let prefetched = config.prefetched.clone();
        use_effect_with(config.feed.clone(), move |feed| {
            let current = Rc::new(Cell::new(true));
            let still = current.clone();
            match load::load_at_once(feed) {
                Some(result) => loaded(&dispatcher, result),
                None => {
                    dispatcher.dispatch(Action::Load);
                    let url = match feed {
                        crate::config::FeedSource::Url(url) => url.clone(),
                        _ => String::new(),
                    };
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = load::fetch_feed(&url, prefetched).await;
                        if still.get() {
                            loaded(&dispatcher, result);
                        }
                    });
                }
            }
            move || current.set(false)
        });
    }
    let state = state.clone();
    let preset = config.preset.clone();
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
            let result = load::next_page(&url, &ready, [&filter, &preset]).await;
            if let Err(error) = &result {
                console::error(&format!("iom-news: {error}"));
            }
            dispatcher.dispatch(Action::PageLoaded(result));
        });
    })
}

fn loaded(
    dispatcher: &UseReducerDispatcher<State>,
    result: Result<crate::state::Ready, crate::state::LoadError>,
) {
    if let Err(error) = &result {
        console::error(&format!("iom-news: {error}"));
    }
    dispatcher.dispatch(Action::Loaded(result.map(Rc::new)));
}
