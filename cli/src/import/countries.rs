//! Country names, as press releases write them, to ISO 3166-1 alpha-3 codes.
//!
//! Implementation note: the names and their common variants come from the `celes` crate
//! ("Mongolia", "Viet Nam", "Côte d'Ivoire", "Türkiye", "Syria", "Laos", ...); a code is kept
//! only when core's own ISO 3166-1 table knows it, so that the widget accepts it (celes also
//! lists Kosovo under the user-assigned code XKX, which is not ISO 3166-1). Names in French,
//! Spanish, Russian and Chinese ("Suisse", "Suiza", "Швейцария", "瑞士") come from
//! [`super::country_names`], generated from pycountry's translations.

use std::collections::HashMap;
use std::sync::LazyLock;

use celes::Country;
use iom_news_core::country;

use super::release::fold;

/// Names IOM writes that celes does not list.
const MORE_NAMES: [(&str, &str); 6] = [
    ("drc", "COD"),
    ("drcongo", "COD"),
    ("republicofcongo", "COG"),
    ("congobrazzaville", "COG"),
    ("congokinshasa", "COD"),
    ("unitedstates", "USA"),
];

/// The alpha-3 code of a country written as a name ("Mongolia", "the Gambia", "Viet Nam"), an
/// alpha-3 code ("MNG", any case) or an alpha-2 code in capitals ("MN"); `None` for anything
/// else.
pub fn alpha3(written: &str) -> Option<&'static str> {
    let written = written.trim();
    if written.len() == 2 && written.chars().all(|c| c.is_ascii_uppercase()) {
        return country::alpha3_for_alpha2(written);
    }
    if written.len() == 3 && written.chars().all(|c| c.is_ascii_alphabetic()) {
        if let Some(code) = known(&written.to_ascii_uppercase()) {
            return Some(code);
        }
    }
    // celes keys its names in lower case without spaces: "thegambia", "vietnam".
    let key: String = fold(written)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    if written.chars().count() > 80 {
        return None;
    }
    if let Some((_, code)) = MORE_NAMES.iter().find(|(name, _)| *name == key) {
        return Some(code);
    }
    let found = Some(&key).filter(|k| !k.is_empty()).and_then(|key| {
        Country::from_name(key)
            .or_else(|_| Country::from_alias(key))
            .or_else(|_| Country::from_name(format!("the{key}")))
            .ok()
    });
    match found {
        Some(found) => known(found.alpha3),
        None => LOCAL_NAMES
            .get(&local_key(written))
            .copied()
            .and_then(known),
    }
}

/// A name as the table of names in other languages is keyed: folded (lower case, without
/// accents), letters and digits of any script only.
fn local_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// The names in French, Spanish, Russian and Chinese, by [`local_key`].
static LOCAL_NAMES: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    super::country_names::NAMES
        .iter()
        .map(|(name, code)| (local_key(name), *code))
        .collect()
});

/// The code as core's table spells it, if core knows it.
fn known(code: &str) -> Option<&'static str> {
    country::alpha2(code).and_then(country::alpha3_for_alpha2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_as_releases_write_them() {
        for (name, code) in [
            ("Mongolia", "MNG"),
            ("MONGOLIA", "MNG"),
            ("Viet Nam", "VNM"),
            ("Vietnam", "VNM"),
            ("Côte d'Ivoire", "CIV"),
            ("Türkiye", "TUR"),
            ("Turkey", "TUR"),
            ("the Gambia", "GMB"),
            ("Gambia", "GMB"),
            ("Democratic Republic of the Congo", "COD"),
            ("DRC", "COD"),
            ("Syria", "SYR"),
            ("United Kingdom", "GBR"),
            ("United States", "USA"),
            ("Republic of Moldova", "MDA"),
            ("Senegal", "SEN"),
            ("MNG", "MNG"),
            ("mng", "MNG"),
            ("MN", "MNG"),
        ] {
            assert_eq!(alpha3(name), Some(code), "{name}");
        }
        for name in ["Ulaanbaatar", "Geneva", "Kosovo", "XKX", "", "mn", "IOM"] {
            assert_eq!(alpha3(name), None, "{name}");
        }
    }

    #[test]
    fn reads_names_in_french_spanish_russian_and_chinese() {
        for (name, code) in [
            ("Suisse", "CHE"),
            ("SUISSE", "CHE"),
            ("Suiza", "CHE"),
            ("Sénégal", "SEN"),
            ("Senegal", "SEN"),
            ("Tchad", "TCD"),
            ("République démocratique du Congo", "COD"),
            ("República Democrática del Congo", "COD"),
            ("RDC", "COD"),
            ("Côte d'Ivoire", "CIV"),
            ("Costa de Marfil", "CIV"),
            ("Haïti", "HTI"),
            ("Haití", "HTI"),
            ("États-Unis", "USA"),
            ("Estados Unidos", "USA"),
            ("Royaume-Uni", "GBR"),
            ("Russie", "RUS"),
            ("Fédération de Russie", "RUS"),
            ("Rusia", "RUS"),
            ("Birmanie", "MMR"),
            ("Швейцария", "CHE"),
            ("Россия", "RUS"),
            ("瑞士", "CHE"),
            ("塞内加尔", "SEN"),
        ] {
            assert_eq!(alpha3(name), Some(code), "{name}");
        }
        for name in ["Genève", "Ginebra", "Dakar", "Sahel"] {
            assert_eq!(alpha3(name), None, "{name}");
        }
    }

    #[test]
    fn no_name_in_the_table_stands_for_two_countries() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for (name, code) in super::super::country_names::NAMES {
            assert!(known(code).is_some(), "{name}: {code}");
            let earlier = seen.insert(local_key(name), code);
            assert!(earlier.is_none_or(|c| c == code), "{name}");
        }
    }
}
