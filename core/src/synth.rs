//! A generator of clearly synthetic feeds, shared by tests, the demo and benchmarks.
//!
//! Implementation note: nothing here is IOM news. Titles read "Sample release N", places
//! "Sample City N", contacts use the reserved `example.org` domain, and the filler text says
//! it is filler. The output is deterministic: the same count always gives the same bytes.

use serde_json::{json, Value};

const COUNTRIES: &[&str] = &[
    "SEN", "MNG", "COL", "PHL", "UKR", "ETH", "BGD", "MEX", "NGA", "TUR", "AFG", "PER",
];
const REGIONS: &[&str] = &[
    "West and Central Africa",
    "Asia and the Pacific",
    "South America",
    "Asia and the Pacific",
    "Europe and Central Asia",
    "East and Horn of Africa",
    "Asia and the Pacific",
    "Central America, North America and the Caribbean",
    "West and Central Africa",
    "Europe and Central Asia",
    "Asia and the Pacific",
    "South America",
];
const THEMES: &[&str] = &[
    "Labour Migration",
    "Counter-trafficking",
    "Migration Health",
    "Emergencies",
    "Climate Change",
    "Integration",
];
const SENTENCES: &[&str] = &[
    "This paragraph is synthetic filler text generated for testing the news widget.",
    "It describes no real event, place, person or organization.",
    "The sentences vary in length so that the layout can be checked with realistic text.",
    "Generated feeds let the tests and the benchmarks work with any number of items.",
    "A longer sentence, with commas, a few clauses and some numbers such as 12, 345 and 6,789, exercises wrapping and line height in every layout the widget offers.",
    "Short sentence.",
    "Filler text continues here so that each paragraph reaches a typical length.",
];

/// A small deterministic pseudo-random sequence (xorshift), so the output never changes.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % below.max(1) as u64).unwrap_or(0)
    }
}

/// A JSON Feed document with `count` synthetic releases, newest first.
pub fn feed(count: usize) -> Value {
    let mut seq = Sequence(0x9E37_79B9_7F4A_7C15);
    let items: Vec<Value> = (1..=count).map(|n| item(n, &mut seq)).collect();
    json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("Synthetic feed ({count} sample releases)"),
        "description": "Generated test data; not IOM news.",
        "language": "en",
        "items": items,
    })
}

/// The same feed as pretty-printed JSON text with a final newline.
pub fn feed_text(count: usize) -> String {
    let mut text = serde_json::to_string_pretty(&feed(count)).unwrap_or_default();
    text.push('\n');
    text
}

fn item(n: usize, seq: &mut Sequence) -> Value {
    let country = n % COUNTRIES.len();
    let paragraphs: Vec<String> = (0..5 + seq.next(11))
        .map(|_| {
            (0..2 + seq.next(4))
                .map(|_| SENTENCES[seq.next(SENTENCES.len())])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let html: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    // One release a day, counting back from 2026-11-28, so the feed is newest first.
    let (year, month, day) = days_before(2026, 11, 28, n - 1);
    let tags: Vec<&str> = (0..1 + n % 3)
        .map(|k| THEMES[(n + k) % THEMES.len()])
        .collect();
    json!({
        "id": format!("sample-{n}"),
        "title": format!("Sample release {n}"),
        "summary": format!("Summary of sample release {n}. {}", SENTENCES[n % SENTENCES.len()]),
        "content_html": html.trim_end(),
        "date_published": format!("{year:04}-{month:02}-{day:02}T09:00:00Z"),
        "language": "en",
        "tags": tags,
        "_iom": {
            "dateline": format!("Sample City {}", n % 20 + 1),
            "countries": [COUNTRIES[country]],
            "region": REGIONS[country],
            "release_type": "Press Release",
            "contacts": [{
                "name": format!("Sample Contact {}", n % 7 + 1),
                "office": "Sample Office",
                "phone": ["+00 000 000 0000"],
                "email": format!("contact{}@example.org", n % 7 + 1),
            }],
        },
    })
}

/// The date `days` days before the given one (proleptic Gregorian calendar).
fn days_before(mut year: i32, mut month: u32, mut day: u32, days: usize) -> (i32, u32, u32) {
    for _ in 0..days {
        if day > 1 {
            day -= 1;
            continue;
        }
        if month > 1 {
            month -= 1;
        } else {
            month = 12;
            year -= 1;
        }
        day = days_in_month(year, month);
    }
    (year, month, day)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Feed;

    #[test]
    fn generates_valid_feeds_of_any_size() {
        for count in [0, 1, 50, 1000] {
            let parsed = Feed::parse(&feed_text(count)).expect("synthetic feeds parse");
            assert_eq!(parsed.feed.items.len(), count);
            assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
        }
    }

    #[test]
    fn is_deterministic_and_clearly_synthetic() {
        assert_eq!(feed_text(20), feed_text(20));
        let parsed = Feed::parse(&feed_text(3)).unwrap();
        let first = &parsed.feed.items[0];
        assert_eq!(first.title.as_deref(), Some("Sample release 1"));
        assert_eq!(
            first.date_published.as_deref(),
            Some("2026-11-28T09:00:00Z")
        );
        let third = &parsed.feed.items[2];
        assert_eq!(
            third.date_published.as_deref(),
            Some("2026-11-26T09:00:00Z")
        );
        let paragraphs = first
            .content_html
            .as_deref()
            .unwrap()
            .matches("<p>")
            .count();
        assert!((5..=15).contains(&paragraphs));
    }

    #[test]
    fn counts_days_back_across_months_and_leap_years() {
        assert_eq!(days_before(2024, 3, 1, 1), (2024, 2, 29));
        assert_eq!(days_before(2026, 1, 1, 1), (2025, 12, 31));
        assert_eq!(days_before(2026, 11, 28, 365), (2025, 11, 28));
    }

    #[test]
    fn the_committed_demo_feed_is_the_generators_output() {
        assert_eq!(
            include_str!("../../www/synthetic.json"),
            feed_text(12),
            "regenerate with: cargo run -p iom-news-cli -- synthetic 12 > www/synthetic.json"
        );
    }
}
