//! The parser, the validator and the other input-facing functions never panic: property
//! tests feed them arbitrary bytes, arbitrary JSON values, and feeds built from the format's
//! own field names with arbitrary values in them. (A panic in wasm kills the widget.) Four
//! properties, `CASES` cases each.

use iom_news_core::{body, date, fragment, langtag, paging, query, source, url, Feed};
use proptest::prelude::*;
use serde_json::{Map, Value};

const CASES: u32 = 3000;

/// Field names of the format, so that generated objects reach the validator's paths.
const KEYS: &[&str] = &[
    "version",
    "title",
    "items",
    "id",
    "url",
    "external_url",
    "content_html",
    "content_text",
    "summary",
    "image",
    "banner_image",
    "date_published",
    "date_modified",
    "authors",
    "author",
    "name",
    "avatar",
    "tags",
    "language",
    "attachments",
    "mime_type",
    "size_in_bytes",
    "duration_in_seconds",
    "_iom",
    "dateline",
    "countries",
    "region",
    "release_type",
    "image_caption",
    "image_credit",
    "contacts",
    "office",
    "phone",
    "email",
    "translations",
    "feed_url",
    "next_url",
    "home_page_url",
    "icon",
    "favicon",
    "expired",
    "_other",
    "fr",
    "",
];

/// Strings that hit edge cases: URLs, dates, codes, tags, odd Unicode.
fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://jsonfeed.org/version/1.1".to_string()),
        Just("https://jsonfeed.org/version/1".to_string()),
        Just("2026-11-29T10:00:00Z".to_string()),
        Just("2026-02-30T10:00:00+25:00".to_string()),
        Just("javascript:alert(1)".to_string()),
        Just("../../../x".to_string()),
        Just("//evil.example/x".to_string()),
        Just("MNG".to_string()),
        Just("en-GB".to_string()),
        Just("+86 10 8532 5303, Ext. 203".to_string()),
        Just("a@b.c".to_string()),
        Just("İİ ext 1".to_string()),
        Just("\u{0}\u{202e}\u{fffd}".to_string()),
        Just("<p>a &amp; b &#x1F600; &#99999999; &bogus <script>x</script>".to_string()),
        Just("Straße İstanbul ﬁ ǅ".to_string()),
        ".{0,40}",
    ]
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        tricky_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..10).prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k.to_string(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A document that passes the feed-level checks, so that the item validator runs.
fn feed_like() -> impl Strategy<Value = Value> {
    (json_value(), prop::collection::vec(json_value(), 0..6)).prop_map(|(top, items)| {
        let mut root = match top {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        root.insert(
            "version".into(),
            Value::from("https://jsonfeed.org/version/1.1"),
        );
        root.insert("items".into(), Value::Array(items));
        Value::Object(root)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(CASES))]

    #[test]
    fn arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        let _ = Feed::parse(&text);
        let _ = Feed::parse_with_base(&text, Some("https://www.iom.int/news.json"));
    }

    #[test]
    fn arbitrary_json_values(value in json_value()) {
        let _ = Feed::parse(&value.to_string());
    }

    #[test]
    fn feeds_with_arbitrary_fields(value in feed_like(), base in prop::option::of(tricky_string())) {
        let text = value.to_string();
        if let Ok(parsed) = Feed::parse_with_base(&text, base.as_deref()) {
            // Whatever was accepted is usable: every kept URL passed the allow-list.
            for item in &parsed.feed.items {
                for u in [&item.url, &item.image, &item.external_url].into_iter().flatten() {
                    prop_assert!(url::allowed_scheme(u).is_some(), "{u}");
                }
            }
            for skipped in &parsed.skipped {
                prop_assert!(!skipped.problems.is_empty());
                let _ = skipped.to_string();
            }
        }
    }

    #[test]
    fn string_helpers(s in tricky_string(), t in tricky_string()) {
        let _ = url::check(&s, Some(&t), url::Target::Link);
        let _ = url::resolve("https://a/b/c", &s);
        let _ = url::tel_href(&s);
        let _ = url::mailto_href(&s);
        let _ = langtag::check(&s);
        let _ = body::Body::from_text(&s);
        let _ = body::Element::classify(&s);
        let _ = paging::next_page(std::slice::from_ref(&t), Some(&s));
        let words = query::Query { text: t.clone(), ..query::Query::default() }.words();
        let _ = query::highlight(&s, &words);
        let _ = iom_news_core::html::searchable_text(&s);
        let _ = iom_news_core::html::without_inline_code(&s);
        let _ = date::timestamp(&s);
        let _ = source::decode(s.clone().into_bytes());
        let _ = fragment::get_query(&s, &t);
        let set = fragment::set(&t, "iom-news", Some(&s));
        prop_assert_eq!(fragment::get(&set, "iom-news"), Some(s.clone()).filter(|v| !v.is_empty()));
    }
}
