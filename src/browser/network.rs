//! Fetching feeds, and reading the ones a page holds inline.

use iom_news_core::source;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why a fetch gave no feed text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The server answered with this error status.
    Status(u16),
    /// The request failed (offline, refused by CORS or CSP, a bad URL); what the browser said.
    Network(String),
    /// No whole answer within this many seconds.
    TimedOut(u32),
}

/// A fetched feed: its text, the address it came from after redirects (against which its
/// relative URLs resolve), and what was wrong with its encoding, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// The text, decoded as the browser decodes a response's text.
    pub text: String,
    /// The final URL.
    pub url: String,
    /// Where the bytes stop being UTF-8, when they do.
    pub problem: Option<String>,
}

/// Fetches `url`, or takes the `early` response the loader started for it, giving up after
/// `timeout_ms` (the whole response, not only its start: a server that drips its bytes slowly
/// times out too).
pub async fn fetch_feed(
    url: &str,
    early: Option<js_sys::Promise>,
    timeout_ms: u32,
) -> Result<Fetched, Failure> {
    let failed = |e: JsValue| Failure::Network(super::describe(&e));
    let window = web_sys::window().ok_or_else(|| Failure::Network("no window".into()))?;
    let abort = web_sys::AbortController::new().ok();
    let request = match early {
        Some(promise) => promise,
        None => {
            let init = web_sys::RequestInit::new();
            if let Some(abort) = &abort {
                init.set_signal(Some(&abort.signal()));
            }
            window.fetch_with_str_and_init(url, &init)
        }
    };
    // The timer aborts our own request; the loader's early one cannot be aborted from here, so
    // the race below gives up on it instead.
    let timer = {
        let abort = abort.clone();
        gloo_timers::callback::Timeout::new(timeout_ms, move || {
            if let Some(abort) = abort {
                abort.abort();
            }
        })
    };
    let timed_out = gloo_timers::future::TimeoutFuture::new(timeout_ms);
    let read = async {
        let response: web_sys::Response = JsFuture::from(request)
            .await
            .map_err(failed)?
            .dyn_into()
            .map_err(failed)?;
        if !response.ok() {
            return Err(Failure::Status(response.status()));
        }
        // The bytes, copied once into wasm memory: `text()` would decode UTF-8 to a JS string
        // only for wasm-bindgen to encode it back.
        let buffer = JsFuture::from(response.array_buffer().map_err(failed)?)
            .await
            .map_err(failed)?;
        Ok((js_sys::Uint8Array::new(&buffer).to_vec(), response.url()))
    };
    let read = std::pin::pin!(read);
    let outcome = futures_util::future::select(read, timed_out).await;
    drop(timer);
    let (bytes, final_url) = match outcome {
        futures_util::future::Either::Left((result, _)) => result?,
        futures_util::future::Either::Right(_) => {
            return Err(Failure::TimedOut(timeout_ms / 1000));
        }
    };
    let decoded = source::decode(bytes);
    Ok(Fetched {
        text: decoded.text,
        url: final_url,
        problem: decoded.problem,
    })
}

/// The text of an inline feed, `<script type="application/feed+json" id="...">` on the page,
/// or what is wrong with it.
pub fn inline_feed(id: &str) -> Result<String, &'static str> {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .ok_or(
            "is not on the page; add <script type=\"application/feed+json\" id=\"...\"> holding \
             the feed, or give a URL",
        )?;
    let kind = element
        .get_attribute("type")
        .unwrap_or_default()
        .to_ascii_lowercase();
    if element.local_name() != "script"
        || !matches!(kind.trim(), "application/feed+json" | "application/json")
    {
        return Err(
            "is not a <script type=\"application/feed+json\"> element; put the feed in one",
        );
    }
    Ok(element.text_content().unwrap_or_default())
}
