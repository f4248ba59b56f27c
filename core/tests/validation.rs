//! Validation rules, one broken fixture each, with the exact report a person would read.
//!
//! The fixtures in `fixtures/invalid/` are also rejected by `schema/feed.schema.json` (see
//! `tests/schema/`); those in `fixtures/invalid-core-only/` break rules a JSON Schema cannot
//! state (unique ids, one value equal to another, resolvability against `feed_url`).

use std::path::Path;

use iom_news_core::{Feed, Parsed};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");

/// What core reports for a file: the fatal error, or each warning and skipped item.
fn report(text: &str) -> Vec<String> {
    match Feed::parse(text) {
        Err(e) => vec![e.to_string()],
        Ok(Parsed {
            skipped, warnings, ..
        }) => warnings
            .iter()
            .map(|w| format!("warning: {w}"))
            .chain(skipped.iter().map(ToString::to_string))
            .collect(),
    }
}

fn fixtures(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(Path::new(FIXTURES).join(folder))
        .expect("fixture folder")
        .filter_map(|e| Some(format!("{folder}/{}", e.ok()?.file_name().to_str()?)))
        .filter(|n| n.ends_with(".json"))
        .collect();
    names.sort();
    names
}

const EXPECTED: &[(&str, &[&str])] = &[
    (
        "invalid-core-only/duplicate-ids.json",
        &[
            "item 1 (id \"r1\") skipped: items[1].id: the id \"r1\" is already used by an earlier item; every item needs its own id",
        ],
    ),
    (
        "invalid-core-only/next-url-is-feed-url.json",
        &[
            "warning: next_url: is the same as \"feed_url\", so the next page would be this page again; point it at the next page or remove it",
        ],
    ),
    (
        "invalid-core-only/relative-url-without-feed-url.json",
        &[
            "warning: items[0].url: the relative URL \"/news/r1\" cannot be resolved: the feed has no absolute \"feed_url\"; write a full address such as https://www.iom.int/news/r1; the release is shown without it",
        ],
    ),
    (
        "invalid/attachment-without-mime-type.json",
        &[
            "warning: items[0].attachments[0].mime_type: missing; an attachment needs its \"mime_type\", e.g. \"application/pdf\"; the release is shown without it",
        ],
    ),
    (
        "invalid/author-empty.json",
        &[
            "warning: items[0].authors[0]: an author needs at least a \"name\", \"url\" or \"avatar\"; the release is shown without it",
        ],
    ),
    (
        "invalid/contact-bad-email.json",
        &[
            "warning: items[0]._iom.contacts[0].email: not an e-mail address: \"kgormanbest at iom.int\"; write it as name@iom.int; the release is shown without it",
        ],
    ),
    (
        "invalid/contact-bad-phone.json",
        &[
            "warning: items[0]._iom.contacts[0].phone[0]: not a phone number that can be dialled: \"call the office\"; write digits with an optional leading + and extension, e.g. \"+41 22 717 9111, ext. 203\"; the release is shown without it",
        ],
    ),
    (
        "invalid/contact-empty.json",
        &[
            "warning: items[0]._iom.contacts[0]: a contact needs at least a \"name\", \"office\", \"phone\" or \"email\"; the release is shown without it",
        ],
    ),
    (
        "invalid/country-alpha2.json",
        &[
            "warning: items[0]._iom.countries[0]: \"MN\" is a two-letter code; write the three-letter ISO 3166-1 alpha-3 code \"MNG\"; the release is shown without it",
        ],
    ),
    (
        "invalid/country-lowercase.json",
        &[
            "warning: items[0]._iom.countries[0]: write country codes in capitals: \"MNG\", not \"mng\"; the release is shown without it",
        ],
    ),
    (
        "invalid/country-unknown.json",
        &[
            "warning: items[0]._iom.countries[0]: not an ISO 3166-1 alpha-3 country code: \"Mongolia\"; write three capital letters such as \"MNG\" (Mongolia) or \"SEN\" (Senegal); the release is shown without it",
        ],
    ),
    (
        "invalid/date-not-rfc3339.json",
        &[
            "warning: items[0].date_published: not an RFC 3339 date: \"29/11/2026\"; write e.g. 2026-11-29T10:00:00Z (date, T, time, and Z or an offset such as +01:00); the release is shown without it",
        ],
    ),
    (
        "invalid/date-without-time.json",
        &[
            "warning: items[0].date_modified: not an RFC 3339 date: \"2026-11-29\"; add a time and zone: 2026-11-29T10:00:00Z; the release is shown without it",
        ],
    ),
    (
        "invalid/feed-without-title.json",
        &[
            "warning: title: missing; every feed needs a \"title\", e.g. \"IOM News\"",
        ],
    ),
    (
        "invalid/image-data-url.json",
        &[
            "warning: items[0].image: the URL scheme \"data:\" is not allowed here; use https: or http: (URL \"data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=\"); the release is shown without it",
        ],
    ),
    (
        "invalid/iom-not-an-object.json",
        &[
            "warning: items[0]._iom: must be an object in braces, { ... }, not a list; the release is shown without it",
        ],
    ),
    (
        "invalid/item-not-an-object.json",
        &[
            "item 0 skipped: items[0]: must be an object in braces, { ... }, not text",
        ],
    ),
    (
        "invalid/item-with-empty-id.json",
        &[
            "item 0 skipped: items[0].id: is empty; give the item a unique id",
        ],
    ),
    (
        "invalid/item-without-body.json",
        &[
            "warning: items[0].content_html: has no body: JSON Feed needs \"content_html\" or \"content_text\"; shown with its title and summary only",
        ],
    ),
    (
        "invalid/item-without-id.json",
        &[
            "item 0 skipped: items[0].id: missing; every item needs a unique \"id\"",
        ],
    ),
    (
        "invalid/items-not-a-list.json",
        &[
            "not a JSON Feed: \"items\" is missing or not a list; write \"items\": [ ... ]",
        ],
    ),
    (
        "invalid/language-underscore.json",
        &[
            "warning: items[0].language: not a language tag: \"en_US\"; write \"en-US\" (a hyphen, not an underscore); the release is shown without it",
        ],
    ),
    (
        "invalid/no-items.json",
        &[
            "not a JSON Feed: \"items\" is missing or not a list; write \"items\": [ ... ]",
        ],
    ),
    (
        "invalid/no-version.json",
        &[
            "not a JSON Feed: \"version\" is missing; write \"version\": \"https://jsonfeed.org/version/1.1\"",
        ],
    ),
    (
        "invalid/not-an-object.json",
        &[
            "not a JSON Feed: the file must be one JSON object, { \"version\": ..., \"items\": [...] }",
        ],
    ),
    (
        "invalid/not-json.json",
        &[
            "not valid JSON at line 5, column 37: a comma before } (trailing comma)",
        ],
    ),
    (
        "invalid/tags-not-a-list.json",
        &[
            "warning: items[0].tags: must be a list in square brackets, [ ... ], not text; the release is shown without it",
        ],
    ),
    (
        "invalid/title-not-text.json",
        &[
            "warning: items[0].title: must be text in quotes, not a number; the release is shown without it",
        ],
    ),
    (
        "invalid/translation-bad-language.json",
        &[
            "warning: items[0]._iom.translations.French: not a language tag: \"French\"; write a BCP 47 tag such as \"en\", \"fr\", \"es\", \"ar\", \"zh-Hans\" or \"ru\"; the release is shown without it",
        ],
    ),
    (
        "invalid/translation-javascript-url.json",
        &[
            "warning: items[0]._iom.translations.fr: the URL scheme \"javascript:\" is not allowed here; use https: or http: (URL \"javascript:alert(1)\"); the release is shown without it",
        ],
    ),
    (
        "invalid/url-javascript.json",
        &[
            "warning: items[0].url: the URL scheme \"javascript:\" is not allowed here; use https: or http: (URL \"javascript:alert(document.cookie)\"); the release is shown without it",
        ],
    ),
    (
        "invalid/url-with-space.json",
        &[
            "warning: items[0].external_url: the URL \"https://www.iom.int/news and more\" contains a space; encode spaces as %20 and remove line breaks; the release is shown without it",
        ],
    ),
    (
        "invalid/wrong-version.json",
        &[
            "not a JSON Feed: \"version\" is \"https://jsonfeed.org/version/2\"; write \"version\": \"https://jsonfeed.org/version/1.1\"",
        ],
    ),
];

