//! iom-news: a widget that shows IOM news from a static JSON Feed inside any web page.
//!
//! Data flows one way: the embed's attributes give a [`config::WidgetConfig`]; the hooks
//! load the feed ([`load`]), which `iom-news-core` validates; the reducer in [`state`] owns all
//! state; the hooks make what the views show ([`model`]); the [`components`] render it. Only
//! [`browser`] touches the browser. Imports point one way: this entry point → components →
//! hooks → {state, load, browser} → core.
//!
//! The loader script (`www/iom-news.js`) defines the `<iom-news>` element, gives each one a
//! shadow root with the stylesheet, and calls [`mount`] once the module is ready.

pub mod browser;
pub mod components;
pub mod config;
pub mod hooks;
pub mod load;
pub mod model;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod state;

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::JsValue;
use yew::AppHandle;

use crate::components::app::{App, AppProps};
use crate::config::{Prefetched, WidgetConfig};

/// A mounted widget, as the loader script holds it.
#[wasm_bindgen]
pub struct Widget {
    host: web_sys::Element,
    prefetched: Option<Prefetched>,
    app: Option<AppHandle<App>>,
}

#[wasm_bindgen]
impl Widget {
    /// Re-reads the host element's attributes and updates the widget (the loader calls this
    /// when an observed attribute changes).
    pub fn update(&mut self) {
        let config = config_of(&self.host, self.prefetched.clone());
        if let Some(app) = &mut self.app {
            app.update(AppProps { config });
        }
    }

    /// Unmounts the widget and stops its listeners.
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a widget configured by `host`'s attributes into `container` (which the loader puts
/// in `host`'s shadow root, next to the stylesheet). `prefetched` is `{ feed, response }`: the
/// `fetch()` the loader started for the `feed` attribute while the module loaded (or null).
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, container: web_sys::Element, prefetched: JsValue) -> Widget {
    let field = |name: &str| js_sys::Reflect::get(&prefetched, &JsValue::from_str(name)).ok();
    let prefetched = match (field("feed").and_then(|f| f.as_string()), field("response")) {
        (Some(feed), Some(response)) if response.is_object() => {
            Some(Prefetched::new(feed, response))
        }
        _ => None,
    };
    let config = config_of(&host, prefetched.clone());
    let app = yew::Renderer::<App>::with_root_and_props(container, AppProps { config }).render();
    Widget {
        host,
        prefetched,
        app: Some(app),
    }
}

/// The configuration `host`'s attributes give, bad values warned about in the console.
fn config_of(host: &web_sys::Element, prefetched: Option<Prefetched>) -> WidgetConfig {
    let mut config = WidgetConfig::read_at(
        |name| host.get_attribute(name),
        &host.id(),
        &browser::locale::languages_around(host),
        &browser::address::base_url(),
        &mut |warning| browser::console::warn_once(&warning),
    );
    config.host = Some(host.clone());
    config.news_page = browser::locale::news_link(host);
    config.prefetched = prefetched;
    config
}
