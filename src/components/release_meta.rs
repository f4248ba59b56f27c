//! The line under a release title: dateline, date and countries.

use yew::prelude::*;

use crate::state::Entry;

/// Shows what the release has of dateline, date, countries (and region); nothing when it has
/// none.
pub fn release_meta(entry: &Entry, with_region: bool) -> Html {
    let release = &entry.release;
    let display = entry.display();
    let dateline = release
        .iom
        .dateline
        .as_deref()
        .filter(|d| !d.trim().is_empty());
    let region = release.iom.region.as_deref().filter(|_| with_region);
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
                <span class="iom-news__dateline">{ dateline }</span>
            }
            if let (Some(date), Some(iso)) = (&display.date, &release.date_published) {
                <time class="iom-news__date" datetime={iso.clone()}>{ date }</time>
            }
            if !display.countries.is_empty() {
                <span class="iom-news__countries">{ display.countries.join(", ") }</span>
            }
            if let Some(region) = region {
                <span class="iom-news__region">{ region }</span>
            }
        </p>
    }
}
