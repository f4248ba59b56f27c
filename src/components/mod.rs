//! The widget's views, one per file: props in, callbacks out. They never touch `window` or
//! `document`; what they show comes from the hooks, through [`app::App`].

pub mod app;
pub mod contact_block;
pub mod error_notice;
pub mod feed_list;
pub mod release_body;
pub mod release_card;
pub mod release_meta;
pub mod release_view;
pub mod search_bar;
