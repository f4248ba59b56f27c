//! The open release, ready for the release view.

use std::rc::Rc;

use iom_news_core::body::Body;
use iom_news_core::{fragment, langtag};
use yew::prelude::*;

use super::use_search::display_of;
use crate::browser::{address, html, intl};
use crate::config::WidgetConfig;
use crate::model::{Display, Translation};
use crate::state::{Entry, Load, Ready, State};

/// The open release with everything its view shows.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenRelease {
    /// The release.
    pub entry: Rc<Entry>,
    /// Its sanitized body.
    pub body: Rc<Body>,
    /// Its date and countries in the reader's language.
    pub display: Rc<Display>,
    /// The same release in other languages.
    pub translations: Rc<Vec<Translation>>,
}

/// The open release, when there is one and it is in the feed: its body parsed once, its
/// display values made again only when the language changes.
#[hook]
pub fn use_release(state: &State, config: &WidgetConfig) -> Option<OpenRelease> {
    let entry = match (&state.load, &state.open) {
        (Load::Ready(ready), Some(id)) => ready.entry(id).cloned(),
        _ => None,
    };
    let (lang, key, links) = (config.lang, config.link_key.clone(), config.links);
    // One memo for all of it: the body is parsed once per release shown (a new language parses
    // it again, which is rare and cheap), and each memo is code in the wasm.
    let made = use_memo(
        (entry, state.load.clone(), lang, key, links),
        |(entry, load, lang, key, links)| {
            let (Some(entry), Load::Ready(ready)) = (entry, load) else {
                return None;
            };
            Some(OpenRelease {
                entry: entry.clone(),
                body: Rc::new(body_of(entry)),
                display: Rc::new(display_of(&entry.release, *lang)),
                translations: Rc::new(translations_of(entry, ready, key, *links)),
            })
        },
    );
    (*made).clone()
}

/// The sanitized body of a release: its HTML through the allow-list, else its text.
fn body_of(entry: &Entry) -> Body {
    let release = &entry.release;
    let from_html = release
        .content_html
        .as_deref()
        .map(|source| html::parse_body(source, &entry.base_url));
    match (from_html, &release.content_text) {
        // HTML that sanitizes to nothing falls back to the text version.
        (Some(body), Some(text)) if body.is_empty() => Body::from_text(text),
        (Some(body), _) => body,
        (None, Some(text)) => Body::from_text(text),
        (None, None) => Body::default(),
    }
}

/// The links to a release in other languages: releases of this feed open in place, URLs
/// open elsewhere. Each language is named in its own words.
fn translations_of(entry: &Entry, ready: &Ready, key: &str, links: bool) -> Vec<Translation> {
    entry
        .release
        .iom
        .translations
        .iter()
        .map(|(lang, target)| {
            let name = intl::language_name(lang, lang);
            match ready.entry(target) {
                Some(other) => {
                    let id = other.release.id.clone();
                    let href = if links {
                        format!("#{}", fragment::set(&address::fragment(), key, Some(&id)))
                    } else {
                        other.release.url.clone().unwrap_or_else(|| "#".into())
                    };
                    Translation {
                        lang: lang.clone(),
                        dir: langtag::direction(lang),
                        name,
                        href,
                        id: Some(id),
                    }
                }
                None => Translation {
                    lang: lang.clone(),
                    dir: langtag::direction(lang),
                    name,
                    href: target.clone(),
                    id: None,
                },
            }
        })
        // An id that is not in the feed (and is no URL) has nowhere to go.
        .filter(|t| t.id.is_some() || iom_news_core::url::allowed_scheme(&t.href).is_some())
        .collect()
}
