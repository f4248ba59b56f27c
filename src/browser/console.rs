//! The console (what web teams read) and timing marks (what benchmarks read).

use iom_news_core::{Problem, Skipped};
use wasm_bindgen::JsValue;

/// How many problems of one kind the console lists one by one; the rest are counted.
const LISTED: usize = 50;

/// What every line starts with: the widget's name and version (`iom-news 0.2.0: `), so that a
/// web team can tell which release a page runs. Callers write `iom-news: ...`.
const PREFIX: &str = concat!("iom-news ", env!("CARGO_PKG_VERSION"), ": ");

/// The message with the versioned prefix in place of `iom-news: `.
fn versioned(message: &str) -> JsValue {
    let text = message.strip_prefix("iom-news: ").unwrap_or(message);
    JsValue::from_str(&[PREFIX, text].concat())
}

/// Writes a warning.
pub fn warn(message: &str) {
    web_sys::console::warn_1(&versioned(message));
}

/// Writes a warning the first time it is given on this page: fifty widgets with the same
/// bad attribute say so once.
pub fn warn_once(message: &str) {
    thread_local! {
        static SAID: std::cell::RefCell<Vec<String>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let first = SAID.with_borrow_mut(|said| {
        let first = !said.iter().any(|m| m == message);
        if first {
            said.push(message.to_string());
        }
        first
    });
    if first {
        warn(message);
    }
}

/// Writes an error.
pub fn error(message: &str) {
    web_sys::console::error_1(&versioned(message));
}

/// Writes a feed's skipped items and warnings, one line each up to [`LISTED`] of each kind,
/// then one line with how many more (a broken feed of 100,000 bad items must not make 100,000
/// console calls).
pub fn report_problems(feed_url: &str, skipped: &[Skipped], warnings: &[Problem]) {
    if !skipped.is_empty() {
        warn(&format!(
            "iom-news: {} item(s) in {feed_url} were skipped; fix them in the feed:",
            skipped.len()
        ));
    }
    for item in skipped.iter().take(LISTED) {
        warn(&format!("iom-news: {item}"));
    }
    if skipped.len() > LISTED {
        warn(&format!(
            "iom-news: ... and {} more skipped items (check the feed with `iom-news validate`)",
            skipped.len() - LISTED
        ));
    }
    for problem in warnings.iter().take(LISTED) {
        warn(&format!("iom-news: {feed_url}: warning: {problem}"));
    }
    if warnings.len() > LISTED {
        warn(&format!(
            "iom-news: {feed_url}: ... and {} more warnings (check the feed with `iom-news validate`)",
            warnings.len() - LISTED
        ));
    }
}

/// Sets a performance mark (seen in the browser's performance tools and by benchmarks).
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records a performance measure from a mark until now.
pub fn measure_since(name: &str, start: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, start);
    }
}
