//! The root component: loads the feed, owns the state, and switches between the views.

use std::cell::OnceCell;
use std::rc::Rc;

use iom_news_core::body::Body;
use iom_news_core::embed::Layout;
use iom_news_core::i18n::{message, Key, Lang};
use iom_news_core::query::{self, Facet, FacetIndex, Filter, Indexed, Query, Results};
use iom_news_core::{paging, Feed, Release};
use yew::prelude::*;

use crate::components::error_notice::error_notice;
use crate::components::feed_list::FeedList;
use crate::components::release_view::ReleaseView;
use crate::components::search_bar::{FacetControl, FacetOption, SearchBar};
use crate::glue::{self, FeedSource, WidgetConfig};
use crate::state::{
    Action, Display, Entry, Focus, Load, LoadError, More, Page, Ready, State, Translation,
};

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The instance's settings, from its embed attributes.
    pub config: WidgetConfig,
}

/// One widget instance.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let lang = config.lang;
    let state = use_reducer({
        let (key, links) = (config.link_key.clone(), config.links);
        move || match links {
            true => State::with_query(glue::linked_release(&key), glue::linked_query(&key)),
            false => State::new(None),
        }
    });

    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (config.feed.clone(), lang),
            // A new language reloads too: display values are made once per release.
            move |(feed, _lang)| {
                match feed {
                    // A feed given as text, or inline in the page, loads at once, so the first flush
                    // shows it.
                    FeedSource::Text(text) => {
                        dispatcher.dispatch(Action::Loaded(prepare(text, glue::page_url())));
                    }
                    FeedSource::Inline(id) => {
                        let result =
                            glue::inline_feed(id).and_then(|text| prepare(&text, glue::page_url()));
                        dispatcher.dispatch(Action::Loaded(result));
                    }
                    FeedSource::Missing => {
                        dispatcher.dispatch(Action::Loaded(Err(LoadError::NoFeed)))
                    }
                    FeedSource::Url(url) => {
                        let url = url.clone();
                        // A fetch that lands after the feed changed (or the widget went) is
                        // dropped: it must not overwrite the feed that replaced it.
                        let current = Rc::new(std::cell::Cell::new(true));
                        let still = current.clone();
                        wasm_bindgen_futures::spawn_local(async move {
                            let result = match glue::fetch_text(&url).await {
                                Ok((text, base)) if still.get() => prepare(&text, base),
                                Ok(_) => return,
                                Err(e) => Err(e),
                            };
                            if still.get() {
                                dispatcher.dispatch(Action::Loaded(result));
                            }
                        });
                        return Box::new(move || current.set(false)) as Box<dyn FnOnce()>;
                    }
                }
                Box::new(|| ())
            },
        );
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(
            (config.link_key.clone(), config.links),
            move |(key, links)| {
                let on_change = Callback::from(move |(id, query)| {
                    dispatcher.dispatch(Action::Query(query));
                    dispatcher.dispatch(Action::Show(id));
                });
                // With deep links off, the widget never reads or writes the address.
                let listeners = if *links {
                    glue::listen_navigation(key, on_change)
                } else {
                    Vec::new()
                };
                move || drop(listeners)
            },
        );
    }
    use_effect_with(state.load.clone(), |load| match load {
        Load::Failed(error) => glue::report_error(error),
        Load::Ready(ready) => {
            glue::mark("iom-news:rendered");
            // Prepare the search texts after the list is shown, a slice at a time, so that
            // the first keystroke finds them ready and nothing waits for them.
            let ready = Rc::downgrade(ready);
            wasm_bindgen_futures::spawn_local(async move {
                let mut next = 0;
                while let Some(ready) = ready.upgrade() {
                    let end = (next + 200).min(ready.entries.len());
                    if next >= end {
                        break;
                    }
                    for entry in &ready.entries[next..end] {
                        entry.indexed.text(&entry.release);
                    }
                    next = end;
                    drop(ready);
                    glue::yield_to_browser().await;
                }
            });
        }
        Load::Loading => {}
    });

    let show = {
        let dispatcher = state.dispatcher();
        let config = config.clone();
        let open = state.open.clone();
        Callback::from(move |id: Option<String>| {
            if config.links {
                glue::push_release(&config.link_key, id.as_deref());
            }
            match (&id, &open) {
                (Some(id), _) => glue::announce(config.events.as_ref(), "iom-news:open", id),
                (None, Some(closed)) => {
                    glue::announce(config.events.as_ref(), "iom-news:close", closed)
                }
                (None, None) => {}
            }
            dispatcher.dispatch(Action::Show(id));
        })
    };
    let on_open = show.reform(Some);
    let on_close = show.reform(|()| None);
    let last_base = use_mut_ref(|| None::<LastSearch>);
    let results = use_memo(
        (
            state.load.clone(),
            state.query.clone(),
            config.filter.clone(),
        ),
        move |(load, query, preset)| match load {
            Load::Ready(ready) => search(ready, query, preset, &mut last_base.borrow_mut()),
            _ => Results::default(),
        },
    );
    let listing = use_memo(
        (
            state.load.clone(),
            results.clone(),
            config.page_size * state.shown_pages,
            lang,
            state.query.text.clone(),
        ),
        |(load, results, limit, lang, text)| match load {
            Load::Ready(ready) => {
                let words = Query {
                    text: text.clone(),
                    ..Query::default()
                }
                .words();
                Listing::of(ready, results, *limit, *lang, words)
            }
            _ => Listing::default(),
        },
    );
    let controls = use_memo(
        (
            results.clone(),
            config.filter.clone(),
            state.query.filter.clone(),
            lang,
        ),
        |(results, preset, chosen, lang)| controls_of(results, preset, chosen, *lang),
    );
    // The search and filters live in the address (before the next render, so that the links
    // it makes carry them), and a filtered view can be shared.
    let on_query = {
        let dispatcher = state.dispatcher();
        let (key, links) = (config.link_key.clone(), config.links);
        Callback::from(move |query: Query| {
            if links {
                glue::replace_query(&key, &query);
            }
            dispatcher.dispatch(Action::Query(query));
        })
    };
    let on_more = {
        let dispatcher = state.dispatcher();
        let load = state.load.clone();
        let listing = listing.clone();
        let filter = state.query.filter.clone();
        let preset = config.filter.clone();
        Callback::from(move |()| {
            let Load::Ready(ready) = &load else {
                return;
            };
            if let Some(first_hidden) = &listing.first_hidden {
                dispatcher.dispatch(Action::ShowMore(first_hidden.clone()));
                return;
            }
            let (More::Available(url) | More::Failed { url, .. }) = &ready.more else {
                return;
            };
            dispatcher.dispatch(Action::MoreRequested);
            let (url, ready, dispatcher) = (url.clone(), ready.clone(), dispatcher.clone());
            let (filter, preset) = (filter.clone(), preset.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = load_page(&url, &ready, &[&filter, &preset]).await;
                if let Err(error) = &result {
                    glue::report_error(error);
                }
                dispatcher.dispatch(Action::PageLoaded(result));
            });
        })
    };
    let on_clear = on_query.reform(|()| Query::default());
    let link_for = {
        let (key, links, load) = (config.link_key.clone(), config.links, state.load.clone());
        Callback::from(move |id: String| {
            if links {
                return AttrValue::from(glue::release_href(&key, Some(&id)));
            }
            // Without deep links, a new tab opens the original release, when there is one.
            let original = match &load {
                Load::Ready(ready) => ready.entry(&id).and_then(|e| e.release.url.clone()),
                _ => None,
            };
            AttrValue::from(original.unwrap_or_else(|| "#".to_string()))
        })
    };

    let open_entry = match (&state.load, &state.open) {
        (Load::Ready(ready), Some(id)) => ready.entry(id).cloned(),
        _ => None,
    };
    if let Some(entry) = &open_entry {
        entry
            .display
            .get_or_init(|| display_of(&entry.release, lang));
    }
    let translations = use_memo(
        (
            open_entry.clone(),
            state.load.clone(),
            config.link_key.clone(),
            config.links,
        ),
        |(entry, load, key, links)| match (entry, load) {
            (Some(entry), Load::Ready(ready)) => translations_of(entry, ready, key, *links),
            _ => Vec::new(),
        },
    );
    let share_url = open_entry.as_ref().and_then(|entry| {
        if config.links {
            glue::release_url(&config.link_key, &entry.release.id)
        } else {
            entry.release.url.clone()
        }
    });
    let on_copy = {
        let (dispatcher, url) = (state.dispatcher(), share_url.clone());
        Callback::from(move |()| {
            if let Some(url) = url.clone() {
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    dispatcher.dispatch(Action::Copied(glue::copy_text(&url).await));
                });
            }
        })
    };
    let body = use_memo(open_entry.clone(), |entry| {
        entry
            .as_ref()
            .map_or_else(Body::default, |entry| body_of(entry))
    });

    let content = match (&state.load, &state.open) {
        (Load::Loading, _) => html! {
            <p class="iom-news__status" role="status">{ message(lang, Key::Loading) }</p>
        },
        (Load::Failed(error), _) => error_notice(error, lang),
        (Load::Ready(_), Some(_)) => match open_entry {
            Some(entry) => html! {
                <ReleaseView
                    {entry}
                    {body}
                    {lang}
                    {on_close}
                    focus_heading={state.focus == Focus::Heading}
                    {translations}
                    on_open={on_open.clone()}
                    {share_url}
                    {on_copy}
                    copied={state.copied}
                />
            },
            None => html! {
                <div class="iom-news__status" role="alert">
                    <p>{ message(lang, Key::ReleaseNotFound) }</p>
                    <button type="button" class="iom-news__back" onclick={on_close.reform(|_| ())}>
                        { message(lang, Key::BackToAll) }
                    </button>
                </div>
            },
        },
        (Load::Ready(ready), None) => {
            let focus = match &state.focus {
                Focus::Item(id) => Some(id.clone()),
                _ => None,
            };
            html! {
                <>
                    if ready.title.is_some() {
                        <h2 class="iom-news__feed-title">{ ready.title.clone() }</h2>
                    }
                    // A sidebar's compact list has no room for the controls.
                    if config.layout != Layout::Compact
                        && (ready.entries.len() > 1 || !state.query.is_empty())
                    {
                        <SearchBar
                            query={state.query.clone()}
                            {controls}
                            {lang}
                            {on_query}
                        />
                    }
                    <FeedList
                        entries={listing.shown.clone()}
                        matched={results.matches.len()}
                        searching={!state.query.is_empty()}
                        words={listing.words.clone()}
                        skipped={ready.skipped}
                        more={ready.more.clone()}
                        has_hidden={listing.first_hidden.is_some()}
                        filtered={!config.filter.is_empty()}
                        layout={config.layout}
                        {lang}
                        {on_open}
                        {on_more}
                        on_clear={on_clear}
                        {link_for}
                        {focus}
                    />
                </>
            }
        }
    };

    html! {
        // Not a landmark: a page may hold several widgets, and the host decides its regions.
        <div
            class={classes!("iom-news", config.layout.class())}
            data-theme={config.theme.name()}
            lang={lang.tag()}
            dir={lang.dir()}
        >
            { content }
        </div>
    }
}

