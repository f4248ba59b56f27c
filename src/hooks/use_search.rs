//! Search results, the list they give, and the filter controls, for the views.

use std::cell::RefCell;
use std::rc::Rc;

use iom_news_core::i18n::{fill, message, plural, Counted, Key, Lang};
use iom_news_core::query::{Facet, Filter, Query, Results, Search};
use iom_news_core::Release;
use yew::prelude::*;

use crate::browser::{console, intl, tasks};
use crate::config::WidgetConfig;
use crate::model::{Card, Display, FacetControl, FacetOption, Listing};
use crate::state::{Load, Ready, State};

/// The search session of the feed being shown: made when a feed (or a further page) loads,
/// kept between keystrokes.
type Session = Rc<RefCell<(Option<Rc<Ready>>, Search)>>;

/// How many releases get their search text prepared in one slice of idle time.
const WARM_SLICE: usize = 200;

/// What the list view shows: the releases that match the reader's search and filters (and
/// the page's `preset`), `page-size` per page shown, with their dates and countries in the
/// reader's language, and the filter controls with facet counts.
pub struct Found {
    /// The releases shown and how many match.
    pub listing: Rc<Listing>,
    /// The filter controls.
    pub controls: Rc<Vec<FacetControl>>,
    /// How many filters the reader has set, in their digits (empty for none).
    pub active: AttrValue,
}

/// Runs the search when the feed, the search or the filters change, and makes what the list
/// shows: display values only for the releases shown. Once a feed is shown, the search texts
/// are prepared a slice at a time, so that the first keystroke finds them ready and showing
/// the list never waits for them.
#[hook]
pub fn use_search(state: &State, config: &WidgetConfig) -> Found {
    let session: Session = use_mut_ref(|| (None, Search::default()));
    let ready = match &state.load {
        Load::Ready(ready) => Some(ready.clone()),
        _ => None,
    };
    {
        let session = Rc::downgrade(&session);
        use_effect_with(ready, move |ready| {
            let Some(ready) = ready else {
                return;
            };
            console::mark("iom-news:rendered");
            let ready = Rc::downgrade(ready);
            wasm_bindgen_futures::spawn_local(async move {
                let mut next = 0;
                while let (Some(ready), Some(session)) = (ready.upgrade(), session.upgrade()) {
                    let end = {
                        let releases = releases_of(&ready);
                        let mut session = session.borrow_mut();
                        session_for(&mut session, &ready, &releases)
                            .prepare(&releases, next, WARM_SLICE)
                    };
                    if end == next {
                        break;
                    }
                    next = end;
                    drop((ready, session));
                    tasks::next_task().await;
                }
            });
        });
    }
    // One memo for the search, the list and the controls (each memo is code in the wasm): a
    // keystroke redoes all three anyway, and "More news" or a new language search again from
    // the last keystroke's matches, which is quick.
    let found = use_memo(
        (
            state.load.clone(),
            state.query.clone(),
            config.preset.clone(),
            config.page_size * state.shown_pages,
            config.lang,
            config.search_translations,
        ),
        move |(load, query, preset, limit, lang, all_versions)| {
            let Load::Ready(ready) = load else {
                return (Rc::default(), Rc::default());
            };
            console::mark("iom-news:query-start");
            let releases = releases_of(ready);
            let results = {
                let mut session = session.borrow_mut();
                let search = session_for(&mut session, ready, &releases);
                search.prefer(lang.tag());
                search.match_all_versions(*all_versions);
                search.run(&releases, query, preset)
            };
            console::measure_since("iom-news:query", "iom-news:query-start");
            (
                Rc::new(listing_of(ready, &results, *limit, *lang, query)),
                Rc::new(controls_of(&results, preset, &query.filter, *lang)),
            )
        },
    );
    let active = match state.query.filter.count() {
        0 => AttrValue::default(),
        n => AttrValue::from(intl::number(n, config.lang)),
    };
    Found {
        listing: found.0.clone(),
        controls: found.1.clone(),
        active,
    }
}

fn releases_of(ready: &Ready) -> Vec<&Release> {
    ready.entries.iter().map(|e| &e.release).collect()
}

/// The session for `ready`, made anew when the feed (or its pages) changed.
fn session_for<'s>(
    session: &'s mut (Option<Rc<Ready>>, Search),
    ready: &Rc<Ready>,
    releases: &[&Release],
) -> &'s mut Search {
    if !session.0.as_ref().is_some_and(|r| Rc::ptr_eq(r, ready)) {
        *session = (Some(ready.clone()), Search::new(releases));
    }
    &mut session.1
}

/// The matches up to `limit`, with display values made for those only.
fn listing_of(
    ready: &Ready,
    results: &Results,
    limit: usize,
    lang: Lang,
    query: &Query,
) -> Listing {
    Listing {
        cards: Rc::new(
            results
                .matches
                .iter()
                .take(limit)
                .map(|&i| {
                    let entry = ready.entries[i].clone();
                    let display = Rc::new(display_of(&entry.release, lang));
                    Card { entry, display }
                })
                .collect(),
        ),
        first_hidden: results
            .matches
            .get(limit)
            .map(|&i| ready.entries[i].release.id.clone()),
        said: fill(
            plural(
                lang,
                Counted::Results,
                intl::plural(results.matches.len(), lang),
            ),
            &[("count", &intl::number(results.matches.len(), lang))],
        ),
        words: Rc::new(query.words()),
        stale: ready.stale.as_deref().map(|date| {
            let date = intl::format_date(date, lang).unwrap_or_else(|| date.to_string());
            fill(message(lang, Key::ShownAsOf), &[("date", &date)])
        }),
    }
}

/// A release's date and countries in `lang`.
pub fn display_of(release: &Release, lang: Lang) -> Display {
    Display {
        date: release
            .date_published
            .as_deref()
            .and_then(|date| intl::format_date(date, lang)),
        countries: intl::list(
            &release
                .iom
                .countries
                .iter()
                .map(|code| intl::country_name(code, lang))
                .collect::<Vec<_>>(),
            lang,
        ),
    }
}

/// The filter controls: each facet with a choice to make (two values or more, or one already
/// chosen), but those the page's preset locks; values named in the reader's language.
fn controls_of(
    results: &Results,
    preset: &Filter,
    chosen: &Filter,
    lang: Lang,
) -> Vec<FacetControl> {
    results
        .facets
        .iter()
        .filter(|(facet, values)| {
            preset.values(*facet).is_empty()
                && (values.len() > 1 || !chosen.values(*facet).is_empty())
        })
        .map(|(facet, values)| {
            let mut options: Vec<FacetOption> = values
                .iter()
                .map(|(value, count)| FacetOption {
                    label: match facet {
                        Facet::Country => intl::country_name(value, lang),
                        Facet::Language => intl::language_name(value, lang.tag()),
                        _ => value.clone(),
                    },
                    value: value.clone(),
                    count: intl::number(*count, lang),
                })
                .collect();
            // Countries and languages are looked up by name, in the reader's alphabet.
            if matches!(facet, Facet::Country | Facet::Language) {
                intl::sort_by_name(&mut options, lang, |o| &o.label);
            }
            FacetControl {
                facet: *facet,
                options,
            }
        })
        .collect()
}
