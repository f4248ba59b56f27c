//! Text folding for search: case-insensitive and accent-insensitive in Latin, Cyrillic and
//! Greek, with the usual Arabic normalizations; Chinese passes through unchanged.
//!
//! Implementation note: a full Unicode normalization table would add tens of kilobytes to the
//! wasm. This hand-written table covers the Latin letters of the languages IOM publishes in
//! (Latin-1 Supplement and Latin Extended-A, which hold every accented letter of French,
//! Spanish, Portuguese, German, the Nordic and Central European languages, Vietnamese base
//! letters excepted), plus combining marks for text that arrives decomposed. Lowercasing uses
//! [`LOWER`], a run-length form of Unicode's simple lowercase mapping (a short table of runs)
//! instead of std's tables (several KB more in the wasm); a test checks it against std's
//! `char::to_lowercase` for every character.

/// The searchable form of `text`.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// `text` folded, with the index of the original character for each byte of the result, so
/// that a match in the folded text can be mapped back for highlighting.
pub fn fold_with_origin(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len());
    for (i, c) in text.chars().enumerate() {
        push_folded(c, &mut out);
        origin.resize(out.len(), i);
    }
    (out, origin)
}

fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Combining marks (decomposed accents), Arabic harakat and tatweel are dropped.
    if matches!(c, '\u{0300}'..='\u{036F}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}') {
        return;
    }
    let lower = lowercase_char(c);
    match base_of(lower) {
        Some(base) => out.push_str(base),
        None => out.push(lower),
    }
}

/// `text` in lowercase (Unicode's simple mapping: one character for one).
pub fn lowercase(text: &str) -> String {
    text.chars().map(lowercase_char).collect()
}

/// The lowercase form of `c`: the first character of `c.to_lowercase()`, from [`LOWER`].
pub fn lowercase_char(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let code = c as u32;
    let i = LOWER.partition_point(|&(key, _)| key >> 8 <= code);
    let Some(&(key, rule)) = i.checked_sub(1).and_then(|i| LOWER.get(i)) else {
        return c;
    };
    let (start, count) = (key >> 8, key & 0xff);
    let stride = (rule & 1).unsigned_abs() + 1;
    let offset = code - start;
    if offset % stride != 0 || offset / stride >= count {
        return c;
    }
    char::from_u32(code.wrapping_add_signed(rule >> 1)).unwrap_or(c)
}

