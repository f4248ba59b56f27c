//! Finding the news a reader wants: filters with facet counts, full-text search in every
//! script, newest-first order and highlighting.

mod facets;
mod filter;
mod highlight;
mod search;

pub use filter::{facet_values, Facet, FacetInfo, Filter, FACETS};
pub use highlight::highlight;
pub use search::{Results, Search};

use crate::fold::fold;

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
    /// `previous`'s (typing more letters, adding a word), so that a search can start from
    /// `previous`'s matches.
    pub fn narrows(&self, previous: &Query) -> bool {
        let (now, before) = (self.words(), previous.words());
        before
            .iter()
            .all(|b| now.iter().any(|n| n.contains(b.as_str())))
    }
}
