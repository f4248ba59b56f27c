//! The message shown in place of the news when the feed cannot be used.

use iom_news_core::i18n::{fill, message, Key, Lang};
use iom_news_core::FeedError;
use yew::prelude::*;

use crate::state::LoadError;

/// A readable explanation; the technical details go to the console.
pub fn error_notice(error: &LoadError, lang: Lang) -> Html {
    let reason = match error {
        LoadError::NoFeed => message(lang, Key::ErrorNoFeed).to_string(),
        LoadError::Inline { .. } => message(lang, Key::ErrorInline).to_string(),
        LoadError::Http { status, .. } => fill(
            message(lang, Key::ErrorHttp),
            &[("status", &status.to_string())],
        ),
        LoadError::Network { .. } => message(lang, Key::ErrorNetwork).to_string(),
        LoadError::Feed(FeedError::Syntax { line, column, .. }) => fill(
            message(lang, Key::ErrorSyntax),
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        LoadError::Feed(_) => message(lang, Key::ErrorNotFeed).to_string(),
    };
    html! {
        <div class="iom-news__error" role="alert">
            <p class="iom-news__error-title">{ message(lang, Key::FeedUnavailable) }</p>
            <p>{ reason }{ " " }{ message(lang, Key::SeeConsole) }</p>
        </div>
    }
}
