//! Facet counts: how many of the matching releases have each value, so that the reader sees
//! what a filter would leave.

use super::filter::{facet_values, Facet, Filter};
use crate::Release;

/// For each facet, each value with its count.
pub(crate) type FacetCounts = Vec<(Facet, Vec<(String, usize)>)>;

/// Every release's facet values as numbers, made once per feed, so that counting them on a
/// keystroke is adding in arrays rather than comparing text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct FacetIndex {
    /// Per facet (in [`Facet::ALL`] order), the distinct values, in the order of their text.
    values: [Vec<String>; 5],
    /// Where each release's entries start in `entries`, and one past the last.
    starts: Vec<usize>,
    /// `(facet, value number)` of each release, release after release.
    entries: Vec<(u8, u32)>,
}

impl FacetIndex {
    /// Numbers the facet values of `releases`.
    pub(crate) fn of(releases: &[&Release]) -> FacetIndex {
        let mut index = FacetIndex {
            starts: Vec::with_capacity(releases.len() + 1),
            ..FacetIndex::default()
        };
        // Every value where it occurs, numbered afterwards in the order of its text (sorting,
        // not hashing: see `crate::order_by_text`).
        let mut occurrences: [Vec<&str>; 5] = Default::default();
        let mut slots: [Vec<usize>; 5] = Default::default();
        for release in releases {
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
        for (f, values) in occurrences.iter().enumerate() {
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

    fn entries_of(&self, i: usize) -> &[(u8, u32)] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => self.entries.get(start..end).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// For each facet, each value with how many `counted` releases have it and fit every
    /// other facet's chosen values (its own may not fit: the reader sees what choosing it
    /// would give); most frequent first (then by name), years newest first.
    pub(crate) fn count(&self, counted: &[Counted]) -> FacetCounts {
        let mut counts: [Vec<usize>; 5] = std::array::from_fn(|f| vec![0; self.values[f].len()]);
        for c in counted {
            if c.misses.count_ones() > 1 {
                continue;
            }
            for &(facet, id) in self.entries_of(c.release) {
                if c.facets & (1 << facet) != 0 && c.misses & !(1 << facet) == 0 {
                    counts[usize::from(facet)][id as usize] += 1;
                }
            }
        }
        let mut facets = Vec::with_capacity(Facet::ALL.len());
        for (f, facet) in Facet::ALL.into_iter().enumerate() {
            let mut counted: Vec<(String, usize)> = counts[f]
                .iter()
                .zip(&self.values[f])
                .filter(|(&count, _)| count > 0)
                .map(|(&count, value)| (value.clone(), count))
                .collect();
            // Years read best newest first; other values by frequency, then name.
            if facet == Facet::Year {
                counted.sort_by(|a, b| b.0.cmp(&a.0));
            } else {
                counted.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            }
            facets.push((facet, counted));
        }
        facets
    }
}

/// A release whose facet values are counted: which facets of it (one bit each, in
/// [`Facet::ALL`] order), and which of the chosen filters its release fails.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Counted {
    pub(crate) release: usize,
    pub(crate) facets: u8,
    pub(crate) misses: u8,
}

/// Which of `chosen`'s facets `release` fails, one bit a facet.
pub(crate) fn misses(chosen: &Filter, release: &Release) -> u8 {
    Facet::ALL
        .iter()
        .enumerate()
        .filter(|(_, f)| !chosen.fits_facet(**f, release))
        .fold(0, |bits, (bit, _)| bits | 1 << bit)
}
