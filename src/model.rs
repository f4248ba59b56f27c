//! What the views show, made by the hooks from the state: display values in the reader's
//! language, links, filter controls. Plain values, compared cheaply, so that a view renders
//! again only when what it shows changed.

use std::rc::Rc;

use iom_news_core::query::Facet;

use crate::state::Entry;

/// A release's values in the reader's language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Display {
    /// The publication date, when the item has one.
    pub date: Option<String>,
    /// The countries' names, as a list in the reader's language.
    pub countries: String,
}

/// A release as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The release.
    pub entry: Rc<Entry>,
    /// Its date and countries in the reader's language.
    pub display: Rc<Display>,
}

/// The releases the list shows: the matches, up to the limit.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Listing {
    /// The releases shown.
    pub cards: Rc<Vec<Card>>,
    /// The first match beyond the limit, if any.
    pub first_hidden: Option<String>,
    /// How many releases match, said in the reader's language ("3 results").
    pub said: String,
    /// The folded search words, for highlighting.
    pub words: Rc<Vec<String>>,
    /// When the list is the copy kept from an earlier visit: the notice that says of when.
    pub stale: Option<String>,
}

/// A link to the same release in another language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Translation {
    /// The language's tag, for `hreflang` and `lang`.
    pub lang: String,
    /// Its writing direction, `ltr` or `rtl`.
    pub dir: &'static str,
    /// The language's name, in that language's own words where the browser knows them.
    pub name: String,
    /// The link.
    pub href: String,
    /// The release's id when it is in this feed (it then opens in place).
    pub id: Option<String>,
}

/// One filter control: a facet and the values present, with their counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetControl {
    /// Which filter.
    pub facet: Facet,
    /// The values to choose from, in the order shown.
    pub options: Vec<FacetOption>,
}

/// One value of a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetOption {
    /// The value as stored (a country code, a year, ...).
    pub value: String,
    /// The value as shown (a country name, ...).
    pub label: String,
    /// How many releases have it, given everything else chosen, in the reader's digits.
    pub count: String,
}
