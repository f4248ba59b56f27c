//! Finding the news a reader wants: filters with facet counts, full-text search, newest-first
//! order and highlighting, as plain functions over the loaded releases.
//!
//! Implementation note: each release's searchable text is folded once ([`Indexed::text`]);
//! a keystroke only folds the words typed and scans the prepared texts. A
//! query that narrows the previous one (more letters, more words, more filters) need only
//! look at the previous matches, which [`Query::narrows`] tells the caller.

use std::cell::OnceCell;

use crate::fold::{fold, fold_with_origin};
use crate::Release;

/// Pre-set filters (from the `country`, `region` and `tag` attributes), or the reader's
/// choices. A release fits when it matches every filter that is set; within one filter, any of
/// its values will do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// ISO 3166-1 alpha-3 codes (any case).
    pub countries: Vec<String>,
    /// Region names (any case).
    pub regions: Vec<String>,
    /// Themes (any case).
    pub tags: Vec<String>,
    /// Years of publication, e.g. "2026".
    pub years: Vec<String>,
    /// Language tags (primary subtag compared, any case).
    pub languages: Vec<String>,
}

/// One facet of the releases: which filter a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    /// `countries`.
    Country,
    /// `regions`.
    Region,
    /// `tags`.
    Tag,
    /// `years`.
    Year,
    /// `languages`.
    Language,
}

impl Facet {
    /// Every facet, in the order the controls show them.
    pub const ALL: [Facet; 5] = [
        Facet::Country,
        Facet::Region,
        Facet::Tag,
        Facet::Year,
        Facet::Language,
    ];
}

impl Filter {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        Facet::ALL.iter().all(|f| self.values(*f).is_empty())
    }

    /// The values set for one facet.
    pub fn values(&self, facet: Facet) -> &[String] {
        match facet {
            Facet::Country => &self.countries,
            Facet::Region => &self.regions,
            Facet::Tag => &self.tags,
            Facet::Year => &self.years,
            Facet::Language => &self.languages,
        }
    }

    /// The values of one facet, to change them.
    pub fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        match facet {
            Facet::Country => &mut self.countries,
            Facet::Region => &mut self.regions,
            Facet::Tag => &mut self.tags,
            Facet::Year => &mut self.years,
            Facet::Language => &mut self.languages,
        }
    }

    /// Whether `release` passes every filter that is set.
    pub fn fits(&self, release: &Release) -> bool {
        Facet::ALL.iter().all(|f| self.fits_facet(*f, release))
    }

    fn fits_facet(&self, facet: Facet, release: &Release) -> bool {
        let wanted = self.values(facet);
        wanted.is_empty()
            || facet_values(facet, release)
                .any(|have| wanted.iter().any(|w| same_value(facet, w, have)))
    }
}

fn same_value(facet: Facet, wanted: &str, have: &str) -> bool {
    match facet {
        Facet::Language => primary(wanted).eq_ignore_ascii_case(primary(have)),
        _ => wanted.eq_ignore_ascii_case(have),
    }
}

fn primary(tag: &str) -> &str {
    tag.split('-').next().unwrap_or(tag)
}

/// A release's values for one facet, borrowed (a keystroke looks at every release, so
/// nothing here allocates).
pub fn facet_values(facet: Facet, release: &Release) -> impl Iterator<Item = &str> {
    let (list, single): (&[String], Option<&str>) = match facet {
        Facet::Country => (&release.iom.countries, None),
        Facet::Region => (&[], release.iom.region.as_deref()),
        Facet::Tag => (&release.tags, None),
        Facet::Year => (
            &[],
            release.date_published.as_deref().and_then(|d| d.get(..4)),
        ),
        Facet::Language => (&[], release.language.as_deref().map(primary)),
    };
    list.iter().map(String::as_str).chain(single)
}

/// What the reader asked for: words to find, and filters.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// The search text as typed.
    pub text: String,
    /// The filters chosen.
    pub filter: Filter,
}

impl Query {
    /// The folded words of the search text.
    pub fn words(&self) -> Vec<String> {
        fold(&self.text)
            .split_whitespace()
            .map(str::to_string)
            .collect()
    }

