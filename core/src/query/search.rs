//! Searching one feed's releases as the reader types.
//!
//! Implementation note: each release's searchable text is folded once, the first time a
//! search needs it (or when [`Search::prepare`] warms it in idle time); a keystroke only folds
//! the words typed and scans the prepared texts. The newest-first order and the facet index are
//! made once per set of releases. A query that narrows the last one (more letters, another
//! word) only looks at the last one's matches, and not again for the words already found there.

use std::cell::OnceCell;

use super::facets::FacetIndex;
use super::filter::{Facet, Filter};
use super::Query;
use crate::fold::fold;
use crate::Release;

/// The outcome of a query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// Positions of the matching releases, newest first (releases without a date after the
    /// dated ones, in feed order).
    pub matches: Vec<usize>,
    /// For each facet, each value present among the releases that match everything else (the
    /// search and the other facets' filters), with its count, most frequent first. Every facet,
    /// in [`Facet::ALL`] order.
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
}

impl Results {
    /// One facet's values and counts.
    pub fn facet(&self, facet: Facet) -> &[(String, usize)] {
        self.facets
            .iter()
            .find(|(f, _)| *f == facet)
            .map_or(&[], |(_, values)| values)
    }
}

/// A search session over one set of releases: what a keystroke can reuse from the last.
#[derive(Debug, Default)]
pub struct Search {
    /// Each release's folded searchable text, once made.
    texts: Vec<OnceCell<String>>,
    /// The positions of the releases, newest first.
    order: Vec<usize>,
    facets: FacetIndex,
    last: Option<Last>,
}

/// What the last query asked, and its base: the releases that passed the preset filters and
/// held its words, before the reader's filters. A narrower query can start from there.
#[derive(Debug)]
struct Last {
    query: Query,
    preset: Filter,
    base: Vec<usize>,
}

impl Search {
    /// A session over `releases`, which every later call must be given again, unchanged.
    pub fn new(releases: &[&Release]) -> Search {
        let timestamps: Vec<Option<i64>> = releases
            .iter()
            .map(|r| r.date_published.as_deref().and_then(crate::date::timestamp))
            .collect();
        Search {
            texts: releases.iter().map(|_| OnceCell::new()).collect(),
            order: newest_first(&timestamps),
            facets: FacetIndex::of(releases),
            last: None,
        }
    }

    /// How many releases it searches.
    pub fn len(&self) -> usize {
        self.texts.len()
    }

    /// Whether it searches no release.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
    }

    /// Prepares the searchable text of up to `count` releases from position `from`, so that
    /// the first keystroke finds it ready; returns where it stopped.
    pub fn prepare(&self, releases: &[&Release], from: usize, count: usize) -> usize {
        let end = from
            .saturating_add(count)
            .min(self.texts.len())
            .min(releases.len());
        for i in from..end {
            self.text(releases, i);
        }
        end.max(from)
    }

    fn text(&self, releases: &[&Release], i: usize) -> &str {
        self.texts[i].get_or_init(|| searchable_text(releases[i]))
    }

    /// Runs `query` and the page's `preset` filters over `releases`, starting from the last
    /// query's matches when this one narrows it. Releases of another count than the session
    /// was made for start a new session.
    pub fn run(&mut self, releases: &[&Release], query: &Query, preset: &Filter) -> Results {
        if releases.len() != self.texts.len() {
            *self = Search::new(releases);
        }
        let words = query.words();
        let narrowed = self
            .last
            .as_ref()
            .filter(|l| l.preset == *preset && query.narrows(&l.query));
        let (within, known) = match narrowed {
            // Every release in the last base holds the last query's words.
            Some(last) => (last.base.as_slice(), last.query.words()),
            None => (self.order.as_slice(), Vec::new()),
        };
        let new_words: Vec<&str> = words
            .iter()
            .filter(|w| !known.contains(w))
            .map(String::as_str)
            .collect();
        let base: Vec<usize> = within
            .iter()
            .copied()
            .filter(|&i| {
                preset.fits(releases[i])
                    && (new_words.is_empty() || {
                        let text = self.text(releases, i);
                        new_words.iter().all(|w| text.contains(w))
                    })
            })
            .collect();
        let (facets, matches) = self.facets.count(releases, &base, &query.filter);
        self.last = Some(Last {
            query: query.clone(),
            preset: preset.clone(),
            base,
        });
        Results { matches, facets }
    }
}

