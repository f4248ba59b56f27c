//! The message shown in place of the news when it cannot be shown at all.

use iom_news_core::i18n::{message, Key, Lang};
use yew::prelude::*;

/// A short message for readers, in their language, with a way to reach the news (`news_page`:
/// the link the page gave inside `<iom-news>`, else the feed's home page, else IOM's news
/// page). The details are for the web team, in the console.
pub fn error_notice(lang: Lang, news_page: &str) -> Html {
    html! {
        <div class="iom-news__error" role="alert">
            <p class="iom-news__error-title">{ message(lang, Key::FeedUnavailable) }</p>
            <p><a href={news_page.to_string()}>{ message(lang, Key::NewsPage) }</a></p>
        </div>
    }
}
