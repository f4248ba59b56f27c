//! The pure core of the iom-news widget.
//!
//! Everything here is plain Rust with no browser dependency: the feed model ([`feed`]) and its
//! validating parser ([`validate`]), the release body model ([`body`]), the URL allow-list ([`url`]), the deep-link
//! fragment ([`fragment`]), the UI message table ([`i18n`]), country codes ([`country`]) and
//! the synthetic feed generator shared by tests and benchmarks ([`synth`]).

pub mod body;
pub mod country;
pub mod date;
pub mod embed;
pub mod feed;
pub(crate) mod fold;
pub mod fragment;
pub mod html;
pub mod i18n;
pub(crate) mod json;
pub mod langtag;
pub mod paging;
pub mod query;
pub mod source;
#[cfg(feature = "synth")]
pub mod synth;
pub mod url;
pub mod validate;

/// Hexadecimal digits, for percent-encoding and escapes.
pub(crate) const HEX: &[u8; 16] = b"0123456789ABCDEF";

/// `text` in double quotes, with JSON escapes: how messages quote what a feed said.
///
/// Implementation note: messages never use `{:?}` (Debug), so that release builds can drop
/// Debug formatting from the wasm altogether (`-Zfmt-debug=none`).
pub fn quoted(text: &str) -> String {
    json::quote(text)
}

/// The positions of `keys` in the order of their text (equal keys keep their order).
///
/// Implementation note: everything the widget numbers, groups or looks up by text (facet
/// values, release ids, themes) comes from an untrusted feed, so it is ordered by sorting, which
/// no input can make slow, rather than hashed, which chosen collisions can (a hash-flooding
/// attack). One function for all of them keeps the wasm to one copy of the sort.
pub fn order_by_text(keys: &[&str]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(keys[b]));
    order
}

/// For each of `keys`, whether an earlier key is the same text.
pub fn repeats(keys: &[&str]) -> Vec<bool> {
    let mut repeated = vec![false; keys.len()];
    let order = order_by_text(keys);
    for pair in order.windows(2) {
        if keys[pair[0]] == keys[pair[1]] {
            repeated[pair[1]] = true;
        }
    }
    repeated
}

/// Text as search compares it: lower case, without accents (see the `fold` module). The CLI
/// uses it for ids and country names, so that both compare text alike.
pub use fold::fold as fold_text;

pub use feed::{Attachment, Author, Contact, Feed, FeedError, Parsed, Problem, Release, Skipped};