#[test]
fn every_broken_fixture_gets_its_exact_report() {
    let mut names = fixtures("invalid");
    names.extend(fixtures("invalid-core-only"));
    names.sort();
    let mut listed: Vec<&str> = EXPECTED.iter().map(|(name, _)| *name).collect();
    listed.sort_unstable();
    assert_eq!(
        names, listed,
        "each fixture needs an expected report, and only fixtures do"
    );
    for (name, expected) in EXPECTED {
        let text = std::fs::read_to_string(Path::new(FIXTURES).join(name)).unwrap();
        assert_eq!(report(&text), *expected, "{name}");
    }
}

#[test]
fn the_sample_and_valid_fixtures_are_clean() {
    for path in [
        concat!(env!("CARGO_MANIFEST_DIR"), "/../www/feed.json"),
        concat!(env!("CARGO_MANIFEST_DIR"), "/../www/synthetic.json"),
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/valid/every-field.json"
        ),
    ] {
        let text = std::fs::read_to_string(path).unwrap();
        assert_eq!(report(&text), Vec::<String>::new(), "{path}");
    }
}

#[test]
fn reads_every_field_and_resolves_relative_urls_against_feed_url() {
    let text = std::fs::read_to_string(Path::new(FIXTURES).join("valid/every-field.json")).unwrap();
    let parsed = Feed::parse(&text).unwrap();
    let feed = &parsed.feed;
    assert_eq!(
        feed.next_url.as_deref(),
        Some("https://www.iom.int/feeds/news-2.json")
    );
    assert_eq!(feed.icon.as_deref(), Some("https://www.iom.int/icon.png"));
    assert_eq!(feed.authors[0].url.as_deref(), Some("mailto:media@iom.int"));
    assert_eq!(feed.language.as_deref(), Some("en"));
    assert!(!feed.expired);
    let item = &feed.items[0];
    assert_eq!(item.id, "2026001", "a numeric id is read as its string");
    assert_eq!(
        item.url.as_deref(),
        Some("https://www.iom.int/feeds/releases/2026001")
    );
    assert_eq!(
        item.image.as_deref(),
        Some("https://www.iom.int/feeds/img/photo.jpg")
    );
    assert_eq!(
        item.authors[0].name.as_deref(),
        Some("Deprecated 1.0 author")
    );
    assert_eq!(
        item.attachments[0].url,
        "https://www.iom.int/feeds/report.pdf"
    );
    assert_eq!(item.attachments[0].size_in_bytes, Some(12345));
    assert_eq!(item.iom.countries, ["MNG", "CHN"]);
    assert_eq!(item.iom.contacts[0].phone, ["+41 22 717 9111"]);
    assert_eq!(item.iom.image_credit.as_deref(), Some("© IOM 2026"));
    assert_eq!(
        item.iom.translations,
        [
            ("fr".to_string(), "2026001-fr".to_string()),
            (
                "es".to_string(),
                "https://www.iom.int/es/releases/2026001".to_string()
            ),
            (
                "zh-Hans".to_string(),
                "https://www.iom.int/zh/2026001".to_string()
            )
        ]
    );
    assert_eq!(
        item.date_modified.as_deref(),
        Some("2026-11-29T11:30:00+01:00")
    );
}

