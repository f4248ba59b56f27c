//! Dates as feeds, people and press releases write them, made RFC 3339.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

/// The instant of an RFC 3339 date-time (`2026-11-29T10:00:00Z`), or `None` when `s` is not
/// one.
pub fn rfc3339(s: &str) -> Option<DateTime<FixedOffset>> {
    // chrono also reads a space between date and time; RFC 3339 (and the widget) do not.
    if !matches!(s.as_bytes().get(10), Some(b'T' | b't')) {
        return None;
    }
    DateTime::parse_from_rfc3339(s).ok()
}

/// A date from a feed: RFC 3339, or RFC 2822 (`Tue, 04 Aug 2009 10:00:00 +0000`, as RSS
/// writes it), as RFC 3339 in UTC.
pub fn from_feed(s: &str) -> Option<String> {
    let s = s.trim();
    if rfc3339(s).is_some() {
        return Some(s.to_string());
    }
    let parsed = DateTime::parse_from_rfc2822(s).ok()?;
    Some(utc(parsed))
}

/// A date as a person writes it: RFC 3339; a day alone as `2009-08-04`, `4 August 2009`,
/// `August 4, 2009` (with or without a weekday in front), or anything [`from_feed`] reads. A
/// day alone is written as noon UTC, so that the widget shows that day in every time zone
/// (it shows the date only, in the reader's time zone).
pub fn from_person(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(date) = from_feed(s) {
        return Some(date);
    }
    day(s).map(|d| format!("{}T12:00:00Z", d.format("%Y-%m-%d")))
}

/// A calendar day written as `2009-08-04`, `4 August 2009`, `4 Aug. 2009`, `August 4, 2009`,
/// possibly after a weekday (`Tuesday, 4 August 2009`); or as the other UN languages write it
/// in a release: `mardi 4 août 2009`, `1er août 2009`, `martes, 4 de agosto de 2009`,
/// `4 августа 2009 года`, `2009年8月4日`, `الثلاثاء 4 أغسطس 2009`.
pub fn day(s: &str) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
        return Some(d);
    }
    if let Some(d) = chinese_day(s) {
        return Some(d);
    }
    // Arabic-Indic digits as ASCII ones.
    let s: String = s
        .chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (u32::from(c) - u32::from('٠')) as u8),
            '۰'..='۹' => char::from(b'0' + (u32::from(c) - u32::from('۰')) as u8),
            c => c,
        })
        .collect();
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '،'))
        .map(|w| super::release::fold(w.trim_end_matches('.')))
        .filter(|w| !w.is_empty())
        // "4 de agosto de 2009", "4 августа 2009 года" (or "г."), "le 4 août 2009".
        .filter(|w| !matches!(w.as_str(), "de" | "del" | "le" | "года" | "г" | "el"))
        .collect();
    let words: Vec<&str> = match words.first().map(String::as_str) {
        Some(w) if weekday(w) => words[1..].iter().map(String::as_str).collect(),
        _ => words.iter().map(String::as_str).collect(),
    };
    let (d, m, y) = match words.as_slice() {
        [d, m, y] if month(m).is_some() => (*d, month(m)?, *y),
        [m, d, y] if month(m).is_some() => (*d, month(m)?, *y),
        _ => return None,
    };
    let d = d.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 4th, 1st
    let (d, y): (u32, i32) = (d.parse().ok()?, y.parse().ok()?);
    if !(1900..=2999).contains(&y) {
        return None;
    }
    NaiveDate::from_ymd_opt(y, m, d)
}

/// `2009年8月4日`, possibly with a weekday after it (`星期二`).
fn chinese_day(s: &str) -> Option<NaiveDate> {
    let (year, rest) = s.trim().split_once('年')?;
    let (month, rest) = rest.split_once('月')?;
    let (day, rest) = rest.split_once(['日', '号'])?;
    let rest = rest.trim().trim_matches(['(', ')', '（', '）']).trim();
    if !(rest.is_empty() || weekday(rest)) {
        return None;
    }
    let number = |t: &str| t.trim().parse::<u32>().ok();
    let year = i32::try_from(number(year)?).ok()?;
    if !(1900..=2999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, number(month)?, number(day)?)
}

/// Weekdays, folded (lower case, no accents), in English, French, Spanish, Russian, Arabic and
/// Chinese.
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "lundi", "mardi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes", "miercoles",
    "jueves", "viernes", "sabado", "domingo", "понедельник", "вторник", "среда", "четверг",
    "пятница", "суббота", "воскресенье", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعة",
    "السبت", "الاحد", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日", "周一", "周二", "周三", "周四",
    "周五", "周六", "周日",
];

fn weekday(w: &str) -> bool {
    let w = w.replace(['أ', 'إ'], "ا");
    WEEKDAYS
        .iter()
        .any(|d| *d == w || (w.len() == 3 && w.is_ascii() && d.starts_with(w.as_str())))
}

