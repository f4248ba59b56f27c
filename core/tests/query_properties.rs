//! Properties of the query engine over generated releases: a filter never adds results; a
//! search session that narrows its last query (starting from the last matches, not looking
//! again for the words already found) finds exactly what a fresh search finds; facet counts
//! agree with counting by hand; results are always newest first.

use iom_news_core::feed::IomExtension;
use std::collections::BTreeMap;

use iom_news_core::query::{facet_values, Facet, Filter, Query, Results, Search};
use iom_news_core::{date, Release};
use proptest::prelude::*;

const COUNTRIES: &[&str] = &["MNG", "SEN", "UKR", "COL"];
const TAGS: &[&str] = &["Labour Migration", "Emergencies", "Migration Health"];
const WORDS: &[&str] = &[
    "migration",
    "Sénégal",
    "santé",
    "labour",
    "помощь",
    "移民",
    "dakar",
];

fn release() -> impl Strategy<Value = Release> {
    (
        prop::sample::subsequence(COUNTRIES, 0..3),
        prop::sample::subsequence(TAGS, 0..3),
        prop::option::of((2023u32..2027, 1u32..13, 1u32..29)),
        prop::sample::subsequence(WORDS, 0..4),
    )
        .prop_map(|(countries, tags, date, words)| Release {
            id: String::new(),
            title: Some(words.join(" ")),
            content_text: Some("x".into()),
            date_published: date.map(|(y, m, d)| format!("{y}-{m:02}-{d:02}T10:00:00Z")),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            iom: IomExtension {
                countries: countries.iter().map(|c| c.to_string()).collect(),
                ..IomExtension::default()
            },
            ..Release::default()
        })
}

fn query() -> impl Strategy<Value = Query> {
    (
        prop::sample::subsequence(WORDS, 0..2),
        prop::sample::subsequence(COUNTRIES, 0..2),
        prop::sample::subsequence(TAGS, 0..2),
    )
        .prop_map(|(words, countries, tags)| Query {
            text: words.join(" ").to_lowercase(),
            filter: Filter::default()
                .with(
                    Facet::Country,
                    countries.iter().map(|c| c.to_string()).collect(),
                )
                .with(Facet::Tag, tags.iter().map(|t| t.to_string()).collect()),
        })
}

/// Facet counts the slow, obvious way: for each facet, the values of the releases that hold
/// the words and fit every other facet's filter.
fn counted_by_hand(items: &[&Release], q: &Query) -> Vec<(Facet, Vec<(String, usize)>)> {
    let words = q.words();
    let mut out = Vec::new();
    for facet in Facet::ALL {
        let mut others = q.filter.clone();
        others.values_mut(facet).clear();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for release in items {
            let text = Query {
                text: release.title.clone().unwrap_or_default(),
                ..Query::default()
            }
            .words()
            .join(" ");
            if others.fits(release) && words.iter().all(|w| text.contains(w.as_str())) {
                for value in facet_values(facet, release) {
                    *counts.entry(value.to_string()).or_default() += 1;
                }
            }
        }
        let mut counted: Vec<(String, usize)> = counts.into_iter().collect();
        if facet == Facet::Year {
            counted.sort_by(|a, b| b.0.cmp(&a.0));
        } else {
            counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        out.push((facet, counted));
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn properties(
        releases in prop::collection::vec(release(), 0..40),
        q in query(),
        extra_country in prop::sample::select(COUNTRIES),
        extra_word in prop::sample::select(WORDS),
    ) {
        let items: Vec<&Release> = releases.iter().collect();
        let none = Filter::default();
        let fresh = |q: &Query| -> Results { Search::new(&items).run(&items, q, &none) };
        let all = fresh(&q);
        prop_assert_eq!(&all.facets, &counted_by_hand(&items, &q));

        // Adding a filter value to an unset facet, or a word, never adds results.
        let mut stricter = q.clone();
        if stricter.filter.values(Facet::Country).is_empty() {
            stricter.filter.values_mut(Facet::Country).push(extra_country.to_string());
        }
        stricter.text = format!("{} {}", stricter.text, extra_word.to_lowercase());
        let narrower = fresh(&stricter);
        prop_assert!(narrower.matches.iter().all(|m| all.matches.contains(m)));

        // A session that ran the wider query first narrows from its matches, and gives the
        // same answer as a fresh search; so does going back to the wider query.
        prop_assert!(stricter.narrows(&q));
        let mut session = Search::new(&items);
        prop_assert_eq!(&session.run(&items, &q, &none), &all);
        prop_assert_eq!(&session.run(&items, &stricter, &none), &narrower);
        prop_assert_eq!(&session.run(&items, &q, &none), &all);

        // Newest first, undated last.
        let stamps: Vec<Option<i64>> = all
            .matches
            .iter()
            .map(|&i| releases[i].date_published.as_deref().and_then(date::timestamp))
            .collect();
        for pair in stamps.windows(2) {
            match (pair[0], pair[1]) {
                (Some(a), Some(b)) => prop_assert!(a >= b),
                (None, Some(_)) => prop_assert!(false, "an undated release before a dated one"),
                _ => {}
            }
        }
        // Every match passes every filter.
        for &i in &all.matches {
            prop_assert!(q.filter.fits(&releases[i]));
        }
    }
}
