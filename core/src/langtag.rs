//! BCP 47 language tags (RFC 5646): a well-formedness check with a helpful message.

/// Whether `tag` is a well-formed BCP 47 language tag such as `en`, `fr-CA`, `zh-Hans-CN`
/// or `es-419`; the error says what would be right.
pub fn check(tag: &str) -> Result<(), String> {
    if is_well_formed(tag) {
        return Ok(());
    }
    let hint = if tag.contains('_') && is_well_formed(&tag.replace('_', "-")) {
        format!(
            "write {} (a hyphen, not an underscore)",
            crate::quoted(&tag.replace('_', "-"))
        )
    } else {
        "write a BCP 47 tag such as \"en\", \"fr\", \"es\", \"ar\", \"zh-Hans\" or \"ru\"".into()
    };
    Err(format!(
        "not a language tag: {}; {hint}",
        crate::quoted(tag)
    ))
}

/// The writing direction of text in the language `tag`: `rtl` for the languages and scripts
/// written right to left (Arabic, Hebrew, Persian, Urdu, Pashto, ... and the Arab, Hebr,
/// Thaa, Syrc, Nkoo, Adlm and Rohg scripts), else `ltr`. A script subtag wins over the
/// language's usual script (`az-Arab` is right to left, `ku-Latn` left to right).
pub fn direction(tag: &str) -> &'static str {
    const RTL_LANGUAGES: [&str; 14] = [
        "ar", "he", "iw", "fa", "ur", "ps", "sd", "ug", "yi", "dv", "ckb", "syr", "prs", "ks",
    ];
    const RTL_SCRIPTS: [&str; 7] = ["arab", "hebr", "thaa", "syrc", "nkoo", "adlm", "rohg"];
    let mut subtags = tag.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default().to_ascii_lowercase();
    let script = subtags
        .find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_ascii_lowercase);
    let rtl = match script {
        Some(script) => RTL_SCRIPTS.contains(&script.as_str()),
        None => RTL_LANGUAGES.contains(&primary.as_str()),
    };
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

fn is_well_formed(tag: &str) -> bool {
    let subtags: Vec<&str> = tag.split('-').collect();
    if subtags
        .iter()
        .any(|s| s.is_empty() || !s.chars().all(|c| c.is_ascii_alphanumeric()))
    {
        return false;
    }
    let alpha = |s: &str| s.chars().all(|c| c.is_ascii_alphabetic());
    let digit = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let len = |s: &str, range: std::ops::RangeInclusive<usize>| range.contains(&s.len());
    let mut rest = subtags.as_slice();
    // A tag that is private use only: x-...
    if rest[0].eq_ignore_ascii_case("x") {
        return rest.len() > 1 && rest[1..].iter().all(|s| len(s, 1..=8));
    }
    // Primary language: 2-3 letters, with up to three extlangs. RFC 5646 also reserves 4-8
    // letter primary subtags, but none is registered, so a word such as "French" is refused.
    match rest.split_first() {
        Some((first, tail)) if alpha(first) && len(first, 2..=3) => {
            rest = tail;
            let mut extlangs = 0;
            while let Some((s, tail)) = rest.split_first() {
                if extlangs < 3 && alpha(s) && s.len() == 3 {
                    extlangs += 1;
                    rest = tail;
                } else {
                    break;
                }
            }
        }
        _ => return false,
    }
    // Script: 4 letters.
    if let Some((s, tail)) = rest.split_first() {
        if alpha(s) && s.len() == 4 {
            rest = tail;
        }
    }
    // Region: 2 letters or 3 digits.
    if let Some((s, tail)) = rest.split_first() {
        if (alpha(s) && s.len() == 2) || (digit(s) && s.len() == 3) {
            rest = tail;
        }
    }
    // Variants: 5-8 alphanumerics, or a digit and 3 alphanumerics.
    while let Some((s, tail)) = rest.split_first() {
        let starts_with_digit = s.chars().next().is_some_and(|c| c.is_ascii_digit());
        if len(s, 5..=8) || (s.len() == 4 && starts_with_digit) {
            rest = tail;
        } else {
            break;
        }
    }
    // Extensions: a singleton (not x) and one or more 2-8 character subtags.
    while let Some((s, tail)) = rest.split_first() {
        if s.len() == 1 && !s.eq_ignore_ascii_case("x") {
            let n = tail.iter().take_while(|t| len(t, 2..=8)).count();
            if n == 0 {
                return false;
            }
            rest = &tail[n..];
        } else {
            break;
        }
    }
    // Private use: x and one or more 1-8 character subtags.
    if let Some((s, tail)) = rest.split_first() {
        if s.eq_ignore_ascii_case("x") && !tail.is_empty() && tail.iter().all(|t| len(t, 1..=8)) {
            rest = &[];
        }
    }
    rest.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_which_languages_read_right_to_left() {
        for rtl in ["ar", "ar-EG", "AR", "he", "fa-IR", "ur", "az-Arab", "ckb"] {
            assert_eq!(direction(rtl), "rtl", "{rtl}");
        }
        for ltr in [
            "en",
            "fr",
            "zh-Hans",
            "ru",
            "es-419",
            "ku-Latn",
            "ar-Latn",
            "x-private",
            "",
        ] {
            assert_eq!(direction(ltr), "ltr", "{ltr}");
        }
    }

    #[test]
    fn accepts_well_formed_tags() {
        for tag in [
            "en",
            "fr",
            "es",
            "ar",
            "zh",
            "ru",
            "en-GB",
            "fr-CA",
            "es-419",
            "zh-Hans",
            "zh-Hans-CN",
            "sr-Latn-RS",
            "de-CH-1901",
            "en-US-x-twain",
            "x-private",
            "zh-yue",
            "ar-u-nu-latn",
            "haw",
        ] {
            assert_eq!(check(tag), Ok(()), "{tag}");
        }
    }

    #[test]
    fn rejects_malformed_tags_with_a_hint() {
        assert_eq!(
            check("en_US").unwrap_err(),
            "not a language tag: \"en_US\"; write \"en-US\" (a hyphen, not an underscore)"
        );
        for tag in [
            "",
            "e",
            "French",
            "english language",
            "en-",
            "-en",
            "123",
            "en-a",
            "en--GB",
            "fr-x",
        ] {
            assert!(check(tag).is_err(), "{tag}");
        }
        assert!(check("english language").unwrap_err().contains("BCP 47"));
    }
}