    /// Whether nothing is asked.
    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty() && self.filter.is_empty()
    }

    /// Whether every release whose text matches this query's words also matches
    /// `previous`'s (typing more letters, adding a word), so that only `previous`'s
    /// [`Results::base`] needs searching.
    pub fn narrows(&self, previous: &Query) -> bool {
        let (now, before) = (self.words(), previous.words());
        before
            .iter()
            .all(|b| now.iter().any(|n| n.contains(b.as_str())))
    }
}

/// A release prepared for searching: its publication instant, and its folded text, made the
/// first time a search needs it (so that showing the list never waits for it; the widget
/// warms it up in idle time).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Indexed {
    /// Title, summary, body text, dateline and contacts, folded.
    text: OnceCell<String>,
    /// Seconds since 1970 of `date_published`, when it has one.
    pub timestamp: Option<i64>,
}

impl Indexed {
    /// Prepares a release's date: done once, when the feed loads.
    pub fn of(release: &Release) -> Indexed {
        Indexed {
            text: OnceCell::new(),
            timestamp: release.date_published.as_deref().and_then(timestamp),
        }
    }

    /// The release's folded searchable text (`release` must be the one this was made for).
    pub fn text(&self, release: &Release) -> &str {
        self.text.get_or_init(|| searchable_text(release))
    }
}

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

/// The outcome of a query.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// Positions of the matching releases, in the order searched (newest first; releases
    /// without a date after the dated ones, in feed order).
    pub matches: Vec<usize>,
    /// For each facet, each value present among the releases that match everything else
    /// (the search and the other facets' filters), with its count, most frequent first.
    /// Every facet, in [`Facet::ALL`] order.
    pub facets: Vec<(Facet, Vec<(String, usize)>)>,
    /// Positions of the releases that pass the preset filters and the search words, before
    /// the reader's filters: what a narrower search may start from.
    pub base: Vec<usize>,
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

/// The positions of `items`, newest first; releases without a date come after the dated
/// ones, in feed order.
pub fn newest_first(items: &[(&Release, &Indexed)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Stable: equal dates, and undated releases, keep feed order.
    order.sort_by(
        |&a, &b| match (items[a].1.timestamp, items[b].1.timestamp) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        },
    );
    order
}

/// Runs `query` (and the embed's `preset` filters) over the releases.
///
/// `within` gives the positions to search, in the order the results come in: the
/// [`newest_first`] order (which a caller can keep from one keystroke to the next, so that no
/// keystroke sorts), or the [`Results::base`] of a query this one [narrows](Query::narrows).
/// Without it, every release is searched, newest first.
pub fn run(
    items: &[(&Release, &Indexed)],
    query: &Query,
    preset: &Filter,
    within: Option<&[usize]>,
) -> Results {
    run_with(items, &FacetIndex::of(items), query, preset, within, &[])
}

/// [`run`] with the feed's [`FacetIndex`] made once (a keystroke then counts facets by
/// indexing arrays instead of hashing text), and the search `words` every release in
/// `within` is already known to hold (the previous keystroke's, when this one
/// [narrows](Query::narrows) it), which are not looked for again. An index made for other
/// items is not used.
pub fn run_with(
    items: &[(&Release, &Indexed)],
    facets: &FacetIndex,
    query: &Query,
    preset: &Filter,
    within: Option<&[usize]>,
    known: &[String],
) -> Results {
    let rebuilt;
    let facets = if facets.len() == items.len() {
        facets
    } else {
        rebuilt = FacetIndex::of(items);
        &rebuilt
    };
    let words = query.words();
    let everything;
    let (positions, known) = match within {
        Some(within) => (within, known),
        None => {
            everything = newest_first(items);
            (everything.as_slice(), &[][..])
        }
    };
    let new_words: Vec<&str> = words
        .iter()
        .filter(|w| !known.contains(w))
        .map(String::as_str)
        .collect();
    // Releases that pass the preset filters and the search: the base of every count.
    let base: Vec<usize> = positions
        .iter()
        .copied()
        .filter(|&i| {
            let (release, indexed) = items[i];
            preset.fits(release)
                && (new_words.is_empty() || {
                    let text = indexed.text(release);
                    new_words.iter().all(|w| text.contains(w))
                })
        })
        .collect();
    // Which of the reader's filters each release fails, one bit a facet, worked out once.
    let misses: Vec<u8> = base
        .iter()
        .map(|&i| {
            Facet::ALL
                .iter()
                .enumerate()
                .filter(|(_, f)| !query.filter.fits_facet(**f, items[i].0))
                .fold(0, |bits, (bit, _)| bits | 1 << bit)
        })
        .collect();
    // A value is counted when every other facet's filter fits (its own may not).
    let mut counts: [Vec<usize>; 5] = std::array::from_fn(|f| vec![0; facets.values[f].len()]);
    for (&i, &missed) in base.iter().zip(&misses) {
        if missed.count_ones() > 1 {
            continue;
        }
        for &(facet, id) in facets.entries_of(i) {
            if missed & !(1 << facet) == 0 {
                counts[usize::from(facet)][id as usize] += 1;
            }
        }
    }
    let mut results = Vec::with_capacity(Facet::ALL.len());
    for (f, facet) in Facet::ALL.into_iter().enumerate() {
        let mut counted: Vec<(String, usize)> = counts[f]
            .iter()
            .zip(&facets.values[f])
            .filter(|(&count, _)| count > 0)
            .map(|(&count, value)| (value.clone(), count))
            .collect();
        // Years read best newest first; other values by frequency, then name.
        if facet == Facet::Year {
            counted.sort_by(|a, b| b.0.cmp(&a.0));
        } else {
            counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        }
        results.push((facet, counted));
    }
    // `positions` are in order, so the matches are too.
    let matches: Vec<usize> = base
        .iter()
        .zip(&misses)
        .filter(|(_, &missed)| missed == 0)
        .map(|(&i, _)| i)
        .collect();
    Results {
        matches,
        facets: results,
        base,
    }
}

