//! The line under a release title: dateline, date and countries.

use std::rc::Rc;

use yew::prelude::*;

use crate::state::Entry;

/// Props of [`ReleaseMeta`].
#[derive(Properties, PartialEq)]
pub struct ReleaseMetaProps {
    /// The release.
    pub entry: Rc<Entry>,
}

/// Shows what the release has of dateline, date and countries; nothing when it has none.
#[function_component(ReleaseMeta)]
pub fn release_meta(props: &ReleaseMetaProps) -> Html {
    let entry = &props.entry;
    let release = &entry.release;
    let dateline = release
        .iom
        .dateline
        .as_deref()
        .filter(|d| !d.trim().is_empty());
    if dateline.is_none() && entry.date.is_none() && entry.countries.is_empty() {
        return Html::default();
    }
    html! {
        <p class="iom-news__meta">
            if let Some(dateline) = dateline {
                <span class="iom-news__dateline">{ dateline }</span>
            }
            if let (Some(date), Some(iso)) = (&entry.date, &release.date_published) {
                <time class="iom-news__date" datetime={iso.clone()}>{ date }</time>
            }
            if !entry.countries.is_empty() {
                <span class="iom-news__countries">{ entry.countries.join(", ") }</span>
            }
        </p>
    }
}
