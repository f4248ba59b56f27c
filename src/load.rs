//! Loading feeds: fetched or read from the page, validated by core, made ready to show; and
//! the next pages of a paged feed.

use std::rc::Rc;

use iom_news_core::query::Filter;
use iom_news_core::{paging, Feed, Release};

use crate::browser::tasks::{after, next_task};
use crate::browser::{address, clock, console, network, storage};
use crate::config::{FeedSource, Prefetched};
use crate::state::{Entry, Failure, LoadError, More, Page, Ready};

/// The feed `source` names when it can be had without waiting (text, an inline feed, or the
/// lack of a feed), so that the first render shows it; `None` for a URL, which [`fetch_feed`]
/// loads.
pub fn load_at_once(source: &FeedSource) -> Option<Result<Ready, LoadError>> {
    Some(match source {
        FeedSource::Text(text) => prepare(text, address::base_url()),
        FeedSource::Inline(id) => match network::inline_feed(id) {
            Ok(text) => prepare(&text, address::base_url()),
            Err(reason) => Err(LoadError::Inline {
                id: id.clone(),
                reason: reason.into(),
            }),
        },
        FeedSource::Missing => Err(LoadError::NoFeed),
        FeedSource::Url(_) => return None,
    })
}

/// Fetches and prepares the feed at `url`, using the loader's early response when it is for
/// that URL. A fetch that fails for a reason that may pass (the network, a server error) is
/// tried again, twice, after one and three seconds; one that times out is not (it has made
/// the reader wait long enough). If the feed still cannot be had, the last good copy kept in
/// the page's storage is shown, marked with its date.
pub async fn fetch_feed(
    url: &str,
    prefetched: Option<Prefetched>,
    timeout_ms: u32,
) -> Result<Ready, Failure> {
    let mut early = prefetched
        .and_then(|p| p.take_for(url))
        .and_then(|r| wasm_bindgen::JsCast::dyn_into(r).ok());
    let mut attempt = 0;
    // The home page an unusable document names, for the failure message.
    let mut home_page = None;
    loop {
        let result = match fetch(url, early.take(), timeout_ms).await {
            Ok(fetched) => {
                // Reading the feed and rendering it are tasks of their own, and so is keeping
                // the copy (two tasks on: after the render), so that no one task holds the page
                // for long.
                next_task().await;
                match prepare(&fetched.text, fetched.url.clone()) {
                    Ok(ready) => {
                        let (url, text) = (url.to_string(), fetched.text);
                        wasm_bindgen_futures::spawn_local(async move {
                            next_task().await;
                            next_task().await;
                            keep_copy(&url, &text);
                        });
                        Ok(ready)
                    }
                    Err(error) => {
                        home_page = Feed::home_page_of(&fetched.text, Some(&fetched.url));
                        Err(error)
                    }
                }
            }
            Err(error) => Err(error),
        };
        match result {
            Ok(ready) => {
                next_task().await;
                return Ok(ready);
            }
            Err(error) if attempt < RETRIES.len() && passing(&error) => {
                console::warn(&format!(
                    "iom-news: {error}; trying again in {} s",
                    RETRIES[attempt] / 1000
                ));
                after(RETRIES[attempt]).await;
                attempt += 1;
            }
            Err(error) => {
                return match kept_copy(url) {
                    Ok(ready) => {
                        console::error(&format!(
                            "iom-news: {error}; showing the copy kept from {}",
                            ready.stale.as_deref().unwrap_or("an earlier visit")
                        ));
                        Ok(ready)
                    }
                    Err(kept_home_page) => Err(Failure {
                        error,
                        home_page: home_page.or(kept_home_page),
                    }),
                }
            }
        }
    }
}

/// The waits before trying a failed fetch again, in milliseconds.
const RETRIES: [u32; 2] = [1000, 3000];

/// Whether a failure may pass if tried again soon.
fn passing(error: &LoadError) -> bool {
    match error {
        LoadError::Network { detail, .. } => !detail.starts_with("no answer within"),
        LoadError::Http { status, .. } => *status >= 500 || matches!(status, 408 | 429),
        _ => false,
    }
}

/// How long a kept copy is shown for when the feed cannot be had: older news is no longer
/// worth showing as "the news".
const COPY_MAX_AGE_DAYS: f64 = 90.0;

fn copy_key(url: &str) -> String {
    format!("iom-news:feed:{}", address::absolute(url))
}

/// The largest feed text (UTF-8 bytes) a copy is kept of. Browsers give a site about five
/// million characters of `localStorage` in all (Chromium: 5,000,000 ASCII characters fit,
/// 5,300,000 do not), shared with the host page; a larger feed could not be kept, and copying it
/// to try would add its whole size to the widget's memory at the peak of loading (36.9 MB for
/// 10,000 synthetic releases).
const COPY_MAX_BYTES: usize = 4_000_000;

