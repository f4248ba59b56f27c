//! The search box and the filters.

use std::rc::Rc;

use iom_news_core::i18n::{message, Key, Lang};
use iom_news_core::query::Query;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::FacetControl;

/// Props of [`SearchBar`].
#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    /// The current search and filters.
    pub query: Query,
    /// The filters to offer.
    pub controls: Rc<Vec<FacetControl>>,
    /// The UI language.
    pub lang: Lang,
    /// Called with the new search and filters as the reader changes them.
    pub on_query: Callback<Query>,
    /// Whether the filters are unfolded (they fold behind a button on narrow screens).
    pub open: bool,
    /// How many filters are set, in the reader's digits (empty for none).
    pub active: AttrValue,
    /// Called when the reader folds or unfolds the filters.
    pub on_toggle: Callback<()>,
}

/// A search box that searches as the reader types, one select per facet, and "clear".
#[function_component(SearchBar)]
pub fn search_bar(props: &SearchBarProps) -> Html {
    let lang = props.lang;
    let oninput = {
        let (query, on_query) = (props.query.clone(), props.on_query.clone());
        Callback::from(move |event: InputEvent| {
            let text = event.target_unchecked_into::<HtmlInputElement>().value();
            on_query.emit(Query {
                text,
                ..query.clone()
            });
        })
    };
    let clear = props.on_query.reform(|_: MouseEvent| Query::default());
    html! {
        <div
            class={if props.open { "iom-news__filters iom-news__filters--open" } else { "iom-news__filters" }}
            role="group"
            aria-label={message(lang, Key::Filters)}
        >
            <label class="iom-news__field iom-news__field--search">
                <span class="iom-news__label">{ message(lang, Key::Search) }</span>
                <input
                    type="search"
                    class="iom-news__search"
                    value={props.query.text.clone()}
                    {oninput}
                    autocomplete="off"
                    spellcheck="false"
                />
            </label>
            if !props.controls.is_empty() {
                <button
                    type="button"
                    class="iom-news__filter-toggle"
                    aria-expanded={if props.open { "true" } else { "false" }}
                    onclick={props.on_toggle.reform(|_: MouseEvent| ())}
                >
                    { message(lang, Key::ShowFilters) }
                    if !props.active.is_empty() {
                        { " (" }{ props.active.clone() }{ ")" }
                    }
                </button>
            }
            // Implementation note: the changing parts sit in wrappers of their own, so that
            // when filters come and go the search box is never re-created (it would lose
            // focus in the middle of typing).
            <div class="iom-news__facets">
                { for props.controls.iter().map(|control| facet_select(control, props)) }
            </div>
            <div class="iom-news__filter-actions">
                if !props.query.is_empty() {
                    <button type="button" class="iom-news__clear" onclick={clear}>
                        { message(lang, Key::ClearFilters) }
                    </button>
                }
            </div>
        </div>
    }
}

fn facet_select(control: &FacetControl, props: &SearchBarProps) -> Html {
    let facet = control.facet;
    let info = facet.info();
    let chosen = props.query.filter.values(facet).first().cloned();
    let onchange = {
        let (query, on_query) = (props.query.clone(), props.on_query.clone());
        Callback::from(move |event: Event| {
            let value = event.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = query.clone();
            *next.filter.values_mut(facet) = if value.is_empty() {
                Vec::new()
            } else {
                vec![value]
            };
            on_query.emit(next);
        })
    };
    html! {
        <label class="iom-news__field" key={info.name}>
            <span class="iom-news__label">{ message(props.lang, info.label) }</span>
            <select class="iom-news__select" {onchange}>
                <option value="" selected={chosen.is_none()}>{ message(props.lang, Key::AllValues) }</option>
                { for control.options.iter().map(|option| html! {
                    <option
                        value={option.value.clone()}
                        selected={chosen.as_deref() == Some(option.value.as_str())}
                    >
                        { format!("{} ({})", option.label, option.count) }
                    </option>
                }) }
            </select>
        </label>
    }
}
