//! The pure core of the iom-news widget.
//!
//! Everything here is plain Rust with no browser dependency: the feed model ([`feed`]) and its
//! validating parser ([`validate`]), the release body model ([`body`]), the URL allow-list ([`url`]), the deep-link
//! fragment ([`fragment`]), the UI message table ([`i18n`]), country codes ([`country`]) and
//! the synthetic feed generator shared by tests and benchmarks ([`synth`]).

pub mod body;
pub mod country;
pub mod embed;
pub mod feed;
pub mod fold;
pub mod fragment;
pub mod i18n;
pub mod json;
pub mod langtag;
pub mod paging;
pub mod query;
pub mod synth;
pub mod url;
pub mod validate;

/// `text` in double quotes, with JSON escapes: how messages quote what a feed said.
///
/// Implementation note: messages never use `{:?}` (Debug), so that release builds can drop
/// Debug formatting from the wasm altogether (`-Zfmt-debug=none`).
pub fn quoted(text: &str) -> String {
    json::quote(text)
}

pub use feed::{Attachment, Author, Contact, Feed, FeedError, Parsed, Problem, Release, Skipped};