/// Month names, folded, with their number: English, French, Spanish, Russian (the genitive
/// of dates, "4 августа"), Arabic (both the Egyptian and the Levantine names).
#[rustfmt::skip]
const MONTHS: &[(&str, u32)] = &[
    ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6),
    ("july", 7), ("august", 8), ("september", 9), ("october", 10), ("november", 11),
    ("december", 12), ("janvier", 1), ("fevrier", 2), ("mars", 3), ("avril", 4), ("mai", 5),
    ("juin", 6), ("juillet", 7), ("aout", 8), ("septembre", 9), ("octobre", 10), ("novembre", 11),
    ("decembre", 12), ("enero", 1), ("febrero", 2), ("marzo", 3), ("abril", 4), ("mayo", 5),
    ("junio", 6), ("julio", 7), ("agosto", 8), ("septiembre", 9), ("setiembre", 9),
    ("octubre", 10), ("noviembre", 11), ("diciembre", 12), ("января", 1), ("февраля", 2),
    ("марта", 3), ("апреля", 4), ("мая", 5), ("июня", 6), ("июля", 7), ("августа", 8),
    ("сентября", 9), ("октября", 10), ("ноября", 11), ("декабря", 12), ("يناير", 1), ("فبراير", 2),
    ("مارس", 3), ("ابريل", 4), ("مايو", 5), ("يونيو", 6), ("يوليو", 7), ("اغسطس", 8),
    ("سبتمبر", 9), ("اكتوبر", 10), ("نوفمبر", 11), ("ديسمبر", 12), ("يونيه", 6), ("يوليه", 7),
    ("شباط", 2), ("اذار", 3), ("آذار", 3), ("نيسان", 4), ("ايار", 5), ("أيار", 5), ("حزيران", 6),
    ("تموز", 7), ("اب", 8), ("آب", 8), ("ايلول", 9), ("أيلول", 9), ("جانفي", 1), ("فيفري", 2),
    ("افريل", 4), ("ماي", 5), ("جوان", 6), ("جويلية", 7),
];

/// The month a (folded) word names, in full or cut short to at least three letters of the
/// Latin script ("Aug.", "févr.", "sept."), when it names only one.
fn month(w: &str) -> Option<u32> {
    let w = w.replace(['أ', 'إ'], "ا");
    let w = w.as_str();
    if let Some((_, n)) = MONTHS.iter().find(|(m, _)| *m == w) {
        return Some(*n);
    }
    if w.len() < 3 || !w.is_ascii() {
        return None;
    }
    let mut found = MONTHS
        .iter()
        .filter(|(m, _)| m.starts_with(w))
        .map(|(_, n)| *n);
    let first = found.next()?;
    found.all(|n| n == first).then_some(first)
}

/// An instant as RFC 3339 in UTC, to the second.
pub fn utc(instant: DateTime<FixedOffset>) -> String {
    instant
        .with_timezone(&chrono::Utc)
        .to_rfc3339_opts(SecondsFormat::Secs, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_feed_dates() {
        assert_eq!(
            from_feed("Tue, 04 Aug 2009 10:00:00 +0200").as_deref(),
            Some("2009-08-04T08:00:00Z")
        );
        assert_eq!(
            from_feed("2009-08-04T10:00:00+02:00").as_deref(),
            Some("2009-08-04T10:00:00+02:00")
        );
        assert_eq!(from_feed("2009-08-04 10:00:00Z"), None);
        assert_eq!(from_feed("32 Foo 2026"), None);
    }

    #[test]
    fn reads_days_as_people_write_them() {
        for s in [
            "2009-08-04",
            "4 August 2009",
            "Tuesday, 4 August 2009",
            "August 4, 2009",
            "4 Aug. 2009",
            "Aug 4th, 2009",
        ] {
            assert_eq!(
                from_person(s).as_deref(),
                Some("2009-08-04T12:00:00Z"),
                "{s}"
            );
        }
        for s in ["4 August", "31 June 2009", "soon", "4 Mayday 2009"] {
            assert_eq!(from_person(s), None, "{s}");
        }
    }

    #[test]
    fn reads_days_in_the_other_un_languages() {
        for s in [
            "Mardi 4 août 2009",
            "mardi 4 aout 2009",
            "4 août 2009",
            "Le 4 août 2009",
            "4 août. 2009",
            "Martes, 4 de agosto de 2009",
            "4 de agosto de 2009",
            "4 ago. 2009",
            "вторник, 4 августа 2009 года",
            "4 августа 2009 г.",
            "2009年8月4日",
            "2009年8月4日 星期二",
            "الثلاثاء 4 أغسطس 2009",
            "٤ آب ٢٠٠٩",
        ] {
            assert_eq!(
                from_person(s).as_deref(),
                Some("2009-08-04T12:00:00Z"),
                "{s}"
            );
        }
        assert_eq!(
            from_person("1er mars 2026").as_deref(),
            Some("2026-03-01T12:00:00Z")
        );
        assert_eq!(
            from_person("3 juil. 2026").as_deref(),
            Some("2026-07-03T12:00:00Z")
        );
        // "jui" could be juin or juillet.
        for s in ["3 jui 2026", "mardi", "2009年13月4日", "GENÈVE, Suisse"] {
            assert_eq!(from_person(s), None, "{s}");
        }
    }
}
