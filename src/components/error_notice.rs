//! The message shown in place of the news when it cannot be shown at all.

use iom_news_core::i18n::{message, Key, Lang};
use yew::prelude::*;

/// A short message for readers, in their language, with a way to reach the news: the link
/// the page gave (inside `<iom-news>`) or the feed's home page. The details are for the web
/// team, in the console.
pub fn error_notice(lang: Lang, news_page: Option<&str>) -> Html {
    html! {
        <div class="iom-news__error" role="alert">
            <p class="iom-news__error-title">{ message(lang, Key::FeedUnavailable) }</p>
            if let Some(href) = news_page {
                <p><a href={href.to_string()}>{ message(lang, Key::NewsPage) }</a></p>
            }
        </div>
    }
}
