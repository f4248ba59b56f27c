//! Choosing which releases to show: the pre-set filters of an embed.

use crate::Release;

/// Pre-set filters (from the `country`, `region` and `tag` attributes). A release fits when it
/// matches every filter that is set; within one filter, any of its values will do.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Filter {
    /// ISO 3166-1 alpha-3 codes (any case).
    pub countries: Vec<String>,
    /// Region names (any case).
    pub regions: Vec<String>,
    /// Themes (any case).
    pub tags: Vec<String>,
}

impl Filter {
    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.countries.is_empty() && self.regions.is_empty() && self.tags.is_empty()
    }

    /// Whether `release` passes every filter that is set.
    pub fn fits(&self, release: &Release) -> bool {
        fn any<'a>(wanted: &[String], mut have: impl Iterator<Item = &'a String>) -> bool {
            wanted.is_empty() || have.any(|h| wanted.iter().any(|w| w.eq_ignore_ascii_case(h)))
        }
        any(&self.countries, release.iom.countries.iter())
            && any(&self.regions, release.iom.region.iter())
            && any(&self.tags, release.tags.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::feed::IomExtension;

    fn release(countries: &[&str], region: Option<&str>, tags: &[&str]) -> Release {
        Release {
            id: "x".into(),
            tags: tags.iter().map(|t| t.to_string()).collect(),
            iom: IomExtension {
                countries: countries.iter().map(|c| c.to_string()).collect(),
                region: region.map(str::to_string),
                ..IomExtension::default()
            },
            ..Release::default()
        }
    }

    #[test]
    fn every_set_filter_must_fit() {
        let mongolia = release(
            &["MNG"],
            Some("Asia and the Pacific"),
            &["Labour Migration"],
        );
        let senegal = release(&["SEN"], Some("West and Central Africa"), &[]);
        let none = Filter::default();
        assert!(none.is_empty() && none.fits(&mongolia) && none.fits(&senegal));

        let by_country = Filter {
            countries: vec!["mng".into(), "CHN".into()],
            ..Filter::default()
        };
        assert!(by_country.fits(&mongolia));
        assert!(!by_country.fits(&senegal));

        let country_and_tag = Filter {
            countries: vec!["MNG".into()],
            tags: vec!["labour migration".into()],
            ..Filter::default()
        };
        assert!(country_and_tag.fits(&mongolia));
        let wrong_region = Filter {
            regions: vec!["Europe and Central Asia".into()],
            ..country_and_tag
        };
        assert!(!wrong_region.fits(&mongolia));
    }
}
