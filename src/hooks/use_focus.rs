//! Moving keyboard focus.

use yew::prelude::*;

/// Focuses the element `node` refers to when `focus` turns true (after the render that
/// asked for it). Never when the widget first appears: it must not steal focus from the page.
#[hook]
pub fn use_focus(node: &NodeRef, focus: bool) {
    let node = node.clone();
    use_effect_with(focus, move |focus| {
        if *focus {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        }
    });
}
