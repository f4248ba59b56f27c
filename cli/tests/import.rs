//! `iom-news import`, run as a web team runs it, on the fixtures in `tests/fixtures/`.

use std::process::Command;

use iom_news_core::Feed;
use serde_json::Value;

const SEED: &str = "cli/tests/fixtures/000_176f0ff18865c375.txt";

/// What a run gave: exit status, standard output, standard error.
struct Run {
    code: i32,
    out: String,
    err: String,
}

fn iom_news(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_iom-news"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        out: String::from_utf8_lossy(&out.stdout).into_owned(),
        err: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}):\n{text}"))
}

/// Checks the feed with core, as `validate` and the widget do: every item usable.
fn assert_valid(feed: &str, base: Option<&str>) -> Feed {
    let parsed = Feed::parse_with_base(feed, base).expect("a feed");
    assert!(parsed.skipped.is_empty(), "{:#?}", parsed.skipped);
    assert!(parsed.warnings.is_empty(), "{:#?}", parsed.warnings);
    parsed.feed
}

#[test]
fn imports_the_seed_as_the_release_in_www_feed_json() {
    let run = iom_news(&["import", SEED, "--dateline", "Ulaanbaatar, Mongolia"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let feed = assert_valid(&run.out, None);
    assert_eq!(feed.items.len(), 1);
    let ours = &feed.items[0];
    let theirs = &Feed::parse(&std::fs::read_to_string("../www/feed.json").unwrap())
        .unwrap()
        .feed
        .items[0];
    assert_eq!(ours.id, theirs.id);
    assert_eq!(ours.title, theirs.title);
    assert_eq!(ours.summary, theirs.summary);
    assert_eq!(ours.content_html, theirs.content_html);
    assert_eq!(
        ours.content_html.as_deref().unwrap().matches("<p>").count(),
        8
    );
    assert_eq!(ours.iom.dateline.as_deref(), Some("Ulaanbaatar"));
    assert_eq!(ours.iom.countries, ["MNG"]);
    assert_eq!(ours.iom.contacts, theirs.iom.contacts);
    assert_eq!(
        ours.iom.contacts[0].email.as_deref(),
        Some("kgormanbest@iom.int")
    );
    // The site navigation is left out, and said so.
    let body = ours.content_html.as_deref().unwrap();
    for navigation in [
        "Who we are",
        "Take Action",
        "2030 Agenda",
        "For more information",
    ] {
        assert!(!body.contains(navigation), "{navigation}");
    }
    assert!(
        run.err
            .contains("lines 1-22 before the title left out (they read as site navigation"),
        "{}",
        run.err
    );
}

#[test]
fn the_seed_with_the_fields_its_text_lacks_is_www_feed_json_to_the_byte() {
    let fields = [
        "--dateline",
        "Ulaanbaatar, Mongolia",
        "--tag",
        "Labour Migration",
        "--region",
        "Asia and the Pacific",
        "--release-type",
        "Press Release",
        "--language",
        "en",
    ];
    let mut args = vec!["import", SEED];
    args.extend(fields);
    let run = iom_news(&args);
    assert_eq!(run.code, 0, "{}", run.err);
    let www = std::fs::read_to_string("../www/feed.json").unwrap();
    assert_eq!(json(&run.out)["items"][0], json(&www)["items"][0]);
    // Merged into the feed that has it already: the feed, unchanged.
    args.extend(["--merge", "www/feed.json"]);
    let run = iom_news(&args);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(run.out, www);
    assert!(
        run.err.contains(
            "has the id \"iom-mongolia-support-greater-protection-of-labour-migrants\" already"
        ),
        "{}",
        run.err
    );
}