/// Every release's facet values as numbers, made once per feed, so that counting them is
/// adding in arrays rather than hashing text on every keystroke.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FacetIndex {
    /// Per facet (in [`Facet::ALL`] order), the distinct values, in the order of their text.
    values: [Vec<String>; 5],
    /// Where each release's entries start in `entries`, and one past the last.
    starts: Vec<usize>,
    /// `(facet, value number)` of each release, release after release.
    entries: Vec<(u8, u32)>,
}

impl FacetIndex {
    /// Numbers the facet values of `items`.
    pub fn of(items: &[(&Release, &Indexed)]) -> FacetIndex {
        let mut index = FacetIndex {
            starts: Vec::with_capacity(items.len() + 1),
            ..FacetIndex::default()
        };
        // Every value where it occurs, numbered afterwards in the order of its text (sorting,
        // not hashing: see `crate::order_by_text`).
        let mut occurrences: [Vec<&str>; 5] = Default::default();
        let mut slots: [Vec<usize>; 5] = Default::default();
        for (release, _) in items {
            index.starts.push(index.entries.len());
            for (f, facet) in Facet::ALL.into_iter().enumerate() {
                for value in facet_values(facet, release) {
                    occurrences[f].push(value);
                    slots[f].push(index.entries.len());
                    #[allow(clippy::cast_possible_truncation)] // f < 5
                    index.entries.push((f as u8, 0));
                }
            }
        }
        index.starts.push(index.entries.len());
        for f in 0..Facet::ALL.len() {
            let values = &occurrences[f];
            let mut previous: Option<&str> = None;
            for i in crate::order_by_text(values) {
                if previous != Some(values[i]) {
                    index.values[f].push(values[i].to_string());
                    previous = Some(values[i]);
                }
                let number = u32::try_from(index.values[f].len() - 1).unwrap_or(u32::MAX);
                index.entries[slots[f][i]].1 = number;
            }
        }
        index
    }

    /// How many releases it was made for.
    pub fn len(&self) -> usize {
        self.starts.len().saturating_sub(1)
    }

