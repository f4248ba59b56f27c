//! The widget's state and the one reducer that changes it.
//!
//! Implementation note: the reducer is pure (no browser calls), so it is tested natively.
//! Browser effects of an action (a history entry, a console line) happen in the app
//! component, around the dispatch.

use std::fmt;
use std::rc::Rc;

use iom_news_core::{FeedError, Release};
use yew::Reducible;

/// Why the feed could not be shown at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The embed names no feed.
    NoFeed,
    /// The server answered with an error status.
    Http {
        /// The feed's URL.
        url: String,
        /// The HTTP status, e.g. 404.
        status: u16,
    },
    /// The request failed (offline, blocked by CORS or CSP, bad URL).
    Network {
        /// The feed's URL.
        url: String,
        /// What the browser said.
        detail: String,
    },
    /// The file is not a usable feed.
    Feed(FeedError),
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::NoFeed => f.write_str(
                "no feed: give the element a `feed` attribute, e.g. <iom-news feed=\"news.json\">",
            ),
            LoadError::Http { url, status } => {
                write!(
                    f,
                    "the feed {url} could not be loaded: HTTP status {status}"
                )
            }
            LoadError::Network { url, detail } => {
                write!(f, "the feed {url} could not be fetched: {detail}")
            }
            LoadError::Feed(e) => write!(f, "the feed is {e}"),
        }
    }
}

/// A release ready to show: the item and its display values, worked out once on load.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The release as the feed gives it.
    pub release: Release,
    /// The publication date in the reader's language, when the item has one.
    pub date: Option<String>,
    /// The countries' names in the reader's language.
    pub countries: Vec<String>,
}

/// A loaded feed, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready {
    /// The feed's title.
    pub title: Option<String>,
    /// The usable releases, in feed order.
    pub entries: Vec<Rc<Entry>>,
    /// How many items were skipped (their details went to the console).
    pub skipped: usize,
    /// The URL relative links in the feed resolve against.
    pub base_url: String,
}

impl Ready {
    /// The entry with this release id.
    pub fn entry(&self, id: &str) -> Option<&Rc<Entry>> {
        self.entries.iter().find(|e| e.release.id == id)
    }
}

/// Where the feed is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// Being fetched.
    Loading,
    /// Unusable, and why.
    Failed(LoadError),
    /// Loaded.
    Ready(Rc<Ready>),
}

/// Where keyboard focus should go after the view changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Focus {
    /// Leave focus alone (first render: never steal focus from the host page).
    Keep,
    /// The open release's heading.
    Heading,
    /// The list link of this release (after returning from it).
    Item(String),
}

/// All of one widget instance's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The feed.
    pub load: Load,
    /// The id of the open release; `None` shows the list.
    pub open: Option<String>,
    /// Where focus goes after this change.
    pub focus: Focus,
}

impl State {
    /// The state before the feed has loaded, with the release the address asks for.
    pub fn new(open: Option<String>) -> State {
        State {
            load: Load::Loading,
            open,
            focus: Focus::Keep,
        }
    }
}

/// Everything that can happen to a widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The feed loaded, or failed to.
    Loaded(Result<Rc<Ready>, LoadError>),
    /// A release was opened (`Some`) or the list shown (`None`), by the user or the address.
    Show(Option<String>),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Loaded(result) => Rc::new(State {
                load: match result {
                    Ok(ready) => Load::Ready(ready),
                    Err(e) => Load::Failed(e),
                },
                open: self.open.clone(),
                focus: Focus::Keep,
            }),
            Action::Show(open) if open == self.open => self,
            Action::Show(open) => {
                let focus = match (&open, &self.open) {
                    (Some(_), _) => Focus::Heading,
                    (None, Some(previous)) => Focus::Item(previous.clone()),
                    (None, None) => Focus::Keep,
                };
                Rc::new(State {
                    load: self.load.clone(),
                    open,
                    focus,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready() -> Rc<Ready> {
        Rc::new(Ready {
            title: None,
            entries: Vec::new(),
            skipped: 0,
            base_url: String::new(),
        })
    }

    #[test]
    fn keeps_the_linked_release_through_loading() {
        let state = Rc::new(State::new(Some("a".into())));
        let state = state.reduce(Action::Loaded(Ok(ready())));
        assert_eq!(state.open.as_deref(), Some("a"));
        assert!(matches!(state.load, Load::Ready(_)));
        assert_eq!(state.focus, Focus::Keep, "loading never moves focus");
    }

    #[test]
    fn opening_focuses_the_heading_and_closing_the_item() {
        let state = Rc::new(State::new(None)).reduce(Action::Loaded(Ok(ready())));
        let state = state.reduce(Action::Show(Some("a".into())));
        assert_eq!(state.focus, Focus::Heading);
        let state = state.reduce(Action::Show(None));
        assert_eq!(state.open, None);
        assert_eq!(state.focus, Focus::Item("a".into()));
    }

    #[test]
    fn showing_what_is_shown_changes_nothing() {
        let state = Rc::new(State::new(Some("a".into())));
        let same = state.clone().reduce(Action::Show(Some("a".into())));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn a_failed_load_keeps_the_error() {
        let error = LoadError::Http {
            url: "news.json".into(),
            status: 404,
        };
        let state = Rc::new(State::new(None)).reduce(Action::Loaded(Err(error.clone())));
        assert_eq!(state.load, Load::Failed(error));
        assert_eq!(
            LoadError::Http {
                url: "news.json".into(),
                status: 404
            }
            .to_string(),
            "the feed news.json could not be loaded: HTTP status 404"
        );
    }
}
