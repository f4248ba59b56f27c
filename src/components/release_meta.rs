//! The line under a release title: dateline, date and countries.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::Entry;

/// Props of [`ReleaseMeta`].
#[derive(Properties, PartialEq)]
pub struct ReleaseMetaProps {
    /// The release.
    pub entry: Rc<Entry>,
    /// Whether the region is shown too (in the release view).
    #[prop_or_default]
    pub with_region: bool,
}

/// Shows what the release has of dateline, date, countries (and region); nothing when it has
/// none.
#[function_component(ReleaseMeta)]
pub fn release_meta(props: &ReleaseMetaProps) -> Html {
    let entry = &props.entry;
    let release = &entry.release;
    let display = entry.display();
    let dateline = release
        .iom
        .dateline
        .as_deref()
        .filter(|d| !d.trim().is_empty());
    let region = release.iom.region.as_deref().filter(|_| props.with_region);
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
