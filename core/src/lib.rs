//! The pure core of the iom-news widget.
//!
//! Everything here is plain Rust with no browser dependency: the feed model and its parsing
//! ([`feed`]), the release body model ([`body`]), the URL allow-list ([`url`]), the deep-link
//! fragment ([`fragment`]), the UI message table ([`i18n`]), country codes ([`country`]) and
//! the synthetic feed generator shared by tests and benchmarks ([`synth`]).

pub mod body;
pub mod country;
pub mod feed;
pub mod fragment;
pub mod i18n;
pub mod synth;
pub mod url;

pub use feed::{Contact, Feed, FeedError, Parsed, Release, Skipped};