/// Positions ordered newest first; those without a date after the dated ones, in feed order.
fn newest_first(timestamps: &[Option<i64>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..timestamps.len()).collect();
    // Stable: equal dates, and undated releases, keep feed order.
    order.sort_by(|&a, &b| match (timestamps[a], timestamps[b]) {
        (Some(x), Some(y)) => y.cmp(&x),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
    order
}

/// Title, summary, dateline, the body as the reader sees it, and the contacts, folded.
fn searchable_text(release: &Release) -> String {
    let mut text = String::new();
    let mut add = |part: &str| {
        text.push_str(&fold(part));
        text.push('\n');
    };
    for part in [&release.title, &release.summary, &release.iom.dateline]
        .into_iter()
        .flatten()
    {
        add(part);
    }
    if let Some(html) = &release.content_html {
        add(&crate::html::searchable_text(html));
    } else if let Some(body) = &release.content_text {
        add(body);
    }
    for contact in &release.iom.contacts {
        for part in [&contact.name, &contact.office, &contact.email]
            .into_iter()
            .flatten()
        {
            add(part);
        }
    }
    text
}
#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::IomExtension;
    use crate::query::Query;
    use crate::Contact;

    fn release(id: &str, date: Option<&str>, countries: &[&str], tags: &[&str]) -> Release {
        Release {
            id: id.into(),
            title: Some(format!("Release {id}")),
            date_published: date.map(str::to_string),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            iom: IomExtension {
                countries: countries.iter().map(|c| c.to_string()).collect(),
                ..IomExtension::default()
            },
            ..Release::default()
        }
    }

    fn run(releases: &[Release], query: &Query, preset: &Filter) -> Results {
        let items: Vec<&Release> = releases.iter().collect();
        Search::new(&items).run(&items, query, preset)
    }

    fn ids(releases: &[Release], query: &Query, preset: &Filter) -> Vec<String> {
        run(releases, query, preset)
            .matches
            .iter()
            .map(|&i| releases[i].id.clone())
            .collect()
    }

    fn sample() -> Vec<Release> {
        let mut senegal = release(
            "sen",
            Some("2025-03-01T10:00:00Z"),
            &["SEN"],
            &["Migration Health"],
        );
        senegal.title = Some("Appui au Sénégal".into());
        senegal.content_html = Some(
            "<p>Les migrants &amp; la santé à Dakar.</p><script>var x</script>\
                  <template>tmpl</template><noscript>noscr</noscript>\
                  <svg><title>svgtitle</title></svg>"
                .into(),
        );
        let mut mongolia = release(
            "mng",
            Some("2026-01-05T10:00:00+08:00"),
            &["MNG"],
            &["Labour Migration"],
        );
        mongolia.iom.contacts = vec![Contact {
            name: Some("Kieran Best".into()),
            ..Contact::default()
        }];
        mongolia.language = Some("en-GB".into());
        let mut ukraine = release(
            "ukr",
            Some("2026-01-05T01:00:00Z"),
            &["UKR"],
            &["Emergencies"],
        );
        ukraine.content_text = Some("Помощь переселенцам в Ёлкино".into());
        let mut undated = release("undated", None, &["MNG"], &["Labour Migration"]);
        undated.summary = Some("国际移民组织 supports labour migrants".into());
        let mut arabic = release("ara", Some("2024-06-01T10:00:00Z"), &["EGY"], &[]);
        arabic.title = Some("الْهِجْرَة الآمنة".into());
        vec![undated, senegal, mongolia, ukraine, arabic]
    }

    #[test]
    fn a_session_given_other_releases_starts_again() {
        let releases = sample();
        let items: Vec<&Release> = releases.iter().collect();
        let mut search = Search::new(&items[..2]);
        let none = Filter::default();
        assert_eq!(
            search.run(&items, &Query::default(), &none),
            run(&releases, &Query::default(), &none)
        );
        assert_eq!(search.len(), 5);
        assert_eq!(
            run(&releases, &Query::default(), &none)
                .facet(Facet::Country)
                .len(),
            4
        );
    }

    #[test]
    fn sorts_newest_first_with_undated_last() {
        // 2026-01-05T10:00+08:00 is 02:00Z, after Ukraine's 01:00Z.
        assert_eq!(
            ids(&sample(), &Query::default(), &Filter::default()),
            ["mng", "ukr", "sen", "ara", "undated"]
        );
    }

    #[test]
    fn searches_every_script_case_and_accent_insensitively() {
        let find = |text: &str| {
            ids(
                &sample(),
                &Query {
                    text: text.into(),
                    ..Query::default()
                },
                &Filter::default(),
            )
        };
        assert_eq!(find("senegal"), ["sen"]);
        assert_eq!(find("SANTÉ dakar"), ["sen"], "all words, from the body");
        assert_eq!(find("kieran"), ["mng"], "contacts are searched");
        assert_eq!(find("елкино"), ["ukr"]);
        assert_eq!(find("移民"), ["undated"]);
        assert_eq!(find("الهجرة"), ["ara"]);
        assert_eq!(find("labour migrants"), ["undated"]);
        assert!(find("var x").is_empty(), "script text is not searched");
        assert!(
            find("tmpl").is_empty() && find("noscr").is_empty() && find("svgtitle").is_empty(),
            "nor text the allow-list removes (templates, noscript, SVG titles)"
        );
        assert!(find("senegal kieran").is_empty());
        assert_eq!(find("   ").len(), 5);
    }

    #[test]
    fn filters_combine_and_count_facets() {
        let releases = sample();
        let query = Query {
            filter: Filter::default().with(Facet::Country, vec!["MNG".into()]),
            ..Query::default()
        };
        assert_eq!(
            ids(&releases, &query, &Filter::default()),
            ["mng", "undated"]
        );
        let results = run(&releases, &query, &Filter::default());
        // Country counts ignore the country filter itself, so the reader sees the others.
        assert_eq!(results.facet(Facet::Country).len(), 4);
        assert_eq!(results.facet(Facet::Country)[0], ("MNG".to_string(), 2));
        // Other facets count within Mongolia only.
        assert_eq!(
            results.facet(Facet::Tag),
            [("Labour Migration".to_string(), 2)]
        );
        assert_eq!(results.facet(Facet::Year), [("2026".to_string(), 1)]);
        assert_eq!(results.facet(Facet::Language), [("en".to_string(), 1)]);

        let with_year = Query {
            filter: query
                .filter
                .clone()
                .with(Facet::Year, vec!["2026".into()])
                .with(Facet::Language, vec!["EN".into()]),
            ..query
        };
        assert_eq!(ids(&releases, &with_year, &Filter::default()), ["mng"]);
        let preset = Filter::default().with(Facet::Tag, vec!["emergencies".into()]);
        assert_eq!(ids(&releases, &Query::default(), &preset), ["ukr"]);
        assert!(
            ids(&releases, &with_year, &preset).is_empty(),
            "an empty result"
        );
    }

    #[test]
    fn knows_when_a_query_narrows_the_last() {
        let q = |text: &str, countries: &[&str]| Query {
            text: text.into(),
            filter: Filter::default().with(
                Facet::Country,
                countries.iter().map(|c| c.to_string()).collect(),
            ),
        };
        assert!(q("migr", &[]).narrows(&q("mig", &[])));
        assert!(q("mig health", &[]).narrows(&q("mig", &[])));
        assert!(
            q("mig", &["SEN"]).narrows(&q("mig", &[])),
            "filters do not touch the base"
        );
        assert!(!q("mi", &[]).narrows(&q("mig", &[])));
        assert!(!q("health", &[]).narrows(&q("mig", &[])));
    }
}
