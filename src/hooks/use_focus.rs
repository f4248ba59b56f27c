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

/// Focuses the heading `heading` refers to when `focus` turns true, without letting the
/// browser scroll it to the middle of the screen: `top` (the view's Back control) is brought
/// into view instead, and only if it is not in view already.
#[hook]
pub fn use_focus_heading(heading: &NodeRef, top: &NodeRef, focus: bool) {
    let (heading, top) = (heading.clone(), top.clone());
    use_effect_with(focus, move |focus| {
        if !*focus {
            return;
        }
        if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = element.focus_with_options(&options);
        }
        if let Some(top) = top.cast::<web_sys::Element>() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Nearest);
            top.scroll_into_view_with_scroll_into_view_options(&options);
        }
    });
}