    /// Whether it was made for no releases.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn entries_of(&self, i: usize) -> &[(u8, u32)] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => self.entries.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// `text` cut into pieces, each marked `true` where one of the query's words matches
/// (case- and accent-insensitively), for highlighting.
pub fn highlight(text: &str, words: &[String]) -> Vec<(String, bool)> {
    let chars: Vec<char> = text.chars().collect();
    let (folded, origin) = fold_with_origin(text);
    let mut marked = vec![false; chars.len()];
    for word in words.iter().filter(|w| !w.is_empty()) {
        let mut from = 0;
        while let Some(at) = folded[from..].find(word.as_str()) {
            let start = from + at;
            let end = start + word.len();
            let (first, last) = (origin[start], origin[end - 1]);
            marked[first..=last].iter_mut().for_each(|m| *m = true);
            from = end;
        }
    }
    let mut pieces: Vec<(String, bool)> = Vec::new();
    for (c, m) in chars.into_iter().zip(marked) {
        match pieces.last_mut() {
            Some((piece, mark)) if *mark == m => piece.push(c),
            _ => pieces.push((c.to_string(), m)),
        }
    }
    pieces
}

/// Seconds since 1970-01-01T00:00:00Z of an RFC 3339 date-time (already validated).
pub fn timestamp(rfc3339: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| rfc3339.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    let zone = rfc3339
        .get(19..)?
        .trim_start_matches(|c: char| c == '.' || c.is_ascii_digit());
    let offset = match zone.as_bytes().first() {
        Some(b'Z' | b'z') => 0,
        Some(sign @ (b'+' | b'-')) => {
            let minutes =
                zone.get(1..3)?.parse::<i64>().ok()? * 60 + zone.get(4..6)?.parse::<i64>().ok()?;
            if *sign == b'+' {
                minutes * 60
            } else {
                -minutes * 60
            }
        }
        _ => return None,
    };
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second - offset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::IomExtension;
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

    fn ids(releases: &[Release], query: &Query, preset: &Filter) -> Vec<String> {
        let indexed: Vec<Indexed> = releases.iter().map(Indexed::of).collect();
        let items: Vec<(&Release, &Indexed)> = releases.iter().zip(&indexed).collect();
        run(&items, query, preset, None)
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
        senegal.content_html =
            Some("<p>Les migrants &amp; la santé à Dakar.</p><script>var x</script>".into());
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
    fn an_index_made_for_other_releases_is_not_used() {
        let releases = sample();
        let indexed: Vec<Indexed> = releases.iter().map(Indexed::of).collect();
        let items: Vec<(&Release, &Indexed)> = releases.iter().zip(&indexed).collect();
        let stale = FacetIndex::of(&items[..2]);
        let query = Query::default();
        let none = Filter::default();
        assert_eq!(
            run_with(&items, &stale, &query, &none, None, &[]),
            run(&items, &query, &none, None)
        );
        assert_eq!(
            run(&items, &query, &none, None).facet(Facet::Country).len(),
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
        assert!(find("senegal kieran").is_empty());
        assert_eq!(find("   ").len(), 5);
    }

    #[test]
    fn filters_combine_and_count_facets() {
        let releases = sample();
        let query = Query {
            filter: Filter {
                countries: vec!["MNG".into()],
                ..Filter::default()
            },
            ..Query::default()
        };
        assert_eq!(
            ids(&releases, &query, &Filter::default()),
            ["mng", "undated"]
        );
        let indexed: Vec<Indexed> = releases.iter().map(Indexed::of).collect();
        let items: Vec<(&Release, &Indexed)> = releases.iter().zip(&indexed).collect();
        let results = run(&items, &query, &Filter::default(), None);
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
            filter: Filter {
                years: vec!["2026".into()],
                languages: vec!["EN".into()],
                ..query.filter.clone()
            },
            ..query
        };
        assert_eq!(ids(&releases, &with_year, &Filter::default()), ["mng"]);
        let preset = Filter {
            tags: vec!["emergencies".into()],
            ..Filter::default()
        };
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
            filter: Filter {
                countries: countries.iter().map(|c| c.to_string()).collect(),
                ..Filter::default()
            },
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

    #[test]
    fn highlights_matches_in_the_original_text() {
        let words = Query {
            text: "senegal DAKAR".into(),
            ..Query::default()
        }
        .words();
        assert_eq!(
            highlight("Au Sénégal, à Dakar.", &words),
            [
                ("Au ".to_string(), false),
                ("Sénégal".to_string(), true),
                (", à ".to_string(), false),
                ("Dakar".to_string(), true),
                (".".to_string(), false),
            ]
        );
        assert_eq!(
            highlight("Straße", &["ss".to_string()]),
            [
                ("Stra".to_string(), false),
                ("ß".to_string(), true),
                ("e".to_string(), false)
            ]
        );
    }

    #[test]
    fn reads_timestamps() {
        assert_eq!(timestamp("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(timestamp("2026-11-29T10:00:00Z"), Some(1_795_946_400));
        assert_eq!(timestamp("2026-11-29T11:00:00+01:00"), Some(1_795_946_400));
        assert_eq!(timestamp("2026-11-29T10:00:00.5Z"), Some(1_795_946_400));
    }
}
