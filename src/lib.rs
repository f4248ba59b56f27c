//! iom-news: a widget that shows IOM news from a static JSON Feed inside any web page.
//!
//! Data flows one way: the embed's attributes give a [`glue::WidgetConfig`]; the app loads the
//! feed (fetch or inline text), `iom-news-core` validates it, and the components render it.
//! The reducer in [`state`] owns all state; [`glue`] is the only module that touches the
//! browser.

//!
//! The loader script (`www/iom-news.js`) defines the `<iom-news>` element, gives each one a
//! shadow root with the stylesheet, and calls [`glue::mount`] once the module is ready.

pub mod components;
pub mod glue;
pub mod state;