#[test]
fn a_fetch_url_is_the_base_when_the_feed_has_no_feed_url() {
    let text = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","next_url":"page-2.json",
        "items":[{"id":"a","content_text":"x","url":"a.html"}]}"#;
    let parsed =
        Feed::parse_with_base(text, Some("https://partner.example/news/page-1.json")).unwrap();
    assert!(parsed.is_clean(), "{:?}", parsed);
    assert_eq!(
        parsed.feed.next_url.as_deref(),
        Some("https://partner.example/news/page-2.json")
    );
    assert_eq!(
        parsed.feed.items[0].url.as_deref(),
        Some("https://partner.example/news/a.html")
    );
}

#[test]
fn a_wrong_field_is_left_out_and_its_release_shown() {
    let text = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"a","title":"A","content_text":"x","date_published":"yesterday","url":"javascript:x()","image":"data:image/png;base64,AA==",
         "_iom":{"countries":["xx","MNG"],"contacts":[{"name":"N","phone":["+41 22 717 9111","call me"],"email":"n@iom.int"}]}}]}"#;
    let parsed = Feed::parse(text).unwrap();
    assert!(parsed.skipped.is_empty());
    let release = &parsed.feed.items[0];
    assert_eq!(release.title.as_deref(), Some("A"));
    assert_eq!(
        (
            release.url.as_ref(),
            release.image.as_ref(),
            release.date_published.as_ref()
        ),
        (None, None, None)
    );
    assert_eq!(release.iom.countries, ["MNG"], "the good code stays");
    assert_eq!(
        release.iom.contacts[0].phone,
        ["+41 22 717 9111"],
        "the good number stays"
    );
    assert_eq!(release.iom.contacts[0].email.as_deref(), Some("n@iom.int"));
    let said = report(text).join("\n");
    for path in [
        "items[0]._iom.countries[0]",
        "items[0].url",
        "items[0].image",
        "items[0].date_published",
        "items[0]._iom.contacts[0].phone[1]",
    ] {
        assert!(
            said.contains(&format!("warning: {path}: ")),
            "{path}: {said}"
        );
    }
    assert!(
        said.lines()
            .all(|l| l.ends_with("; the release is shown without it")),
        "{said}"
    );
}

