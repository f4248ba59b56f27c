//! Moving keyboard focus.

use yew::prelude::*;

use crate::browser::focus;

/// Focuses the element `node` refers to when `focus` turns true (after the render that
/// asked for it). Never when the widget first appears: it must not steal focus from the page.
#[hook]
pub fn use_focus(node: &NodeRef, focus: bool) {
    let node = node.clone();
    use_effect_with(focus, move |focus| {
        if *focus {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                focus::focus(&element);
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
            focus::focus_in_place(&element);
        }
        if let Some(top) = top.cast::<web_sys::Element>() {
            focus::bring_into_view(&top);
        }
    });
}