/// Unicode's lowercase mapping outside ASCII, as runs: `(start << 8 | count, delta << 1 |
/// stride - 1)`. A run maps `count` characters from `start`, each `stride` (1 or 2) apart, to
/// the character `delta` away. Generated from std's `char::to_lowercase` (Rust 1.95) by
/// keeping the first character of each mapping; `lowercase_matches_std_for_every_character`
/// checks it.
#[rustfmt::skip]
const LOWER: &[(u32, i32)] = &[
    (0xc017, 64),
    (0xd807, 64),
    (0x10018, 3),
    (0x13001, -398),
    (0x13203, 3),
    (0x13908, 3),
    (0x14a17, 3),
    (0x17801, -242),
    (0x17903, 3),
    (0x18101, 420),
    (0x18202, 3),
    (0x18601, 412),
    (0x18701, 2),
    (0x18902, 410),
    (0x18b01, 2),
    (0x18e01, 158),
    (0x18f01, 404),
    (0x19001, 406),
    (0x19101, 2),
    (0x19301, 410),
    (0x19401, 414),
    (0x19601, 422),
    (0x19701, 418),
    (0x19801, 2),
    (0x19c01, 422),
    (0x19d01, 426),
    (0x19f01, 428),
    (0x1a003, 3),
    (0x1a601, 436),
    (0x1a701, 2),
    (0x1a901, 436),
    (0x1ac01, 2),
    (0x1ae01, 436),
    (0x1af01, 2),
    (0x1b102, 434),
    (0x1b302, 3),
    (0x1b701, 438),
    (0x1b801, 2),
    (0x1bc01, 2),
    (0x1c401, 4),
    (0x1c501, 2),
    (0x1c701, 4),
    (0x1c801, 2),
    (0x1ca01, 4),
    (0x1cb09, 3),
    (0x1de09, 3),
    (0x1f101, 4),
    (0x1f202, 3),
    (0x1f601, -194),
    (0x1f701, -112),
    (0x1f814, 3),
    (0x22001, -260),
    (0x22209, 3),
    (0x23a01, 21590),
    (0x23b01, 2),
    (0x23d01, -326),
    (0x23e01, 21584),
    (0x24101, 2),
    (0x24301, -390),
    (0x24401, 138),
    (0x24501, 142),
    (0x24605, 3),
    (0x37002, 3),
    (0x37601, 2),
    (0x37f01, 232),
    (0x38601, 76),
    (0x38803, 74),
    (0x38c01, 128),
    (0x38e02, 126),
    (0x39111, 64),
    (0x3a309, 64),
    (0x3cf01, 16),
    (0x3d80c, 3),
    (0x3f401, -120),
    (0x3f701, 2),
    (0x3f901, -14),
    (0x3fa01, 2),
    (0x3fd03, -260),
    (0x40010, 160),
    (0x41020, 64),
    (0x46011, 3),
    (0x48a1b, 3),
    (0x4c001, 30),
    (0x4c107, 3),
    (0x4d030, 3),
    (0x53126, 96),
    (0x10a026, 14528),
    (0x10c701, 14528),
    (0x10cd01, 14528),
    (0x13a050, 77728),
    (0x13f006, 16),
    (0x1c8901, 2),
    (0x1c902b, -6016),
    (0x1cbd03, -6016),
    (0x1e004b, 3),
    (0x1e9e01, -15230),
    (0x1ea030, 3),
    (0x1f0808, -16),
    (0x1f1806, -16),
    (0x1f2808, -16),
    (0x1f3808, -16),
    (0x1f4806, -16),
    (0x1f5904, -15),
    (0x1f6808, -16),
    (0x1f8808, -16),
    (0x1f9808, -16),
    (0x1fa808, -16),
    (0x1fb802, -16),
    (0x1fba02, -148),
    (0x1fbc01, -18),
    (0x1fc804, -172),
    (0x1fcc01, -18),
    (0x1fd802, -16),
    (0x1fda02, -200),
    (0x1fe802, -16),
    (0x1fea02, -224),
    (0x1fec01, -14),
    (0x1ff802, -256),
    (0x1ffa02, -252),
    (0x1ffc01, -18),
    (0x212601, -15034),
    (0x212a01, -16766),
    (0x212b01, -16524),
    (0x213201, 56),
    (0x216010, 32),
    (0x218301, 2),
    (0x24b61a, 52),
    (0x2c0030, 96),
    (0x2c6001, 2),
    (0x2c6201, -21486),
    (0x2c6301, -7628),
    (0x2c6401, -21454),
    (0x2c6703, 3),
    (0x2c6d01, -21560),
    (0x2c6e01, -21498),
    (0x2c6f01, -21566),
    (0x2c7001, -21564),
    (0x2c7201, 2),
    (0x2c7501, 2),
    (0x2c7e02, -21630),
    (0x2c8032, 3),
    (0x2ceb02, 3),
    (0x2cf201, 2),
    (0xa64017, 3),
    (0xa6800e, 3),
    (0xa72207, 3),
    (0xa7321f, 3),
    (0xa77902, 3),
    (0xa77d01, -70664),
    (0xa77e05, 3),
    (0xa78b01, 2),
    (0xa78d01, -84560),
    (0xa79002, 3),
    (0xa7960a, 3),
    (0xa7aa01, -84616),
    (0xa7ab01, -84638),
    (0xa7ac01, -84630),
    (0xa7ad01, -84610),
    (0xa7ae01, -84616),
    (0xa7b001, -84516),
    (0xa7b101, -84564),
    (0xa7b201, -84522),
    (0xa7b301, 1856),
    (0xa7b408, 3),
    (0xa7c401, -96),
    (0xa7c501, -84614),
    (0xa7c601, -70768),
    (0xa7c702, 3),
    (0xa7cb01, -84686),
    (0xa7cc08, 3),
    (0xa7dc01, -85122),
    (0xa7f501, 2),
    (0xff211a, 64),
    (0x1040028, 80),
    (0x104b024, 80),
    (0x105700b, 78),
    (0x1057c0f, 78),
    (0x1058c07, 78),
    (0x1059402, 78),
    (0x10c8033, 128),
    (0x10d5016, 64),
    (0x118a020, 64),
    (0x16e4020, 64),
    (0x16ea019, 54),
    (0x1e90022, 68),
];

