//! The root component: loads the feed, owns the state, and switches between the views.

use std::rc::Rc;

use iom_news_core::body::Body;
use iom_news_core::i18n::{message, Key, Lang};
use iom_news_core::Feed;
use yew::prelude::*;

use crate::components::error_notice::ErrorNotice;
use crate::components::feed_list::FeedList;
use crate::components::release_view::ReleaseView;
use crate::glue::{self, FeedSource, WidgetConfig};
use crate::state::{Action, Entry, Focus, Load, LoadError, Ready, State};

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// The instance's settings, from its embed attributes.
    pub config: WidgetConfig,
}

/// One widget instance.
#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let lang = config.lang;
    let state = use_reducer({
        let key = config.link_key.clone();
        move || State::new(glue::linked_release(&key))
    });

    {
        let dispatcher = state.dispatcher();
        use_effect_with(config.clone(), move |config| match &config.feed {
            // A feed given as text loads at once, so the first flush shows it.
            FeedSource::Text(text) => {
                dispatcher.dispatch(Action::Loaded(prepare(text, glue::page_url(), lang)));
            }
            FeedSource::Missing => dispatcher.dispatch(Action::Loaded(Err(LoadError::NoFeed))),
            FeedSource::Url(url) => {
                let url = url.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result = match glue::fetch_text(&url).await {
                        Ok((text, base)) => prepare(&text, base, lang),
                        Err(e) => Err(e),
                    };
                    dispatcher.dispatch(Action::Loaded(result));
                });
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(config.link_key.clone(), move |key| {
            let on_change = Callback::from(move |id| dispatcher.dispatch(Action::Show(id)));
            let listeners = glue::listen_navigation(key, on_change);
            move || drop(listeners)
        });
    }
    use_effect_with(state.load.clone(), |load| {
        if let Load::Failed(error) = load {
            glue::report_error(error);
        }
    });

    let show = {
        let dispatcher = state.dispatcher();
        let key = config.link_key.clone();
        Callback::from(move |id: Option<String>| {
            glue::push_release(&key, id.as_deref());
            dispatcher.dispatch(Action::Show(id));
        })
    };
    let on_open = show.reform(Some);
    let on_close = show.reform(|()| None);
    let link_for = {
        let key = config.link_key.clone();
        Callback::from(move |id: String| AttrValue::from(glue::release_href(&key, Some(&id))))
    };

    let open_entry = match (&state.load, &state.open) {
        (Load::Ready(ready), Some(id)) => ready.entry(id).cloned(),
        _ => None,
    };
    let base_url = match &state.load {
        Load::Ready(ready) => ready.base_url.clone(),
        _ => String::new(),
    };
    let body = use_memo((open_entry.clone(), base_url), |(entry, base)| {
        entry
            .as_ref()
            .map_or_else(Body::default, |entry| body_of(entry, base))
    });

    let content = match (&state.load, &state.open) {
        (Load::Loading, _) => html! {
            <p class="iom-news__status" role="status">{ message(lang, Key::Loading) }</p>
        },
        (Load::Failed(error), _) => html! { <ErrorNotice {lang} error={error.clone()} /> },
        (Load::Ready(_), Some(_)) => match open_entry {
            Some(entry) => html! {
                <ReleaseView
                    {entry}
                    {body}
                    {lang}
                    {on_close}
                    focus_heading={state.focus == Focus::Heading}
                />
            },
            None => html! {
                <div class="iom-news__status" role="alert">
                    <p>{ message(lang, Key::ReleaseNotFound) }</p>
                    <button type="button" class="iom-news__back" onclick={on_close.reform(|_| ())}>
                        { message(lang, Key::BackToAll) }
                    </button>
                </div>
            },
        },
        (Load::Ready(ready), None) => {
            let focus = match &state.focus {
                Focus::Item(id) => Some(id.clone()),
                _ => None,
            };
            html! { <FeedList ready={ready.clone()} {lang} {on_open} {link_for} {focus} /> }
        }
    };

    html! {
        <section
            class="iom-news"
            lang={lang.tag()}
            dir={lang.dir()}
            aria-label={message(lang, Key::WidgetLabel)}
        >
            { content }
        </section>
    }
}

/// Validates feed text and works out what the views show, reporting skipped items.
fn prepare(text: &str, base_url: String, lang: Lang) -> Result<Rc<Ready>, LoadError> {
    let parsed = Feed::parse(text).map_err(LoadError::Feed)?;
    glue::report_skipped(&base_url, &parsed.skipped);
    let entries = parsed
        .feed
        .items
        .into_iter()
        .map(|release| {
            Rc::new(Entry {
                date: release
                    .date_published
                    .as_deref()
                    .and_then(|date| glue::format_date(date, lang)),
                countries: release
                    .iom
                    .countries
                    .iter()
                    .map(|code| glue::country_name(code, lang))
                    .collect(),
                release,
            })
        })
        .collect();
    Ok(Rc::new(Ready {
        title: parsed.feed.title,
        entries,
        skipped: parsed.skipped.len(),
        base_url,
    }))
}

/// The sanitized body of a release: its HTML through the allow-list, else its text.
fn body_of(entry: &Entry, base_url: &str) -> Body {
    let release = &entry.release;
    match (&release.content_html, &release.content_text) {
        (Some(html), _) => glue::parse_html_body(html, base_url),
        (None, Some(text)) => Body::from_text(text),
        (None, None) => Body::default(),
    }
}