/// Validates the first page's text and works out what the views show, reporting problems.
fn prepare(text: &str, base_url: String) -> Result<Rc<Ready>, LoadError> {
    glue::mark("iom-news:loaded");
    let parsed = Feed::parse_with_base(text, Some(&base_url)).map_err(LoadError::Feed)?;
    glue::measure_since("iom-news:parse", "iom-news:loaded");
    glue::report_problems(&base_url, &parsed.skipped, &parsed.warnings);
    // Relative links in bodies resolve against the feed's own URL, else where it came from.
    let base: Rc<str> = Rc::from(parsed.feed.feed_url.as_deref().unwrap_or(&base_url));
    let pages: Vec<String> = [Some(base_url.clone()), parsed.feed.feed_url.clone()]
        .into_iter()
        .flatten()
        .collect();
    let more = next_of(&pages, parsed.feed.next_url.as_deref());
    Ok(Rc::new(Ready::new(
        parsed.feed.title,
        entries(parsed.feed.items, &base),
        parsed.skipped.len(),
        pages,
        more,
    )))
}

/// Loads the next page of a paged feed, keeping only releases not already shown.
async fn load_page(url: &str, ready: &Ready, filters: &[&Filter]) -> Result<Page, LoadError> {
    let (text, served_from) = glue::fetch_text(url).await?;
    let parsed = Feed::parse_with_base(&text, Some(&served_from)).map_err(LoadError::Feed)?;
    glue::report_problems(&served_from, &parsed.skipped, &parsed.warnings);
    let (fresh, repeated): (Vec<Release>, Vec<Release>) = parsed
        .feed
        .items
        .into_iter()
        .partition(|release| ready.entry(&release.id).is_none());
    glue::report_repeated(&served_from, repeated.iter().map(|r| r.id.as_str()));
    let base: Rc<str> = Rc::from(parsed.feed.feed_url.as_deref().unwrap_or(&served_from));
    let mut urls = vec![url.to_string()];
    if served_from != url {
        urls.push(served_from);
    }
    let loaded: Vec<String> = ready.pages.iter().chain(&urls).cloned().collect();
    Ok(Page {
        focus: fresh
            .iter()
            .find(|r| filters.iter().all(|f| f.fits(r)))
            .map(|r| r.id.clone()),
        next: next_of(&loaded, parsed.feed.next_url.as_deref()),
        urls,
        entries: entries(fresh, &base),
        skipped: parsed.skipped.len() + repeated.len(),
    })
}

