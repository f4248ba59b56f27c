//! The widget's components and view functions, one per file. They get data and callbacks as
//! props (or arguments) and never touch `window` or `document`; only [`app::App`] calls the
//! browser glue.

pub mod app;
pub mod contact_block;
pub mod error_notice;
pub mod feed_list;
pub mod release_body;
pub mod release_card;
pub mod release_meta;
pub mod release_view;
pub mod search_bar;
