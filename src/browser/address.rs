//! The page's address: the fragment that holds deep links, history entries, and the events
//! that say the reader went back or forward.

use gloo_events::EventListener;
use wasm_bindgen::JsValue;

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The current fragment, with its `#` (empty when there is none).
pub fn fragment() -> String {
    location().and_then(|l| l.hash().ok()).unwrap_or_default()
}

/// The page's address without its fragment.
pub fn without_fragment() -> String {
    let href = location().and_then(|l| l.href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The page's base URL, against which a feed given in the page resolves its links.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default()
}

/// `url` made absolute against the page's base URL (the form a feed's address is kept under).
pub fn absolute(url: &str) -> String {
    iom_news_core::url::check(url, Some(&base_url()), iom_news_core::url::Target::Web)
        .unwrap_or_else(|_| url.to_string())
}

/// How a change of the address enters the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// A new entry, which Back undoes.
    Push,
    /// In place of the current entry.
    Replace,
}

/// Puts `fragment` (without `#`) in the address through the History API, which never scrolls
/// the page; `Err` says why the browser refused.
pub fn set_fragment(fragment: &str, entry: Entry) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    // An empty fragment would leave a trailing `#`: the address without it clears it. The whole
    // address, not the path: a path that starts with `//` would read as another host.
    let target = if fragment.is_empty() {
        without_fragment()
    } else {
        format!("#{fragment}")
    };
    let history = window.history().map_err(|e| super::describe(&e))?;
    match entry {
        Entry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&target)),
        Entry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&target)),
    }
    .map_err(|e| super::describe(&e))
}

/// Calls `on_change` whenever Back, Forward or an edited address changes the fragment. The
/// listeners live as long as the returned value.
pub fn listen(on_change: impl Fn() + Clone + 'static) -> Vec<EventListener> {
    let Some(window) = web_sys::window() else {
        return Vec::new();
    };
    ["popstate", "hashchange"]
        .into_iter()
        .map(|event| {
            let on_change = on_change.clone();
            EventListener::new(&window, event, move |_| on_change())
        })
        .collect()
}
