//! iom-news: a widget that shows IOM news from a static JSON Feed inside any web page.
//!
//! Data flows one way: the embed's attributes give a [`glue::WidgetConfig`]; the app loads the
//! feed (fetch or inline text), `iom-news-core` validates it, and the components render it.
//! The reducer in [`state`] owns all state; [`glue`] is the only module that touches the
//! browser.

pub mod components;
pub mod glue;
pub mod state;

use wasm_bindgen::prelude::wasm_bindgen;

/// Mounts a widget into every `<iom-news>` element of the page when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    glue::mount_all();
}
