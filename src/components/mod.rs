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

use iom_news_core::Release;

/// The `lang` and `dir` of a release's own text (its title, summary, body): its language (the
/// item's, else the feed's), so that an Arabic release reads right to left inside an English
/// widget and an English one left to right inside an Arabic widget; `dir="auto"` when the
/// feed does not say.
pub(crate) fn content_lang(release: &Release) -> (Option<String>, &'static str) {
    match &release.language {
        Some(tag) => (Some(tag.clone()), iom_news_core::langtag::direction(tag)),
        None => (None, "auto"),
    }
}
