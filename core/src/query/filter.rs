//! Filters: the facets a release can be found by, and whether a release fits a choice of
//! values.

use crate::i18n::Key;
use crate::Release;

/// One facet of the releases: which filter a value belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Facet {
    /// The countries a release is about (ISO 3166-1 alpha-3 codes).
    Country,
    /// Its IOM region.
    Region,
    /// Its themes.
    Tag,
    /// Its year of publication.
    Year,
    /// Its language (primary subtag).
    Language,
}

/// Everything the widget knows about a facet, in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetInfo {
    /// Which facet.
    pub facet: Facet,
    /// Its name as an embed attribute (`country="MNG,SEN"`, a filter the page sets) and in
    /// the address (`#iom-news.country=MNG`, the reader's choice).
    pub name: &'static str,
    /// The label of its control.
    pub label: Key,
}

/// The facets, in the order their controls show them.
pub const FACETS: [FacetInfo; 5] = [
    FacetInfo {
        facet: Facet::Country,
        name: "country",
        label: Key::FacetCountry,
    },
    FacetInfo {
        facet: Facet::Region,
        name: "region",
        label: Key::FacetRegion,
    },
    FacetInfo {
        facet: Facet::Tag,
        name: "tag",
        label: Key::FacetTag,
    },
    FacetInfo {
        facet: Facet::Year,
        name: "year",
        label: Key::FacetYear,
    },
    FacetInfo {
        facet: Facet::Language,
        name: "language",
        label: Key::FacetLanguage,
    },
];

impl Facet {
    /// Every facet, in the order the controls show them.
    pub const ALL: [Facet; 5] = [
        Facet::Country,
        Facet::Region,
        Facet::Tag,
        Facet::Year,
        Facet::Language,
    ];

    /// Its row in [`FACETS`].
    pub fn info(self) -> &'static FacetInfo {
        &FACETS[self as usize]
    }

    /// Whether two values of this facet are the same (any case; languages by their primary
    /// subtag, so `en-GB` is `en`).
    fn same(self, wanted: &str, have: &str) -> bool {
        match self {
            Facet::Language => primary(wanted).eq_ignore_ascii_case(primary(have)),
            _ => wanted.eq_ignore_ascii_case(have),
        }
    }
}

/// Filters: values chosen per facet, set by the page's attributes or by the reader. A release
/// fits when it matches every facet that has values; within one facet, any value will do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter([Vec<String>; 5]);

impl Filter {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    /// The values set for one facet.
    pub fn values(&self, facet: Facet) -> &[String] {
        &self.0[facet as usize]
    }

    /// The values of one facet, to change them.
    pub fn values_mut(&mut self, facet: Facet) -> &mut Vec<String> {
        &mut self.0[facet as usize]
    }

    /// This filter with `facet` set to `values`.
    pub fn with(mut self, facet: Facet, values: Vec<String>) -> Filter {
        self.0[facet as usize] = values;
        self
    }

    /// How many facets have values.
    pub fn count(&self) -> usize {
        self.0.iter().filter(|v| !v.is_empty()).count()
    }

    /// Whether `release` passes every filter that is set.
    pub fn fits(&self, release: &Release) -> bool {
        Facet::ALL.iter().all(|f| self.fits_facet(*f, release))
    }

    /// Whether `release` passes this filter's values for `facet` (always, when it has none).
    pub fn fits_facet(&self, facet: Facet, release: &Release) -> bool {
        let wanted = self.values(facet);
        wanted.is_empty()
            || facet_values(facet, release).any(|have| wanted.iter().any(|w| facet.same(w, have)))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_facet_order() {
        for (i, info) in FACETS.iter().enumerate() {
            assert_eq!(info.facet as usize, i);
            assert_eq!(Facet::ALL[i], info.facet);
        }
    }
}
