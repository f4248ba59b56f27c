//! Copying a release's link.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Copies `text` to the clipboard; `false` when the browser refuses or has no clipboard
/// (`navigator.clipboard` is undefined outside secure contexts, such as a plain-http page).
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let navigator: JsValue = window.navigator().into();
    let Some(promise) = super::property(&navigator, "clipboard")
        .filter(JsValue::is_object)
        .and_then(|clipboard| super::call_method(&clipboard, "writeText", &text.into()))
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return false;
    };
    JsFuture::from(promise).await.is_ok()
}
