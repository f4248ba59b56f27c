//! What the host page sees of the widget: events, and its state on its element.

use wasm_bindgen::JsValue;

/// Dispatches `name` (`iom-news:open`, `iom-news:close`) on `target`, bubbling out of the
/// shadow root, with `detail` as the event's detail.
pub fn announce(target: &web_sys::Element, name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is reported by the browser; dispatching never throws.
        let _ = target.dispatch_event(&event);
    }
}

/// Puts the widget's state on its element as `data-iom-news-state`: `loading`, `ready` (news
/// shown) or `failed`. The loader's stylesheet shows the page's own content or a placeholder
/// until `ready`, and the page's CSS can use it too.
pub fn show_state(host: &web_sys::Element, state: &str) {
    if host.get_attribute("data-iom-news-state").as_deref() != Some(state) {
        let _ = host.set_attribute("data-iom-news-state", state);
    }
}
