//! Events the host page listens to.

use wasm_bindgen::JsValue;

/// Dispatches `name` (`iom-news:open`, `iom-news:close`) on `target`, bubbling out of the
/// shadow root, with `detail` as the event's detail.
pub fn announce(target: &web_sys::EventTarget, name: &str, detail: &str) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        // A listener that throws is reported by the browser; dispatching never throws.
        let _ = target.dispatch_event(&event);
    }
}
