//! The widget's state and the one reducer that changes it.
//!
//! Implementation note: the reducer owns all state and is pure (no browser calls), so it is
//! tested natively. What an action means for the browser (a history entry, an event for the
//! host page, a console line) is done by the hooks' effects, which see the state change
//! whatever caused it.

use std::fmt;
use std::rc::Rc;

use iom_news_core::paging::NextPage;
use iom_news_core::query::Query;
use iom_news_core::{FeedError, Release};
use yew::Reducible;

/// Why the feed could not be shown at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The embed names no feed.
    NoFeed,
    /// The inline feed the embed names (`feed="#id"`) is not usable.
    Inline {
        /// The element id.
        id: String,
        /// What is wrong.
        reason: String,
    },
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
            LoadError::Inline { id, reason } => write!(f, "the inline feed #{id} {reason}"),
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

/// A release ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The release as the feed gives it.
    pub release: Release,
    /// What relative links in its body resolve against.
    pub base_url: Rc<str>,
}

/// A loaded feed, ready to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ready {
    /// The feed's title.
    pub title: Option<String>,
    /// The usable releases, in feed order, of every page loaded so far.
    pub entries: Vec<Rc<Entry>>,
    /// The positions in `entries`, in the order of their release ids, for lookups by id that
    /// never search linearly or hash (ids come from an untrusted feed, and merging a page looks
    /// up every new one; see `iom_news_core::order_by_text`).
    pub by_id: Vec<usize>,
    /// How many items were skipped (their details went to the console).
    pub skipped: usize,
    /// The URLs of the pages loaded so far, to stop a `next_url` loop.
    pub pages: Vec<String>,
    /// Whether there is a next page, and how loading it goes.
    pub more: More,
    /// When this is the copy kept from an earlier visit (the feed could not be had now): the
    /// RFC 3339 date it was fetched.
    pub stale: Option<String>,
}

/// The next page of a paged feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum More {
    /// There is none.
    End,
    /// There is one, at this URL, not loaded yet.
    Available(String),
    /// It is being loaded.
    Loading(String),
    /// Loading it failed; it can be tried again.
    Failed {
        /// Its URL.
        url: String,
        /// Why it failed.
        error: LoadError,
    },
    /// The chain leads back to a page already loaded (this URL).
    Loop(String),
}

impl From<NextPage> for More {
    fn from(next: NextPage) -> More {
        match next {
            NextPage::End => More::End,
            NextPage::Url(url) => More::Available(url),
            NextPage::Loop(url) => More::Loop(url),
        }
    }
}

/// A further page of a paged feed, checked against the pages before it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The URLs it was requested at and served from.
    pub urls: Vec<String>,
    /// Its usable releases not already shown.
    pub entries: Vec<Rc<Entry>>,
    /// How many of its items were skipped (bad, or already on an earlier page).
    pub skipped: usize,
    /// What follows it.
    pub next: More,
    /// Its first release that passes the filters, which takes focus.
    pub focus: Option<String>,
}

impl Ready {
    /// The entry with this release id.
    pub fn entry(&self, id: &str) -> Option<&Rc<Entry>> {
        let found = self
            .by_id
            .binary_search_by(|&i| self.entries[i].release.id.as_str().cmp(id))
            .ok()?;
        self.entries.get(self.by_id[found])
    }

    /// A loaded feed's first page: its releases and where each one is.
    pub fn new(
        title: Option<String>,
        entries: Vec<Rc<Entry>>,
        skipped: usize,
        pages: Vec<String>,
        more: More,
    ) -> Ready {
        let mut ready = Ready {
            title,
            entries: Vec::new(),
            by_id: Vec::new(),
            skipped,
            pages,
            more,
            stale: None,
        };
        ready.add(entries);
        ready
    }

    /// Adds releases after those loaded; one whose id is already there is left out.
    pub fn add(&mut self, entries: Vec<Rc<Entry>>) {
        for entry in entries {
            if self.entry(&entry.release.id).is_none() {
                self.entries.push(entry);
            }
        }
        let ids: Vec<&str> = self.entries.iter().map(|e| e.release.id.as_str()).collect();
        self.by_id = iom_news_core::order_by_text(&ids);
    }
}

