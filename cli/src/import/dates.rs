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
/// possibly after a weekday (`Tuesday, 4 August 2009`).
pub fn day(s: &str) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
        return Some(d);
    }
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_end_matches('.').to_ascii_lowercase())
        .filter(|w| !w.is_empty())
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

fn weekday(w: &str) -> bool {
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .iter()
    .any(|d| *d == w || (w.len() == 3 && d.starts_with(w)))
}

fn month(w: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = MONTHS
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(w)))?;
    u32::try_from(i + 1).ok()
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
}