/// Keeps the feed's text, with today's date, in the page's storage (nothing happens when
/// storage is disabled or full; a feed over `COPY_MAX_BYTES` is not kept, and the console says
/// so once).
fn keep_copy(url: &str, text: &str) {
    if text.len() > COPY_MAX_BYTES {
        console::warn_once(&format!(
            "iom-news: the feed {} is {}.{} MB, more than the {} MB a copy is kept of in the \
             page's storage; when it cannot be fetched, readers get the short message instead \
             of the last good copy",
            iom_news_core::quoted(url),
            text.len() / 1_000_000,
            text.len() / 100_000 % 10,
            COPY_MAX_BYTES / 1_000_000
        ));
        return;
    }
    storage::put(&copy_key(url), &format!("{}\n{text}", clock::now()));
}

/// The last good copy of the feed, when one is kept and not too old; else (`Err`) the home
/// page a kept copy names, however old, for the failure message.
fn kept_copy(url: &str) -> Result<Ready, Option<String>> {
    let kept = storage::get(&copy_key(url)).ok_or(None)?;
    let (date, text) = kept.split_once('\n').ok_or(None)?;
    let base = address::absolute(url);
    let age_days = clock::days_since(date);
    if !(0.0..=COPY_MAX_AGE_DAYS).contains(&age_days) {
        return Err(Feed::home_page_of(text, Some(&base)));
    }
    let mut ready =
        prepare(text, base.clone()).map_err(|_| Feed::home_page_of(text, Some(&base)))?;
    ready.stale = Some(date.to_string());
    Ok(ready)
}

async fn fetch(
    url: &str,
    early: Option<js_sys::Promise>,
    timeout_ms: u32,
) -> Result<network::Fetched, LoadError> {
    let fetched =
        network::fetch_feed(url, early, timeout_ms)
            .await
            .map_err(|failure| match failure {
                network::Failure::Status(status) => LoadError::Http {
                    url: url.into(),
                    status,
                },
                network::Failure::Network(detail) => LoadError::Network {
                    url: url.into(),
                    detail,
                },
                network::Failure::TimedOut(seconds) => LoadError::Network {
                    url: url.into(),
                    detail: format!("no answer within {seconds} s"),
                },
            })?;
    if let Some(problem) = &fetched.problem {
        console::warn(&format!(
            "iom-news: the feed {} is {problem}; shown with replacement characters",
            iom_news_core::quoted(url)
        ));
    }
    Ok(fetched)
}

/// Validates the first page's text and works out what the views show, reporting problems.
fn prepare(text: &str, base_url: String) -> Result<Ready, LoadError> {
    console::mark("iom-news:loaded");
    let parsed = Feed::parse_with_base(text, Some(&base_url)).map_err(LoadError::Feed)?;
    console::measure_since("iom-news:parse", "iom-news:loaded");
    console::report_problems(&base_url, &parsed.skipped, &parsed.warnings);
    // Relative links in bodies resolve against the feed's own URL, else where it came from.
    let base: Rc<str> = Rc::from(parsed.feed.feed_url.as_deref().unwrap_or(&base_url));
    let pages: Vec<String> = [Some(base_url), parsed.feed.feed_url.clone()]
        .into_iter()
        .flatten()
        .collect();
    let more = next_of(&pages, parsed.feed.next_url.as_deref());
    Ok(Ready::new(
        parsed.feed.title,
        entries(parsed.feed.items, &base),
        parsed.skipped.len(),
        pages,
        more,
    ))
}

/// Loads the next page of a paged feed, keeping only releases not already shown; its first
/// release that passes `filters` takes focus.
pub async fn next_page(
    url: &str,
    ready: &Ready,
    filters: [&Filter; 2],
    timeout_ms: u32,
) -> Result<Page, LoadError> {
    let fetched = fetch(url, None, timeout_ms).await?;
    let served_from = fetched.url;
    let parsed =
        Feed::parse_with_base(&fetched.text, Some(&served_from)).map_err(LoadError::Feed)?;
    console::report_problems(&served_from, &parsed.skipped, &parsed.warnings);
    let (fresh, repeated): (Vec<Release>, Vec<Release>) = parsed
        .feed
        .items
        .into_iter()
        .partition(|release| ready.entry(&release.id).is_none());
    for release in repeated.iter().take(50) {
        console::warn(&format!(
            "iom-news: {served_from}: the release {} is already on an earlier page; skipped",
            iom_news_core::quoted(&release.id)
        ));
    }
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

/// What follows a page; a loop is reported in the console.
fn next_of(loaded: &[String], next_url: Option<&str>) -> More {
    let next = paging::next_page(loaded, next_url);
    if let paging::NextPage::Loop(url) = &next {
        console::warn(&format!(
            "iom-news: next_url {url} leads back to a page already loaded; stopped following \
             the pages (fix the chain of next_url values)"
        ));
    }
    next.into()
}

fn entries(releases: Vec<Release>, base_url: &Rc<str>) -> Vec<Rc<Entry>> {
    releases
        .into_iter()
        .map(|release| {
            Rc::new(Entry {
                release,
                base_url: base_url.clone(),
            })
        })
        .collect()
}
