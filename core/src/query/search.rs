//! Searching one feed's releases as the reader types.
//!
//! Implementation note: each release's searchable text is folded once, the first time a
//! search needs it (or when [`Search::prepare`] warms it in idle time); a keystroke only folds
//! the words typed and scans the prepared texts. The newest-first order and the facet index are
//! made once per set of releases. A query that narrows the last one (more letters, another
//! word) only looks at the last one's matches, and not again for the words already found there.

use std::cell::OnceCell;

use super::facets::{misses, Counted, FacetIndex};
use super::filter::{facet_values, Facet, Filter};
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
///
/// Releases that are translations of each other (linked by `_iom.translations` to ids in the
/// set) count as one release: the list shows one version, the one in the reader's filter
/// language if any, else in the interface language ([`Search::prefer`]), else the first in
/// feed order; facets count releases, not versions (but the language facet offers every
/// language a release has). Words match the version shown, or any version when the page asks
/// for it ([`Search::match_all_versions`]).
#[derive(Debug, Default)]
pub struct Search {
    /// Each release's folded searchable text, once made.
    texts: Vec<OnceCell<String>>,
    /// Each release's group of translations: the position of its group's first member.
    groups: Vec<usize>,
    /// The language preferred among a release's versions (a primary subtag).
    prefer: String,
    /// Whether the words of any version find a release.
    all_versions: bool,
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
            groups: translation_groups(releases),
            prefer: String::new(),
            all_versions: false,
            order: newest_first(&timestamps),
            facets: FacetIndex::of(releases),
            last: None,
        }
    }

    /// Prefers the versions in `language` (a BCP 47 tag; its primary subtag counts) where a
    /// release has several.
    pub fn prefer(&mut self, language: &str) {
        let primary = language
            .split('-')
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if primary != self.prefer {
            self.prefer = primary;
            self.last = None;
        }
    }

    /// Whether the words of any of a release's versions find it (by default, only the words
    /// of the version the reader would see: a result should show the words searched for).
    pub fn match_all_versions(&mut self, all: bool) {
        if all != self.all_versions {
            self.all_versions = all;
            self.last = None;
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
            let (prefer, all) = (std::mem::take(&mut self.prefer), self.all_versions);
            *self = Search::new(releases);
            (self.prefer, self.all_versions) = (prefer, all);
        }
        let words = query.words();
        // The reader's language filter chooses which version is shown, so it must not change
        // for the last matches to hold every match of this query.
        let narrowed = self.last.as_ref().filter(|l| {
            l.preset == *preset
                && query.narrows(&l.query)
                && l.query.filter.values(Facet::Language) == query.filter.values(Facet::Language)
        });
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
        let candidates: Vec<usize> = within
            .iter()
            .copied()
            .filter(|&i| preset.fits(releases[i]))
            .collect();
        let hit = |i: usize| {
            new_words.is_empty() || {
                let text = self.text(releases, i);
                new_words.iter().all(|w| text.contains(w))
            }
        };
        let base: Vec<usize> = if self.all_versions {
            // Any version holding the words finds the release, and that version is shown.
            candidates.into_iter().filter(|&i| hit(i)).collect()
        } else {
            // The version the reader would see must hold the words.
            let missed: Vec<u8> = candidates
                .iter()
                .map(|&i| misses(&query.filter, releases[i]))
                .collect();
            let shown = self.shown_versions(releases, &candidates, &missed);
            let mut found = vec![false; releases.len()];
            for &i in &candidates {
                let group = self.groups[i];
                if shown[group].1 == i && hit(i) {
                    found[group] = true;
                }
            }
            candidates
                .into_iter()
                .filter(|&i| found[self.groups[i]])
                .collect()
        };
        let results = self.choose_and_count(releases, &base, &query.filter);
        self.last = Some(Last {
            query: query.clone(),
            preset: preset.clone(),
            base,
        });
        results
    }

    /// One version of each release in `base` (positions, newest first), the matches among
    /// them, and the facet counts.
    fn choose_and_count(&self, releases: &[&Release], base: &[usize], chosen: &Filter) -> Results {
        let missed: Vec<u8> = base.iter().map(|&i| misses(chosen, releases[i])).collect();
        let shown = self.shown_versions(releases, base, &missed);
        let mut counted = Vec::with_capacity(base.len());
        let mut matches = Vec::new();
        let mut shown_misses = vec![0u8; releases.len()];
        for (&i, &m) in base.iter().zip(&missed) {
            if shown[self.groups[i]].1 == i {
                shown_misses[self.groups[i]] = m;
                counted.push(Counted {
                    release: i,
                    facets: u8::MAX,
                    misses: m,
                });
                if m == 0 {
                    matches.push(i);
                }
            }
        }
        // The language facet offers every language a shown release has a version in.
        let language_of = |i: usize| facet_values(Facet::Language, releases[i]).next();
        for &i in base {
            let group = self.groups[i];
            let rep = shown[group].1;
            if rep != i && language_of(i) != language_of(rep) {
                counted.push(Counted {
                    release: i,
                    facets: LANGUAGE,
                    misses: shown_misses[group] & !LANGUAGE,
                });
            }
        }
        Results {
            matches,
            facets: self.facets.count(&counted),
        }
    }

    /// Per group (indexed by its first member), the version shown among `positions` (with
    /// `missed`, the reader's filters each fails) and its rank: a version in the reader's filter
    /// language before one that is not, then one in the preferred language, then feed order.
    fn shown_versions(
        &self,
        releases: &[&Release],
        positions: &[usize],
        missed: &[u8],
    ) -> Vec<(u8, usize)> {
        let mut shown: Vec<(u8, usize)> = vec![(u8::MAX, usize::MAX); releases.len()];
        for (&i, &m) in positions.iter().zip(missed) {
            let preferred = facet_values(Facet::Language, releases[i])
                .next()
                .is_some_and(|l| l.eq_ignore_ascii_case(&self.prefer));
            let rank = u8::from(m & LANGUAGE != 0) * 2 + u8::from(!preferred);
            let best = &mut shown[self.groups[i]];
            if (rank, i) < *best {
                *best = (rank, i);
            }
        }
        shown
    }
}