#[test]
fn an_item_with_nothing_to_read_is_skipped_but_a_titled_one_without_body_shows() {
    let text = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"a"}, {"id":"b","title":"Only a title"}, {"title":"No id","content_text":"x"}]}"#;
    let parsed = Feed::parse(text).unwrap();
    let ids: Vec<&str> = parsed.feed.items.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["b"]);
    assert_eq!(parsed.skipped.len(), 2);
    assert!(
        parsed.skipped[0].to_string().contains("nothing to read"),
        "{}",
        parsed.skipped[0]
    );
    assert!(parsed.skipped[1]
        .to_string()
        .contains("items[2].id: missing"));
    assert!(parsed.warnings[0]
        .to_string()
        .contains("shown with its title and summary only"));
}

#[test]
fn warns_about_unknown_iom_fields_and_keeps_the_item() {
    let text = r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
        {"id":"a","content_text":"x","_iom":{"dateLine":"Dakar","_future":{}}}]}"#;
    let parsed = Feed::parse(text).unwrap();
    assert_eq!(parsed.feed.items.len(), 1);
    assert_eq!(
        report(text),
        ["warning: items[0]._iom.dateLine: unknown field, ignored; did you mean \"dateline\"?"]
    );
}

#[test]
fn null_counts_as_absent_and_json_feed_1_0_is_read() {
    let text = r#"{"version":"https://jsonfeed.org/version/1","title":"T","author":{"name":"IOM"},
        "items":[{"id":"a","content_text":"x","title":null,"tags":null,"image":null}]}"#;
    let parsed = Feed::parse(text).unwrap();
    assert!(parsed.is_clean(), "{parsed:?}");
    assert_eq!(parsed.feed.authors[0].name.as_deref(), Some("IOM"));
    assert_eq!(parsed.feed.items[0].title, None);
}

const SAMPLE: &str = include_str!("../../www/feed.json");

#[test]
fn parses_the_sample_feed_completely() {
    let parsed = Feed::parse(SAMPLE).expect("sample feed parses");
    assert!(parsed.skipped.is_empty(), "{:?}", parsed.skipped);
    let mongolia = parsed
        .feed
        .items
        .iter()
        .find(|r| r.iom.countries == ["MNG"])
        .expect("the Mongolia release is in the sample feed");
    assert_eq!(
        mongolia.title.as_deref(),
        Some("IOM, Mongolia Support Greater Protection of Labour Migrants")
    );
    assert_eq!(mongolia.iom.dateline.as_deref(), Some("Ulaanbaatar"));
    assert_eq!(mongolia.date_published, None, "the seed gives no date");
    let html = mongolia.content_html.as_deref().unwrap_or_default();
    // Every paragraph of the release, first and last included.
    assert_eq!(html.matches("<p>").count(), 8);
    assert!(html.contains("IOM is today hosting a three-day workshop in Ulaanbaatar"));
    assert!(html.contains("direct assistance to victims of trafficking, in Mongolia."));
    let contact = &mongolia.iom.contacts[0];
    assert_eq!(contact.name.as_deref(), Some("Kieran Best"));
    assert_eq!(contact.office.as_deref(), Some("IOM Beijing"));
    assert_eq!(contact.phone, ["+86 10 8532 5303, Ext. 203"]);
    assert_eq!(contact.email.as_deref(), Some("kgormanbest@iom.int"));
}