/// What the last search leaves for the next keystroke: over which releases, their newest-first
/// order (sorted once) and facet index (made once), what was asked, and its base (see
/// [`Results::base`]), from which a narrower search can start.
struct LastSearch {
    ready: Rc<Ready>,
    order: Rc<Vec<usize>>,
    facets: Rc<FacetIndex>,
    query: Query,
    preset: Filter,
    base: Rc<Vec<usize>>,
}

/// Runs the query, starting from the last search's matches when this one narrows it.
fn search(
    ready: &Rc<Ready>,
    query: &Query,
    preset: &Filter,
    last: &mut Option<LastSearch>,
) -> Results {
    glue::mark("iom-news:query-start");
    let items: Vec<(&Release, &Indexed)> = ready
        .entries
        .iter()
        .map(|e| (&e.release, &e.indexed))
        .collect();
    let same_feed = last.as_ref().filter(|l| Rc::ptr_eq(&l.ready, ready));
    let order = same_feed.map_or_else(|| Rc::new(query::newest_first(&items)), |l| l.order.clone());
    let facets = same_feed.map_or_else(|| Rc::new(FacetIndex::of(&items)), |l| l.facets.clone());
    let narrowed = same_feed.filter(|l| &l.preset == preset && query.narrows(&l.query));
    let (within, known) = match narrowed {
        // Every release in the last base holds the last query's words.
        Some(l) => (l.base.clone(), l.query.words()),
        None => (order.clone(), Vec::new()),
    };
    let results = query::run_with(&items, &facets, query, preset, Some(&within), &known);
    *last = Some(LastSearch {
        ready: ready.clone(),
        order,
        facets,
        query: query.clone(),
        preset: preset.clone(),
        base: Rc::new(results.base.clone()),
    });
    glue::measure_since("iom-news:query", "iom-news:query-start");
    results
}

