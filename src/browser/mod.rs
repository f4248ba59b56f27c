//! The browser layer: the only code that touches `window`, `document`, the address, fetch,
//! storage, `Intl`, `DOMParser`, the clipboard, the console and the task queue. One file per capability, each turning
//! browser state into plain values (or plain values into browser effects), importing only
//! core, so that everything above it is plain Rust.
//!
//! Implementation note: no function here panics or lets a JavaScript exception through. An
//! exception that crosses the wasm during a Yew render leaves the shared scheduler half-way and
//! stops every widget on the page for good, so calls that can throw go through `Reflect` (whose
//! errors come back as values) or web-sys bindings that return `Result`.

pub mod address;
pub mod clipboard;
pub mod clock;
pub mod console;
pub mod events;
pub mod focus;
pub mod html;
pub mod intl;
pub mod locale;
pub mod network;
pub mod storage;
pub mod tasks;

use wasm_bindgen::{JsCast, JsValue};

/// `target[name]`, or `None` when reading it throws.
fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    js_sys::Reflect::get(target, &JsValue::from_str(name)).ok()
}

/// `target[method](argument)`, or `None` when the method is missing or throws.
fn call_method(target: &JsValue, method: &str, argument: &JsValue) -> Option<JsValue> {
    property(target, method)?
        .dyn_ref::<js_sys::Function>()?
        .call1(target, argument)
        .ok()
}

/// A readable description of a thrown JavaScript value.
fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .or_else(|| {
            js_sys::JSON::stringify(value)
                .ok()
                .and_then(|s| s.as_string())
        })
        .unwrap_or_else(|| "an unknown error".to_string())
}