/// The language facet's bit in a set of facets.
const LANGUAGE: u8 = 1 << Facet::Language as u8;

/// For each release, the position of the first member of its group of translations: the
/// releases linked by `_iom.translations` to each other's ids, whichever way round.
fn translation_groups(releases: &[&Release]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..releases.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let ids: Vec<&str> = releases.iter().map(|r| r.id.as_str()).collect();
    let by_id = crate::order_by_text(&ids);
    for (i, release) in releases.iter().enumerate() {
        for (_, target) in &release.iom.translations {
            if let Ok(k) = by_id.binary_search_by(|&j| ids[j].cmp(target.as_str())) {
                let (a, b) = (root(&mut parent, i), root(&mut parent, by_id[k]));
                // The group is named after its first member in feed order.
                parent[a.max(b)] = a.min(b);
            }
        }
    }
    (0..releases.len()).map(|i| root(&mut parent, i)).collect()
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

    fn versions() -> Vec<Release> {
        let version = |id: &str, lang: &str, other: &[(&str, &str)], text: &str| Release {
            id: id.into(),
            title: Some(text.into()),
            language: Some(lang.into()),
            content_text: Some("x".into()),
            date_published: Some("2026-01-01T00:00:00Z".into()),
            iom: IomExtension {
                countries: vec!["MNG".into()],
                translations: other
                    .iter()
                    .map(|(l, t)| (l.to_string(), t.to_string()))
                    .collect(),
                ..IomExtension::default()
            },
            ..Release::default()
        };
        vec![
            version(
                "a",
                "en",
                &[("fr", "b"), ("es", "https://www.iom.int/es/a")],
                "workshop",
            ),
            version("b", "fr", &[("en", "a")], "atelier"),
            version("c", "fr-CA", &[], "migrants"),
        ]
    }

    fn shown(search: &mut Search, releases: &[Release], query: &Query) -> (Vec<String>, Results) {
        let items: Vec<&Release> = releases.iter().collect();
        let results = search.run(&items, query, &Filter::default());
        let ids = results
            .matches
            .iter()
            .map(|&i| releases[i].id.clone())
            .collect();
        (ids, results)
    }

    #[test]
    fn translations_show_once_in_the_readers_language() {
        let releases = versions();
        let items: Vec<&Release> = releases.iter().collect();
        let mut search = Search::new(&items);
        search.prefer("en-GB");
        let (ids, results) = shown(&mut search, &releases, &Query::default());
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(
            results.facet(Facet::Country),
            [("MNG".to_string(), 2)],
            "releases, not versions"
        );
        assert_eq!(
            results.facet(Facet::Language),
            [("fr".to_string(), 2), ("en".to_string(), 1)],
            "every language a release is in"
        );
        search.prefer("fr");
        assert_eq!(
            shown(&mut search, &releases, &Query::default()).0,
            ["b", "c"]
        );
        // The reader's language filter picks the version, whatever the interface language.
        search.prefer("en");
        let french = Query {
            filter: Filter::default().with(Facet::Language, vec!["fr".into()]),
            ..Query::default()
        };
        assert_eq!(shown(&mut search, &releases, &french).0, ["b", "c"]);
        // Spanish is only a URL: no version here, and none in another interface language.
        search.prefer("es");
        assert_eq!(
            shown(&mut search, &releases, &Query::default()).0,
            ["a", "c"]
        );
    }

    #[test]
    fn words_find_the_version_shown_unless_the_page_asks_for_every_version() {
        let releases = versions();
        let items: Vec<&Release> = releases.iter().collect();
        let mut search = Search::new(&items);
        search.prefer("en");
        let atelier = Query {
            text: "atelier".into(),
            ..Query::default()
        };
        assert!(shown(&mut search, &releases, &atelier).0.is_empty());
        search.match_all_versions(true);
        assert_eq!(
            shown(&mut search, &releases, &atelier).0,
            ["b"],
            "the version with the words"
        );
        let narrower = Query {
            text: "atelier x".into(),
            ..Query::default()
        };
        assert_eq!(
            shown(&mut search, &releases, &narrower).0,
            ["b"],
            "narrowing keeps it"
        );
        search.match_all_versions(false);
        let workshop = Query {
            text: "workshop".into(),
            ..Query::default()
        };
        assert_eq!(shown(&mut search, &releases, &workshop).0, ["a"]);
    }
}
