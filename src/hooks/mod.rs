//! The widget's custom hooks: every effect (loading, the address, events, focus, the
//! clipboard) and every value made from the state for the views (search results, the list,
//! the open release, filter controls), memoized so that a render only redoes what changed.
//! Components call these and render what they return; only hooks reach the browser layer.

mod use_deep_link;
mod use_feed;
mod use_focus;
mod use_release;
mod use_search;

pub use use_deep_link::{linked_state, use_deep_link, DeepLink};
pub use use_feed::use_feed;
pub use use_focus::{use_focus, use_focus_heading};
pub use use_release::{use_release, OpenRelease};
pub use use_search::{use_search, Found};
