//! The line under a release title: dateline, date, countries (and, in the release view,
//! region).

use iom_news_core::Release;
use yew::prelude::*;

use crate::model::Display;

/// The line under a title in the list: dateline, date and countries.
pub fn card_meta(release: &Release, display: &Display) -> Html {
    meta_line(release, display, None)
}

/// The line under the open release's title: dateline, date, countries and region.
pub fn release_meta(release: &Release, display: &Display) -> Html {
    meta_line(release, display, release.iom.region.as_deref())
}

/// What the release has of these; nothing when it has none.
fn meta_line(release: &Release, display: &Display, region: Option<&str>) -> Html {
    let dateline = release
        .iom
        .dateline
        .as_deref()
        .filter(|d| !d.trim().is_empty());
    if dateline.is_none()
        && display.date.is_none()
        && display.countries.is_empty()
        && region.is_none()
    {
        return Html::default();
    }
    html! {
        <p class="iom-news__meta">
            if let Some(dateline) = dateline {
                // Isolated: a place name in another script must not reorder the line.
                <bdi class="iom-news__dateline">{ dateline }</bdi>
            }
            if let (Some(date), Some(iso)) = (&display.date, &release.date_published) {
                <time class="iom-news__date" datetime={iso.clone()}>{ date }</time>
            }
            if !display.countries.is_empty() {
                <span class="iom-news__countries">{ display.countries.clone() }</span>
            }
            if let Some(region) = region {
                <bdi class="iom-news__region">{ region }</bdi>
            }
        </p>
    }
}
