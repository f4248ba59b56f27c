//! The address: deep links to a release and to a search, Back and Forward, and the events
//! that tell the host page what the reader opened.

use std::cell::RefCell;
use std::rc::Rc;

use iom_news_core::fragment;
use iom_news_core::query::Query;
use yew::prelude::*;

use crate::browser::{address, clipboard, console, events};
use crate::config::WidgetConfig;
use crate::state::{Action, Load, Origin, State};

/// The state the address asks for when the widget starts: the release and the search its
/// fragment holds for this instance (none with deep links off).
pub fn linked_state(config: &WidgetConfig) -> State {
    if !config.links {
        return State::default();
    }
    let fragment = address::fragment();
    State::new(
        fragment::get(&fragment, &config.link_key),
        fragment::get_query(&fragment, &config.link_key),
    )
}

/// Links the views need: to each release, and to share the open one.
pub struct DeepLink {
    /// The link of a release by id: where the `open` attribute sends it, else its deep link
    /// (which opens it in a new tab), or its original page when deep links are off.
    pub link_for: Callback<String, AttrValue>,
    /// The address to share for the open release, if there is one.
    pub share_url: Option<String>,
    /// Copies `share_url` to the clipboard and records whether it worked.
    pub on_copy: Callback<()>,
}

/// Keeps the address and the state in step, and the host page told: Back, Forward and an
/// edited address change the state; the reader's changes go into the address (opening or
/// closing a release as a step Back undoes, a new search in place of the current step, so typing
/// never fills the history); every release shown and every return to the list is announced.
/// With deep links off, the address is never read or written.
#[hook]
pub fn use_deep_link(config: &WidgetConfig, state: &UseReducerHandle<State>) -> DeepLink {
    let (key, links) = (config.link_key.clone(), config.links);
    {
        let dispatcher = state.dispatcher();
        use_effect_with((key.clone(), links), move |(key, links)| {
            let key = key.clone();
            let listeners = if *links {
                address::listen(move || {
                    let fragment = address::fragment();
                    dispatcher.dispatch(Action::Navigate(
                        fragment::get(&fragment, &key),
                        fragment::get_query(&fragment, &key),
                    ));
                })
            } else {
                Vec::new()
            };
            move || drop(listeners)
        });
    }
    {
        // One effect sees every change of what is open, whatever caused it (each effect is
        // code in the wasm, so the address and the events share one).
        let key = key.clone();
        let shown = match (&state.load, &state.open) {
            (Load::Ready(ready), Some(id)) if ready.entry(id).is_some() => Some(id.clone()),
            _ => None,
        };
        let previous: Rc<RefCell<Option<String>>> = use_mut_ref(|| None);
        let target = config.host.clone();
        use_effect_with(
            (state.open.clone(), state.query.clone(), state.origin, shown),
            move |(open, query, origin, shown)| {
                if links && *origin == Origin::Reader {
                    record(&key, open.as_deref(), query);
                }
                let before = previous.replace(shown.clone());
                if let Some(target) = target {
                    announce(&target, before, shown);
                }
            },
        );
    }
    let link_for = {
        let (key, query, load) = (key.clone(), state.query.clone(), state.load.clone());
        let open_in = config.open_in.clone();
        Callback::from(move |id: String| {
            if let Some(open_in) = &open_in {
                return AttrValue::from(open_in.link(&id));
            }
            if links {
                let fragment = fragment_for(&address::fragment(), &key, Some(&id), &query);
                return AttrValue::from(format!("#{fragment}"));
            }
            // Without deep links, a new tab opens the original release, when there is one.
            let original = match &load {
                Load::Ready(ready) => ready.entry(&id).and_then(|e| e.release.url.clone()),
                _ => None,
            };
            AttrValue::from(original.unwrap_or_else(|| "#".to_string()))
        })
    };
    let share_url = match (&state.load, &state.open) {
        (Load::Ready(ready), Some(id)) => ready.entry(id).and_then(|entry| {
            if links {
                let fragment = fragment_for(&address::fragment(), &key, Some(id), &state.query);
                Some(format!("{}#{fragment}", address::without_fragment()))
            } else {
                entry.release.url.clone()
            }
        }),
        _ => None,
    };
    let on_copy = {
        let (dispatcher, url) = (state.dispatcher(), share_url.clone());
        Callback::from(move |()| {
            if let Some(url) = url.clone() {
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    dispatcher.dispatch(Action::Copied(clipboard::copy_text(&url).await));
                });
            }
        })
    };
    DeepLink {
        link_for,
        share_url,
        on_copy,
    }
}

/// `current` (the address's fragment) with this instance's release and search set, the rest
/// kept as it was.
fn fragment_for(current: &str, key: &str, open: Option<&str>, query: &Query) -> String {
    fragment::set_query(&fragment::set(current, key, open), key, query)
}

/// Puts the reader's change of the open release or the search into the address: opening or
/// closing a release as a step Back undoes, a new search in place of the current step.
fn record(key: &str, open: Option<&str>, query: &Query) {
    let current = address::fragment();
    let next = fragment_for(&current, key, open, query);
    if next == current.trim_start_matches('#') {
        return;
    }
    let entry = if fragment::get(&current, key).as_deref() == open {
        address::Entry::Replace
    } else {
        address::Entry::Push
    };
    if let Err(e) = address::set_fragment(&next, entry) {
        console::warn(&format!("iom-news: could not update the address: {e}"));
    }
}

/// Tells the host page, with `iom-news:open` and `iom-news:close` on the widget's element,
/// that a release is shown or the list came back, whatever caused it: a click, Back or
/// Forward, a deep link, a translation opened in place.
fn announce(target: &web_sys::Element, before: Option<String>, shown: &Option<String>) {
    match (before, shown) {
        (before, Some(id)) if before.as_ref() != Some(id) => {
            events::announce(target, "iom-news:open", id)
        }
        (Some(id), None) => events::announce(target, "iom-news:close", &id),
        _ => {}
    }
}