/// The releases the list shows: the matches, up to the limit.
#[derive(Debug, Default, PartialEq)]
struct Listing {
    /// The releases shown.
    shown: Rc<Vec<Rc<Entry>>>,
    /// The first match beyond the limit.
    first_hidden: Option<String>,
    /// The folded search words, for highlighting.
    words: Rc<Vec<String>>,
}

impl Listing {
    fn of(
        ready: &Ready,
        results: &Results,
        limit: usize,
        lang: Lang,
        words: Vec<String>,
    ) -> Listing {
        let shown: Vec<Rc<Entry>> = results
            .matches
            .iter()
            .take(limit)
            .map(|&i| ready.entries[i].clone())
            .collect();
        // Dates and country names are made for the releases shown, and only once.
        for entry in &shown {
            entry
                .display
                .get_or_init(|| display_of(&entry.release, lang));
        }
        Listing {
            shown: Rc::new(shown),
            first_hidden: results
                .matches
                .get(limit)
                .map(|&i| ready.entries[i].release.id.clone()),
            words: Rc::new(words),
        }
    }
}

/// The filter controls: each facet with a choice to make (two values or more, or one already
/// chosen), but those the embed locks.
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
        .map(|(facet, values)| FacetControl {
            facet: *facet,
            options: values
                .iter()
                .map(|(value, count)| FacetOption {
                    label: match facet {
                        Facet::Country => glue::country_name(value, lang),
                        Facet::Language => glue::language_name(value, lang.tag()),
                        _ => value.clone(),
                    },
                    value: value.clone(),
                    count: *count,
                })
                .collect(),
        })
        .collect()
}

