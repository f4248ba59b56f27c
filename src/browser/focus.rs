//! Keyboard focus and scrolling, for the views' elements.

/// Focuses `element` (the browser may scroll it into view).
pub fn focus(element: &web_sys::HtmlElement) {
    let _ = element.focus();
}

/// Focuses `element` without letting the browser scroll it to the middle of the screen.
pub fn focus_in_place(element: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = element.focus_with_options(&options);
}

/// Scrolls the page the least that brings `element` into view (nothing when it is in view).
pub fn bring_into_view(element: &web_sys::Element) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}
