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

    /// For each facet, each value present among `base` (positions of releases) that fit every
    /// other facet's `chosen` values, with its count: most frequent first (then by name), years
    /// newest first. Also the positions in `base` that fit every facet.
    pub(crate) fn count(
        &self,
        releases: &[&Release],
        base: &[usize],
        chosen: &Filter,
    ) -> (FacetCounts, Vec<usize>) {
        // Which of the chosen filters each release fails, one bit a facet, worked out once.
        let misses: Vec<u8> = base
            .iter()
            .map(|&i| {
                Facet::ALL
                    .iter()
                    .enumerate()
                    .filter(|(_, f)| !chosen.fits_facet(**f, releases[i]))
                    .fold(0, |bits, (bit, _)| bits | 1 << bit)
            })
            .collect();
        // A value is counted when every other facet's filter fits (its own may not).
        let mut counts: [Vec<usize>; 5] = std::array::from_fn(|f| vec![0; self.values[f].len()]);
        for (&i, &missed) in base.iter().zip(&misses) {
            if missed.count_ones() > 1 {
                continue;
            }
            for &(facet, id) in self.entries_of(i) {
                if missed & !(1 << facet) == 0 {
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
        let matches = base
            .iter()
            .zip(&misses)
            .filter(|(_, &missed)| missed == 0)
            .map(|(&i, _)| i)
            .collect();
        (facets, matches)
    }
}