/// The unaccented form of a lowercase letter, when it has one.
fn base_of(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăą", "a"),
        ("çćĉċč", "c"),
        ("ďđ", "d"),
        ("èéêëēĕėęě", "e"),
        ("ĝğġģ", "g"),
        ("ĥħ", "h"),
        ("ìíîïĩīĭįı", "i"),
        ("ĵ", "j"),
        ("ķ", "k"),
        ("ĺļľŀł", "l"),
        ("ñńņňŉ", "n"),
        ("òóôõöøōŏő", "o"),
        ("ŕŗř", "r"),
        ("śŝşšș", "s"),
        ("ţťŧț", "t"),
        ("ùúûüũūŭůűų", "u"),
        ("ŵ", "w"),
        ("ýÿŷ", "y"),
        ("źżž", "z"),
        ("ß", "ss"),
        ("æ", "ae"),
        ("œ", "oe"),
        ("þ", "th"),
        ("ð", "d"),
        // Cyrillic: ё is written е in most texts.
        ("ё", "е"),
        // Greek accents.
        ("ά", "α"),
        ("έ", "ε"),
        ("ήΐ", "η"),
        ("ίϊ", "ι"),
        ("όΰ", "ο"),
        ("ύϋ", "υ"),
        ("ώ", "ω"),
        ("ς", "σ"),
        // Arabic: the alef forms, alef maqsura and ta marbuta as searchers type them.
        ("أإآٱ", "ا"),
        ("ى", "ي"),
        ("ة", "ه"),
    ];
    TABLE
        .iter()
        .find(|(accented, _)| accented.contains(c))
        .map(|(_, base)| *base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_accents() {
        assert_eq!(fold("Sénégal"), "senegal");
        assert_eq!(fold("CÔTE D’IVOIRE"), "cote d’ivoire");
        assert_eq!(fold("Ñandú Straße Æther"), "nandu strasse aether");
        assert_eq!(fold("Łódź Čeština"), "lodz cestina");
        assert_eq!(
            fold("Se\u{301}ne\u{301}gal"),
            "senegal",
            "decomposed accents"
        );
    }

    #[test]
    fn folds_cyrillic_greek_arabic_and_keeps_chinese() {
        assert_eq!(fold("МИГРАЦИЯ Ёлка"), "миграция елка");
        assert_eq!(fold("Μετανάστευση"), "μεταναστευση");
        assert_eq!(fold("الْهِجْرَة"), "الهجره");
        assert_eq!(fold("أمن إنساني"), "امن انساني");
        assert_eq!(fold("国际移民组织"), "国际移民组织");
    }

    #[test]
    fn lowercase_matches_std_for_every_character() {
        for code in 0..=0x10_FFFF {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            let std = c.to_lowercase().next().unwrap_or(c);
            assert_eq!(lowercase_char(c), std, "U+{code:04X}");
        }
        assert_eq!(lowercase("ÀÉÎ ΣΑΣ ДОМ Ǆ İ"), "àéî σασ дом ǆ i");
        assert_eq!(fold("İSTANBUL"), "istanbul");
    }

    #[test]
    fn maps_folded_bytes_back_to_characters() {
        let (folded, origin) = fold_with_origin("Éß a");
        assert_eq!(folded, "ess a");
        assert_eq!(origin, [0, 1, 1, 2, 3]);
        let (folded, origin) = fold_with_origin("é");
        assert_eq!(folded.len(), origin.len());
    }
}