/// Why the news cannot be shown, and where readers can still find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// What went wrong (for the console).
    pub error: LoadError,
    /// The feed's home page, when the unusable document or the copy kept from an earlier
    /// visit names one.
    pub home_page: Option<String>,
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Failure {
        Failure {
            error,
            home_page: None,
        }
    }
}

/// Where the feed is in its life.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Load {
    /// Being fetched.
    Loading,
    /// Unusable, and why.
    Failed(Failure),
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

/// Who changed the open release or the search: the reader (in the widget, which the address
/// then records) or the address (Back, Forward, an edited or shared link, which it already
/// holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// The reader, in the widget.
    Reader,
    /// The address.
    Address,
}

/// All of one widget instance's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct State {
    /// The feed.
    pub load: Load,
    /// The id of the open release; `None` shows the list.
    pub open: Option<String>,
    /// The reader's search and filters.
    pub query: Query,
    /// Who made the last change to `open` or `query`.
    pub origin: Origin,
    /// Where focus goes after this change.
    pub focus: Focus,
    /// How many pages of the list (of `page-size` releases each) are shown.
    pub shown_pages: usize,
    /// Whether copying the open release's link worked (`None` until the reader tries).
    pub copied: Option<bool>,
    /// How many times the reader asked to load the feed again.
    pub reloads: u32,
    /// Whether the filters are shown on a narrow screen (where they fold behind a button).
    pub filters_open: bool,
}

impl State {
    /// The state before the feed has loaded, with the release and the search the address
    /// asks for.
    pub fn new(open: Option<String>, query: Query) -> State {
        State {
            load: Load::Loading,
            open,
            query,
            origin: Origin::Address,
            focus: Focus::Keep,
            shown_pages: 1,
            copied: None,
            reloads: 0,
            filters_open: false,
        }
    }
}

impl Default for State {
    fn default() -> State {
        State::new(None, Query::default())
    }
}