/// The links to a release in other languages: releases of this feed open in place, URLs
/// open elsewhere. Each language is named in its own words.
fn translations_of(entry: &Entry, ready: &Ready, key: &str, links: bool) -> Vec<Translation> {
    entry
        .release
        .iom
        .translations
        .iter()
        .map(|(lang, target)| {
            let name = glue::language_name(lang, lang);
            match ready.entry(target) {
                Some(other) => {
                    let id = other.release.id.clone();
                    let href = if links {
                        glue::release_href(key, Some(&id))
                    } else {
                        other.release.url.clone().unwrap_or_else(|| "#".into())
                    };
                    Translation {
                        lang: lang.clone(),
                        name,
                        href,
                        id: Some(id),
                    }
                }
                None => Translation {
                    lang: lang.clone(),
                    name,
                    href: target.clone(),
                    id: None,
                },
            }
        })
        // An id that is not in the feed (and is no URL) has nowhere to go.
        .filter(|t| t.id.is_some() || iom_news_core::url::allowed_scheme(&t.href).is_some())
        .collect()
}

/// What follows a page; a loop is reported in the console.
fn next_of(loaded: &[String], next_url: Option<&str>) -> More {
    let next = paging::next_page(loaded, next_url);
    if let paging::NextPage::Loop(url) = &next {
        glue::report_loop(url);
    }
    next.into()
}

/// Releases ready for the views, with their search index.
fn entries(releases: Vec<Release>, base_url: &Rc<str>) -> Vec<Rc<Entry>> {
    releases
        .into_iter()
        .map(|release| {
            Rc::new(Entry {
                indexed: Indexed::of(&release),
                display: OnceCell::new(),
                base_url: base_url.clone(),
                release,
            })
        })
        .collect()
}

/// A release's date and countries in the reader's language.
fn display_of(release: &Release, lang: Lang) -> Display {
    Display {
        date: release
            .date_published
            .as_deref()
            .and_then(|date| glue::format_date(date, lang)),
        countries: release
            .iom
            .countries
            .iter()
            .map(|code| glue::country_name(code, lang))
            .collect(),
    }
}

/// The sanitized body of a release: its HTML through the allow-list, else its text.
fn body_of(entry: &Entry) -> Body {
    let release = &entry.release;
    let from_html = release
        .content_html
        .as_deref()
        .map(|html| glue::parse_html_body(html, &entry.base_url));
    match (from_html, &release.content_text) {
        // HTML that sanitizes to nothing falls back to the text version.
        (Some(body), Some(text)) if body.is_empty() => Body::from_text(text),
        (Some(body), _) => body,
        (None, Some(text)) => Body::from_text(text),
        (None, None) => Body::default(),
    }
}
