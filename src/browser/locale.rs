//! What the page around a widget says: its languages, its reader's, and its own link to the
//! news.

use iom_news_core::i18n::Languages;
use wasm_bindgen::JsCast;

/// The language tags that may choose the widget's language: the nearest `lang` on `host` or
/// its ancestors (through the shadow roots it sits in, up to the document's own element), and
/// the reader's browser languages.
pub fn languages_around(host: &web_sys::Element) -> Languages {
    let mut tags = Vec::new();
    let mut element = Some(host.clone());
    while let Some(current) = element {
        if let Ok(Some(found)) = current.closest("[lang]") {
            if let Some(tag) = found.get_attribute("lang").filter(|t| !t.trim().is_empty()) {
                tags.push(tag);
                break;
            }
            // An empty lang says nothing: look further up.
            element = found.parent_element();
            continue;
        }
        // Out of this tree: on to the element whose shadow root holds it.
        element = current
            .get_root_node()
            .dyn_into::<web_sys::ShadowRoot>()
            .ok()
            .map(|root| root.host());
    }
    let reader = web_sys::window()
        .map(|window| {
            let languages = window.navigator().languages();
            languages.iter().filter_map(|l| l.as_string()).collect()
        })
        .unwrap_or_default();
    Languages { page: tags, reader }
}

/// The first link the page put inside `host` (its fallback content, such as
/// `<a href="/news">IOM news</a>`), made absolute, if it passes the URL allow-list.
pub fn news_link(host: &web_sys::Element) -> Option<String> {
    let link = host.query_selector("a[href]").ok()??;
    let href = link.get_attribute("href")?;
    iom_news_core::url::check(
        &href,
        Some(&super::address::base_url()),
        iom_news_core::url::Target::Web,
    )
    .ok()
}