/// Everything that can happen to a widget.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Another feed is being loaded.
    Load,
    /// The reader asked to try loading the feed again.
    Reload,
    /// The reader showed or hid the filters (on a narrow screen).
    ToggleFilters,
    /// The feed loaded, or failed to.
    Loaded(Result<Rc<Ready>, Failure>),
    /// A release was opened (`Some`) or the list shown (`None`).
    Open(Option<String>, Origin),
    /// The search or the filters changed.
    Search(Query, Origin),
    /// The address changed (Back, Forward, an edited link): the release and search it holds.
    Navigate(Option<String>, Query),
    /// The reader asked for the next page.
    MoreRequested,
    /// The next page loaded, or failed to.
    PageLoaded(Result<Page, LoadError>),
    /// The reader asked for more of the releases already loaded; focus goes to this one.
    ShowMore(String),
    /// Copying the open release's link worked (`true`) or not.
    Copied(bool),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match action {
            Action::Load if self.load == Load::Loading => self,
            Action::ToggleFilters => Rc::new(State {
                filters_open: !self.filters_open,
                ..(*self).clone()
            }),
            Action::Reload => Rc::new(State {
                reloads: self.reloads + 1,
                ..(*self).clone()
            }),
            Action::Load => Rc::new(State {
                load: Load::Loading,
                shown_pages: 1,
                ..(*self).clone()
            }),
            Action::Loaded(result) => Rc::new(State {
                load: match result {
                    Ok(ready) => Load::Ready(ready),
                    Err(e) => Load::Failed(e),
                },
                focus: Focus::Keep,
                shown_pages: 1,
                copied: None,
                ..(*self).clone()
            }),
            Action::Open(open, _) if open == self.open => self,
            Action::Open(open, origin) => {
                let focus = match (&open, &self.open) {
                    (Some(_), _) => Focus::Heading,
                    (None, Some(previous)) => Focus::Item(previous.clone()),
                    (None, None) => Focus::Keep,
                };
                Rc::new(State {
                    open,
                    origin,
                    focus,
                    copied: None,
                    ..(*self).clone()
                })
            }
            Action::Search(query, _) if query == self.query => self,
            Action::Search(query, origin) => Rc::new(State {
                query,
                origin,
                shown_pages: 1,
                focus: Focus::Keep,
                ..(*self).clone()
            }),
            Action::Navigate(open, query) => self
                .reduce(Action::Search(query, Origin::Address))
                .reduce(Action::Open(open, Origin::Address)),
            Action::ShowMore(first_new) => Rc::new(State {
                focus: Focus::Item(first_new),
                shown_pages: self.shown_pages + 1,
                ..(*self).clone()
            }),
            Action::Copied(worked) => Rc::new(State {
                copied: Some(worked),
                focus: Focus::Keep,
                ..(*self).clone()
            }),
            Action::MoreRequested => {
                let Load::Ready(ready) = &self.load else {
                    return self;
                };
                let (More::Available(url) | More::Failed { url, .. }) = &ready.more else {
                    return self;
                };
                let ready = Ready {
                    more: More::Loading(url.clone()),
                    ..(**ready).clone()
                };
                Rc::new(State {
                    load: Load::Ready(Rc::new(ready)),
                    ..(*self).clone()
                })
            }
            Action::PageLoaded(result) => {
                let Load::Ready(ready) = &self.load else {
                    return self;
                };
                let More::Loading(url) = &ready.more else {
                    return self;
                };
                let mut next = (**ready).clone();
                let mut focus = self.focus.clone();
                let mut shown_pages = self.shown_pages;
                match result {
                    Ok(page) => {
                        if let Some(first) = page.focus {
                            // Focus goes to the first new release, where reading continues.
                            focus = Focus::Item(first);
                            shown_pages += 1;
                        }
                        next.add(page.entries);
                        next.skipped += page.skipped;
                        next.pages.extend(page.urls);
                        next.more = page.next;
                    }
                    Err(error) => {
                        next.more = More::Failed {
                            url: url.clone(),
                            error,
                        }
                    }
                }
                Rc::new(State {
                    load: Load::Ready(Rc::new(next)),
                    focus,
                    shown_pages,
                    ..(*self).clone()
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready() -> Rc<Ready> {
        Rc::new(Ready::new(
            None,
            Vec::new(),
            0,
            vec!["https://iom.int/1.json".into()],
            More::Available("https://iom.int/2.json".into()),
        ))
    }

    fn entry(id: &str) -> Rc<Entry> {
        Rc::new(Entry {
            release: Release {
                id: id.into(),
                ..Release::default()
            },
            base_url: Rc::from("https://iom.int/"),
        })
    }

    fn more_of(state: &State) -> More {
        match &state.load {
            Load::Ready(ready) => ready.more.clone(),
            other => panic!("not ready: {other:?}"),
        }
    }

    #[test]
    fn loads_pages_one_at_a_time_and_focuses_the_first_new_release() {
        let state = Rc::new(State::default()).reduce(Action::Loaded(Ok(ready())));
        let state = state.reduce(Action::MoreRequested);
        assert_eq!(
            more_of(&state),
            More::Loading("https://iom.int/2.json".into())
        );
        let same = state.clone().reduce(Action::MoreRequested);
        assert!(
            Rc::ptr_eq(&state, &same),
            "a second request while loading does nothing"
        );
        let state = state.reduce(Action::PageLoaded(Ok(Page {
            urls: vec!["https://iom.int/2.json".into()],
            entries: vec![entry("b"), entry("c")],
            skipped: 1,
            next: More::Loop("https://iom.int/1.json".into()),
            focus: Some("b".into()),
        })));
        let Load::Ready(ready) = &state.load else {
            panic!()
        };
        assert_eq!(ready.entries.len(), 2);
        assert_eq!(ready.skipped, 1);
        assert_eq!(ready.pages.len(), 2);
        assert_eq!(ready.more, More::Loop("https://iom.int/1.json".into()));
        assert_eq!(state.focus, Focus::Item("b".into()));
        assert_eq!(state.shown_pages, 2, "the new page is shown");
        let again = state.clone().reduce(Action::MoreRequested);
        assert!(Rc::ptr_eq(&state, &again), "a loop offers no more pages");
    }

    #[test]
    fn merging_pages_finds_repeats_by_id_among_ids_that_share_a_long_prefix() {
        // Ids chosen to be expensive to compare: a linear lookup per release made merging two
        // pages of 10,000 such ids take half a minute; lookups now go through `by_id`.
        let prefix = "x".repeat(400);
        let page = |range: std::ops::Range<usize>| {
            range
                .map(|i| entry(&format!("{prefix}{i}")))
                .collect::<Vec<_>>()
        };
        let mut ready = Ready::new(None, page(0..3000), 0, Vec::new(), More::End);
        ready.add(page(2000..5000));
        assert_eq!(ready.entries.len(), 5000, "the 1000 repeats are left out");
        assert_eq!(ready.by_id.len(), 5000);
        for i in [0, 1999, 2000, 2999, 3000, 4999] {
            let id = format!("{prefix}{i}");
            assert_eq!(
                ready.entry(&id).map(|e| e.release.id.as_str()),
                Some(id.as_str())
            );
        }
        assert!(ready.entry(&format!("{prefix}5000")).is_none());
        assert_eq!(
            ready.entries[3000].release.id,
            format!("{prefix}3000"),
            "feed order kept"
        );
    }

    #[test]
    fn a_new_query_starts_from_the_first_page() {
        let state = Rc::new(State::default())
            .reduce(Action::Loaded(Ok(ready())))
            .reduce(Action::ShowMore("x".into()));
        assert_eq!(state.shown_pages, 2);
        let query = Query {
            text: "labour".into(),
            ..Query::default()
        };
        let state = state.reduce(Action::Search(query.clone(), Origin::Reader));
        assert_eq!((state.shown_pages, &state.query), (1, &query));
        let same = state.clone().reduce(Action::Search(query, Origin::Reader));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn the_copy_status_lasts_until_the_view_changes() {
        let state =
            Rc::new(State::new(Some("a".into()), Query::default())).reduce(Action::Copied(true));
        assert_eq!(state.copied, Some(true));
        assert_eq!(
            state
                .clone()
                .reduce(Action::Open(None, Origin::Reader))
                .copied,
            None
        );
    }

    #[test]
    fn a_failed_page_can_be_tried_again() {
        let state = Rc::new(State::default())
            .reduce(Action::Loaded(Ok(ready())))
            .reduce(Action::MoreRequested)
            .reduce(Action::PageLoaded(Err(LoadError::NoFeed)));
        assert!(matches!(more_of(&state), More::Failed { .. }));
        let state = state.reduce(Action::MoreRequested);
        assert_eq!(
            more_of(&state),
            More::Loading("https://iom.int/2.json".into())
        );
    }

    #[test]
    fn keeps_the_linked_release_through_loading() {
        let state = Rc::new(State::new(Some("a".into()), Query::default()));
        let state = state.reduce(Action::Loaded(Ok(ready())));
        assert_eq!(state.open.as_deref(), Some("a"));
        assert!(matches!(state.load, Load::Ready(_)));
        assert_eq!(state.focus, Focus::Keep, "loading never moves focus");
    }

    #[test]
    fn opening_focuses_the_heading_and_closing_the_item() {
        let state = Rc::new(State::default()).reduce(Action::Loaded(Ok(ready())));
        let state = state.reduce(Action::Open(Some("a".into()), Origin::Reader));
        assert_eq!(state.focus, Focus::Heading);
        let state = state.reduce(Action::Open(None, Origin::Reader));
        assert_eq!(state.open, None);
        assert_eq!(state.focus, Focus::Item("a".into()));
    }

    #[test]
    fn back_and_forward_set_the_release_and_the_search_from_the_address() {
        let query = Query {
            text: "labour".into(),
            ..Query::default()
        };
        let state = Rc::new(State::default())
            .reduce(Action::Loaded(Ok(ready())))
            .reduce(Action::Open(Some("a".into()), Origin::Reader));
        assert_eq!(state.origin, Origin::Reader);
        let state = state.reduce(Action::Navigate(None, query.clone()));
        assert_eq!((state.open.as_deref(), &state.query), (None, &query));
        assert_eq!(
            state.origin,
            Origin::Address,
            "the address already holds it"
        );
        assert_eq!(state.focus, Focus::Item("a".into()));
    }

    #[test]
    fn showing_what_is_shown_changes_nothing() {
        let state = Rc::new(State::new(Some("a".into()), Query::default()));
        let same = state
            .clone()
            .reduce(Action::Open(Some("a".into()), Origin::Reader));
        assert!(Rc::ptr_eq(&state, &same));
    }

    #[test]
    fn a_failed_load_keeps_the_error() {
        let error = LoadError::Http {
            url: "news.json".into(),
            status: 404,
        };
        let state = Rc::new(State::default()).reduce(Action::Loaded(Err(error.clone().into())));
        assert_eq!(state.load, Load::Failed(error.into()));
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
