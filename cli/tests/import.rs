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
            .contains("lines 1-22 before the title left out (a header or a page's site navigation"),
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

/// A fresh folder for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("iom-news-import-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn items(feed: &Value) -> &Vec<Value> {
    feed["items"].as_array().expect("items")
}

fn find<'a>(feed: &'a Value, id: &str) -> &'a Value {
    items(feed)
        .iter()
        .find(|i| i["id"] == id)
        .unwrap_or_else(|| panic!("no item {id}"))
}

/// Every body of the feed holds only what the widget's allow-list keeps.
fn assert_sanitized(feed: &Value) {
    for item in items(feed) {
        let html = item["content_html"]
            .as_str()
            .unwrap_or_default()
            .to_lowercase();
        for banned in [
            "<script",
            "<style",
            "<iframe",
            "onclick",
            "onerror",
            "onmouseover",
            "javascript:",
            "style=",
            "class=",
            "target=",
            "rel=",
            "width=",
            "tracker",
            "color: red",
        ] {
            assert!(!html.contains(banned), "{banned} in {}: {html}", item["id"]);
        }
    }
}

#[test]
fn imports_a_drupal_rss_export() {
    let run = iom_news(&["import", "cli/tests/fixtures/drupal.xml"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    assert_eq!(items(&feed).len(), 22);
    assert_eq!(feed["title"], "IOM Press Releases");
    assert_eq!(feed["home_page_url"], "https://www.iom.int/news");
    assert_eq!(feed["language"], "en");
    assert_sanitized(&feed);
    // Drupal's guid is the id, as written.
    let first = find(&feed, "10400 at https://www.iom.int");
    assert_eq!(
        first["url"],
        "https://www.iom.int/news/migrant-resource-centre-opens-in-dakar"
    );
    assert_eq!(first["title"], "Migrant Resource Centre Opens in Dakar");
    assert_eq!(first["date_published"], "2026-03-03T08:00:00Z");
    assert_eq!(
        first["tags"],
        serde_json::json!(["Labour Migration", "West and Central Africa"])
    );
    assert_eq!(first["authors"], serde_json::json!([{ "name": "IOM" }]));
    assert_eq!(first["language"], "en");
    assert_eq!(
        first["image"],
        "https://www.iom.int/sites/g/files/styles/photo-10400.jpg"
    );
    assert_eq!(first["_iom"]["dateline"], "Dakar");
    assert_eq!(first["_iom"]["countries"], serde_json::json!(["SEN"]));
    assert_eq!(
        first["_iom"]["contacts"],
        serde_json::json!([{ "name": "Aminata Diallo", "office": "IOM Dakar",
            "phone": ["+221 33 869 62 00"], "email": "adiallo@iom.int" }])
    );
    let body = first["content_html"].as_str().unwrap();
    assert!(
        body.starts_with("<p>IOM, the UN Migration Agency, said today"),
        "{body}"
    );
    assert!(!body.contains("For more information"), "{body}");
    // Relative links resolve against the feed's xml:base (https://www.iom.int/).
    assert!(body.contains(
        "<a href=\"https://www.iom.int/news/migrant-resource-centre-opens-in-dakar-background\">"
    ));
    assert!(body
        .contains("<a href=\"https://www.iom.int/sites/g/files/report-10400.pdf\">the report</a>"));
    // An image in the body keeps its alt text and loses its handlers.
    let third = find(&feed, "10402 at https://www.iom.int");
    assert!(third["content_html"].as_str().unwrap().contains(
        "<img alt=\"Chart of arrivals\" src=\"https://www.iom.int/sites/g/files/chart-10402.png\">"
    ));
    // MediaRSS: image, caption, credit; a PDF enclosure is an attachment.
    let geneva = find(&feed, "10401 at https://www.iom.int");
    assert_eq!(
        geneva["image"],
        "https://www.iom.int/sites/g/files/styles/geneva-forum.jpg"
    );
    assert_eq!(
        geneva["_iom"]["image_caption"],
        "Delegates at the Global Forum in Geneva."
    );
    assert_eq!(geneva["_iom"]["image_credit"], "© IOM 2026/Jean Martin");
    assert_eq!(
        find(&feed, "10404 at https://www.iom.int")["attachments"],
        serde_json::json!([{ "url": "https://www.iom.int/sites/g/files/dtm-haiti-10404.pdf",
            "mime_type": "application/pdf", "size_in_bytes": 2048000 }])
    );
    // Newest first; the release with the bad date is kept, undated, last.
    assert_eq!(items(&feed)[0]["id"], "10421 at https://www.iom.int");
    let last = items(&feed).last().unwrap();
    assert_eq!(last["id"], "10406 at https://www.iom.int");
    assert!(last.get("date_published").is_none());
    assert!(
        run.err.contains(
            "drupal.xml:100: item 7 (\"Regional Ministers Agree on Labour Mobility Framework\"): \
         warning: <pubDate> \"Sat, 32 Mar 2026 25:00:00 +0100\" is not a date"
        ),
        "{}",
        run.err
    );
    assert!(
        run.err.contains(
            "drupal.xml:9: item 1 (\"Migrant Resource Centre Opens in Dakar\"): \
         note: removed from the body with their content: script, style"
        ),
        "{}",
        run.err
    );
    assert!(
        run.err.contains(
            "warning: a URL in the body was removed: <a href>: the URL scheme \"javascript:\""
        ),
        "{}",
        run.err
    );
    // -q keeps the warnings and leaves out the notes.
    let quiet = iom_news(&["import", "-q", "cli/tests/fixtures/drupal.xml"]);
    assert_eq!(quiet.out, run.out);
    assert!(!quiet.err.contains("note:"), "{}", quiet.err);
    assert!(quiet.err.contains("is not a date"), "{}", quiet.err);
}

#[test]
fn imports_an_atom_feed() {
    let run = iom_news(&["import", "cli/tests/fixtures/partner-atom.xml"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    assert_eq!(items(&feed).len(), 5);
    assert_sanitized(&feed);
    let dakar = find(&feed, "tag:partners.example.org,2026:senegal-accueil");
    // The link resolves against the feed's xml:base, and so does the content: its base is the
    // xml:base in scope (https://partners.example.org/news/), not the entry's link
    // (.../news/2026/senegal-accueil), so "../aide/orientation" leaves /news/.
    assert_eq!(
        dakar["url"],
        "https://partners.example.org/news/2026/senegal-accueil"
    );
    assert!(
        dakar["content_html"]
            .as_str()
            .unwrap()
            .contains("<a href=\"https://partners.example.org/aide/orientation\">"),
        "{}",
        dakar["content_html"]
    );
    assert_eq!(dakar["date_published"], "2026-03-18T09:30:00Z");
    assert_eq!(dakar["date_modified"], "2026-03-19T07:00:00Z");
    assert_eq!(
        dakar["summary"],
        "L'OIM a ouvert un nouveau centre d'accueil à Dakar."
    );
    assert_eq!(dakar["language"], "fr");
    assert_eq!(
        dakar["tags"],
        serde_json::json!(["Retour et réintégration"])
    );
    assert_eq!(
        dakar["image"],
        "https://partners.example.org/img/dakar-centre.jpg"
    );
    assert_eq!(
        dakar["authors"],
        serde_json::json!([{ "name": "Awa Ndiaye", "url": "https://partners.example.org/people/awa" }])
    );
    assert_eq!(dakar["_iom"]["dateline"], "Dakar");
    assert_eq!(dakar["_iom"]["countries"], serde_json::json!(["SEN"]));
    // An entry's own xml:lang; text content made paragraphs; an HTML title made text.
    let lima = find(&feed, "tag:partners.example.org,2026:lluvias");
    assert_eq!(lima["language"], "es");
    assert_eq!(
        lima["content_html"],
        "<p>La OIM entregó kits de ayuda a 3.000 familias.</p>\n<p>La distribución continuará la próxima semana.</p>"
    );
    let health = find(&feed, "tag:partners.example.org,2026:health-screening");
    assert_eq!(health["title"], "Cross-border health screening expands");
    assert_eq!(health["date_published"], "2026-03-12T09:00:00Z");
    let report = find(&feed, "tag:partners.example.org,2026:annual-report");
    assert_eq!(report["attachments"][0]["mime_type"], "application/pdf");
    assert!(report["content_html"]
        .as_str()
        .unwrap()
        .contains("src=\"https://partners.example.org/img/chart.png\""));
    let ids: Vec<&str> = items(&feed)
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "tag:partners.example.org,2026:senegal-accueil");
    assert_eq!(ids[4], "tag:partners.example.org,2026:annual-report");
}

#[test]
fn relative_urls_in_content_resolve_against_the_xml_base_in_scope() {
    let dir = scratch("xml-base");
    let atom = dir.join("atom.xml");
    std::fs::write(
        &atom,
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://p.org/news/">
  <title>P</title><id>urn:p</id><updated>2026-03-12T10:00:00Z</updated>
  <entry>
    <title>One</title><link href="2026/one"/><id>one</id><updated>2026-03-12T10:00:00Z</updated>
    <content type="html">&lt;p&gt;See &lt;a href="maps/latest"&gt;maps&lt;/a&gt; &lt;img src="img/a.jpg" alt="a"&gt;&lt;/p&gt;</content>
  </entry>
  <entry xml:base="https://other.org/base/">
    <title>Two</title><link href="2026/two"/><id>two</id><updated>2026-03-11T10:00:00Z</updated>
    <content type="html">&lt;p&gt;&lt;a href="rel/link"&gt;link&lt;/a&gt;&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Three</title><link href="https://p.org/elsewhere/three"/><id>three</id><updated>2026-03-10T10:00:00Z</updated>
    <content type="xhtml" xml:base="docs/"><div xmlns="http://www.w3.org/1999/xhtml"><p><a href="r.pdf">report</a></p></div></content>
  </entry>
</feed>"#,
    )
    .unwrap();
    let run = iom_news(&["import", atom.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.err);
    let feed = json(&run.out);
    let body = |id: &str| {
        find(&feed, id)["content_html"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert_eq!(find(&feed, "one")["url"], "https://p.org/news/2026/one");
    assert!(
        body("one").contains("href=\"https://p.org/news/maps/latest\""),
        "{}",
        body("one")
    );
    assert!(
        body("one").contains("src=\"https://p.org/news/img/a.jpg\""),
        "{}",
        body("one")
    );
    assert_eq!(find(&feed, "two")["url"], "https://other.org/base/2026/two");
    assert!(
        body("two").contains("href=\"https://other.org/base/rel/link\""),
        "{}",
        body("two")
    );
    assert!(
        body("three").contains("href=\"https://p.org/news/docs/r.pdf\""),
        "{}",
        body("three")
    );
}

#[test]
fn keeps_every_enclosure_beside_media_content() {
    let dir = scratch("enclosures");
    let rss = dir.join("feed.xml");
    std::fs::write(
        &rss,
        r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:media="http://search.yahoo.com/mrss/"><channel><title>T</title>
<item><title>With media</title><link>https://a.org/a</link><guid>a</guid>
<description>Body.</description>
<media:content url="https://a.org/photo.jpg" medium="image" type="image/jpeg">
  <media:description>A caption.</media:description>
</media:content>
<enclosure url="https://a.org/report.pdf" length="12345" type="application/pdf" />
<enclosure url="https://a.org/photo.jpg" length="1" type="image/jpeg" />
<enclosure url="https://a.org/map.png" length="2" type="image/png" />
</item>
<item><title>Without</title><link>https://a.org/b</link><guid>b</guid><description>Body.</description>
<enclosure url="https://a.org/r.pdf" length="5" type="application/pdf" />
<enclosure url="https://a.org/p.jpg" length="1" type="image/jpeg" />
</item>
</channel></rss>"#,
    )
    .unwrap();
    let run = iom_news(&["import", rss.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    let a = find(&feed, "a");
    assert_eq!(a["image"], "https://a.org/photo.jpg");
    assert_eq!(a["_iom"]["image_caption"], "A caption.");
    assert_eq!(
        a["attachments"],
        serde_json::json!([
            { "url": "https://a.org/report.pdf", "mime_type": "application/pdf", "size_in_bytes": 12345 },
            { "url": "https://a.org/map.png", "mime_type": "image/png", "size_in_bytes": 2 }
        ])
    );
    let b = find(&feed, "b");
    assert_eq!(b["image"], "https://a.org/p.jpg");
    assert_eq!(
        b["attachments"],
        serde_json::json!([
            { "url": "https://a.org/r.pdf", "mime_type": "application/pdf", "size_in_bytes": 5 }
        ])
    );
}

#[test]
fn imports_markdown_releases_with_front_matter() {
    let dir = "cli/tests/fixtures/markdown";
    let files: Vec<String> = [
        "2026-03-04-dakar-resource-centre.md",
        "2026-03-10-geneva-forum.md",
        "2026-03-10-geneva-forum-fr.md",
        "cox-bazar-monsoon.md",
        "haiti-dtm.md",
    ]
    .iter()
    .map(|f| format!("{dir}/{f}"))
    .collect();
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let run = iom_news(&args);
    assert_eq!(run.code, 0, "{}", run.err);
    // A relative image stays relative: the widget resolves it against the feed's address.
    assert_valid(&run.out, Some("https://www.iom.int/news/feed.json"));
    assert!(
        run.err
            .contains("image \"img/dakar-centre.jpg\" kept relative"),
        "{}",
        run.err
    );
    let feed = json(&run.out);
    assert_eq!(items(&feed).len(), 5);
    assert_sanitized(&feed);
    let dakar = find(&feed, "2026-03-04-dakar-resource-centre");
    assert_eq!(dakar["date_published"], "2026-03-04T12:00:00Z");
    assert_eq!(dakar["image"], "img/dakar-centre.jpg");
    assert_eq!(dakar["_iom"]["countries"], serde_json::json!(["SEN"]));
    assert_eq!(dakar["_iom"]["region"], "West and Central Africa");
    assert_eq!(dakar["_iom"]["image_credit"], "© IOM 2026/Aminata Diallo");
    assert_eq!(
        dakar["_iom"]["contacts"][0]["phone"],
        serde_json::json!(["+221 33 869 62 00"])
    );
    let body = dakar["content_html"].as_str().unwrap();
    assert!(body.contains("<strong>migrant resource centre</strong>"));
    assert!(body.contains("<blockquote>"));
    assert!(body.contains("<a href=\"https://www.iom.int/jobs\">job board</a>"));
    let geneva = find(&feed, "iom-2026-0310-geneva-forum");
    assert_eq!(geneva["_iom"]["release_type"], "Statement");
    assert_eq!(geneva["_iom"]["dateline"], "Geneva");
    assert_eq!(geneva["_iom"]["contacts"][0]["name"], "Paul Okafor");
    assert_eq!(
        geneva["_iom"]["translations"]["fr"],
        "iom-2026-0310-geneva-forum-fr"
    );
    assert_eq!(
        geneva["tags"],
        serde_json::json!(["Migration Governance", "Climate and Migration"])
    );
    assert_eq!(geneva["authors"][0]["url"], "mailto:media@iom.int");
    // The title from the first heading.
    let french = find(&feed, "iom-2026-0310-geneva-forum-fr");
    assert_eq!(
        french["title"],
        "L'OIM appelle à des voies sûres avant le Forum mondial"
    );
    assert_eq!(french["language"], "fr");
    assert!(!french["content_html"].as_str().unwrap().contains("<h1>"));
    // Problems in a front matter: reported with their line; the release kept.
    let cox = find(&feed, "cox-bazar-monsoon");
    assert_eq!(cox["_iom"]["countries"], serde_json::json!(["BGD", "MMR"]));
    assert_eq!(
        cox["_iom"]["contacts"][0]["phone"],
        serde_json::json!(["+880 1234 567 890"])
    );
    assert!(cox["_iom"]["contacts"][0].get("email").is_none());
    assert!(run.err.contains(
        "cox-bazar-monsoon.md:4: warning: unknown front matter field \"dateLine\" left out; did you mean \"dateline\"?"
    ), "{}", run.err);
    assert!(
        run.err
            .contains("contact e-mail \"rahmed at iom dot int\" left out"),
        "{}",
        run.err
    );
    assert!(
        run.err.contains("contact phone \"not a number\" left out"),
        "{}",
        run.err
    );
    // An unknown _iom field and an extension stay.
    let haiti = find(&feed, "iom-2026-haiti-dtm");
    assert_eq!(
        haiti["_iom"]["_internal_note"],
        "checked by the Haiti office"
    );
    assert_eq!(haiti["_iom"]["countries"], serde_json::json!(["HTI"]));
    assert!(haiti["content_html"].as_str().unwrap().contains("<table>"));
    let ids: Vec<&str> = items(&feed)
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "cox-bazar-monsoon",
            "iom-2026-0310-geneva-forum",
            "iom-2026-0310-geneva-forum-fr",
            "iom-2026-haiti-dtm",
            "2026-03-04-dakar-resource-centre"
        ]
    );
}

#[test]
fn front_matter_keeps_phone_numbers_and_names_every_key_it_leaves_out() {
    let dir = scratch("front-matter");
    let md = dir.join("dakar.md");
    std::fs::write(
        &md,
        "---\ntitle: Bad front matter\n_iom:\n  contacts:\n    - name: X\n      \
         phone: +221338696200\n      emial: x@iom.int\n    - name: Y\n      phone:\n        \
         - +41227179111\n      mobile: +41790000000\nauthors:\n  - name: Z\n    emial: z@x.org\n\
         attachments:\n  - url: https://a.org/r.pdf\n    mime_type: application/pdf\n    \
         size_in_bytes: 100\n    length: 100\ntags: [Protection, [Nested]]\n---\nBody text here.\n",
    )
    .unwrap();
    let run = iom_news(&["import", md.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.err);
    let feed = json(&run.out);
    let item = &items(&feed)[0];
    assert_eq!(
        item["_iom"]["contacts"],
        serde_json::json!([
            { "name": "X", "phone": ["+221338696200"] },
            { "name": "Y", "phone": ["+41227179111"] }
        ])
    );
    assert_eq!(item["attachments"][0]["size_in_bytes"], 100);
    for said in [
        "warning: unknown field \"_iom.contacts[0].emial\" left out; did you mean \"email\"?",
        "warning: unknown field \"_iom.contacts[1].mobile\" left out",
        "warning: unknown field \"authors[0].emial\" left out",
        "warning: unknown field \"attachments[0].length\" left out",
        "warning: tags[1]: text expected, not a list; left out",
    ] {
        assert!(run.err.contains(said), "{said}: {}", run.err);
    }
}

#[test]
fn imports_a_release_saved_as_text() {
    let run = iom_news(&["import", "cli/tests/fixtures/release-word.txt"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    let item = &items(&feed)[0];
    assert_eq!(
        item["id"],
        "iom-helps-stranded-migrants-return-home-from-niger"
    );
    assert_eq!(
        item["title"],
        "IOM Helps Stranded Migrants Return Home from Niger"
    );
    assert_eq!(item["date_published"], "2026-03-17T12:00:00Z");
    assert_eq!(item["_iom"]["dateline"], "Niamey");
    assert_eq!(item["_iom"]["countries"], serde_json::json!(["NER"]));
    let body = item["content_html"].as_str().unwrap();
    assert_eq!(body.matches("<p>").count(), 3, "{body}");
    assert!(body.starts_with("<p>IOM, the UN Migration Agency, today helped 152 migrants"));
    assert!(body.contains("arrival &amp; follow-up"));
    for gone in ["PRESS RELEASE", "Tuesday", "Notes to editors", "Moussa"] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert_eq!(
        item["_iom"]["contacts"],
        serde_json::json!([
            { "name": "Moussa Traoré", "office": "IOM Niamey",
              "phone": ["+227 20 75 26 31", "+227 90 00 00 00"], "email": "mtraore@iom.int" },
            { "name": "Claire Dubois", "office": "IOM Regional Office for West and Central Africa",
              "phone": ["+221 33 869 62 00"], "email": "cdubois@iom.int" }
        ])
    );
    assert!(
        run.err
            .contains("lines 25-27 after the end mark \"###\" left out"),
        "{}",
        run.err
    );
    assert!(
        run.err.contains("lines 1-2 before the title left out"),
        "{}",
        run.err
    );
}

#[test]
fn imports_french_and_spanish_releases() {
    let run = iom_news(&[
        "import",
        "cli/tests/fixtures/communique-fr.txt",
        "cli/tests/fixtures/comunicado-es.txt",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    assert_eq!(items(&feed).len(), 2, "{}", run.out);
    let fr = find(
        &feed,
        "l-oim-lance-un-nouveau-programme-d-aide-aux-migrants-au-sahel",
    );
    assert_eq!(
        fr["title"],
        "L'OIM lance un nouveau programme d'aide aux migrants au Sahel"
    );
    assert_eq!(fr["date_published"], "2026-03-03T12:00:00Z");
    assert_eq!(fr["_iom"]["dateline"], "GENÈVE");
    assert_eq!(fr["_iom"]["countries"], serde_json::json!(["CHE"]));
    let body = fr["content_html"].as_str().unwrap();
    assert_eq!(body.matches("<p>").count(), 3, "{body}");
    assert!(body.starts_with("<p>L'Organisation internationale pour les migrations"));
    for gone in [
        "COMMUNIQUÉ",
        "Mardi",
        "GENÈVE",
        "Pour plus",
        "Courriel",
        "Marie",
    ] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
    assert_eq!(
        fr["_iom"]["contacts"],
        serde_json::json!([
            { "name": "Marie Dupont", "office": "OIM Genève",
              "phone": ["+41 22 717 91 11"], "email": "mdupont@iom.int" },
            { "name": "Jean Martin", "office": "OIM Niamey",
              "phone": ["+227 20 75 20 85", "+227 90 00 00 00"], "email": "jmartin@iom.int" }
        ])
    );
    let es = find(
        &feed,
        "la-oim-amplia-su-ayuda-a-los-migrantes-venezolanos-en-colombia",
    );
    assert_eq!(es["date_published"], "2026-03-10T12:00:00Z");
    assert_eq!(es["_iom"]["dateline"], "BOGOTÁ");
    assert_eq!(es["_iom"]["countries"], serde_json::json!(["COL"]));
    assert_eq!(
        es["content_html"].as_str().unwrap().matches("<p>").count(),
        2
    );
    assert_eq!(
        es["_iom"]["contacts"],
        serde_json::json!([
            { "name": "Ana Pérez", "office": "OIM Bogotá",
              "phone": ["+57 1 639 77 77"], "email": "aperez@iom.int" },
            { "name": "Luis Gómez", "office": "OIM Ginebra",
              "phone": ["+41 22 717 91 11", "+41 79 000 00 00"], "email": "lgomez@iom.int" }
        ])
    );
}

#[test]
fn a_text_release_never_loses_its_body_to_a_title() {
    let dir = scratch("body");
    // A heading inside the body, after a short paragraph: the title stands before the dateline.
    let heading = dir.join("heading.txt");
    std::fs::write(
        &heading,
        "IOM Opens a Centre in Dakar\n\n\
         DAKAR, Senegal – IOM today opened a migrant resource centre in the Medina district of \
         Dakar, its fourth in the country.\n\n\
         It will serve 2,000 people a year.\n\n\
         Services Offered To Migrants\n\n\
         The centre offers legal advice, psychosocial support and referrals to health care for \
         migrants in transit.\n",
    )
    .unwrap();
    let run = iom_news(&["import", heading.to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.err);
    let item = &json(&run.out)["items"][0];
    assert_eq!(item["title"], "IOM Opens a Centre in Dakar");
    let body = item["content_html"].as_str().unwrap();
    for kept in [
        "IOM today opened",
        "2,000 people",
        "Services Offered",
        "legal advice",
    ] {
        assert!(body.contains(kept), "{kept}: {body}");
    }
    assert!(
        !run.err.contains("before the title left out"),
        "{}",
        run.err
    );
    // No line reads as a title, and the contact block is in a language not known here: the
    // last contact line is not the title, the first line is, and the body stays.
    let untitled = dir.join("untitled.txt");
    std::fs::write(
        &untitled,
        "Die IOM hat heute ein neues Programm für Migranten in der Sahelzone gestartet, das drei \
         Länder umfasst.\n\n\
         Das Programm wird von mehreren Gebern finanziert und läuft drei Jahre lang, bis Ende 2028.\n\n\
         Kontakt\nAnna Schmidt\nTel. +49 30 278 778 22\nE-Mail: aschmidt@iom.int\n",
    )
    .unwrap();
    let path = untitled.to_str().unwrap();
    let run = iom_news(&["import", path]);
    assert_eq!(run.code, 0, "{}", run.err);
    let item = &json(&run.out)["items"][0];
    assert_eq!(
        item["title"],
        "Die IOM hat heute ein neues Programm für Migranten in der Sahelzone gestartet, das drei \
         Länder umfasst."
    );
    let body = item["content_html"].as_str().unwrap();
    assert!(body.contains("Das Programm wird"), "{body}");
    assert!(body.contains("aschmidt@iom.int"), "{body}");
    assert!(
        run.err.contains("warning: no title found") && run.err.contains("--title"),
        "{}",
        run.err
    );
    // With --title, that title, and every line in the body.
    let run = iom_news(&["import", path, "--title", "IOM Starts a Sahel Programme"]);
    assert_eq!(run.code, 0, "{}", run.err);
    let item = &json(&run.out)["items"][0];
    assert_eq!(item["title"], "IOM Starts a Sahel Programme");
    let body = item["content_html"].as_str().unwrap();
    assert!(body.starts_with("<p>Die IOM hat heute"), "{body}");
}

#[test]
fn imports_a_release_saved_as_an_html_page() {
    let run = iom_news(&["import", "cli/tests/fixtures/release-page.html"]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    assert_sanitized(&feed);
    let item = &items(&feed)[0];
    let url = "https://www.iom.int/news/iom-restores-water-points-juba-displacement-sites";
    assert_eq!(item["id"], url);
    assert_eq!(item["url"], url);
    assert_eq!(
        item["title"],
        "IOM Restores Water Points in Juba Displacement Sites"
    );
    assert_eq!(item["date_published"], "2026-03-16T11:20:00+03:00");
    assert_eq!(
        item["image"],
        "https://www.iom.int/sites/g/files/styles/juba-water.jpg"
    );
    assert_eq!(item["language"], "en");
    assert_eq!(
        item["tags"],
        serde_json::json!(["Displacement", "Water, Sanitation and Hygiene"])
    );
    assert_eq!(item["_iom"]["dateline"], "Juba");
    assert_eq!(item["_iom"]["countries"], serde_json::json!(["SSD"]));
    assert_eq!(item["_iom"]["contacts"][0]["email"], "glado@iom.int");
    let body = item["content_html"].as_str().unwrap();
    assert!(
        body.starts_with("<p>IOM has restored 14 water points"),
        "{body}"
    );
    assert!(body.contains("<figure><img alt=\"A hand pump in Mahad site\" src=\"https://www.iom.int/sites/g/files/juba-pump.jpg\"><figcaption>"));
    assert!(
        body.contains("<a href=\"https://www.iom.int/partners/wash-cluster\">the WASH cluster</a>")
    );
    for gone in [
        "Who we are",
        "Skip to",
        "Share on",
        "Home",
        "Related news",
        "Privacy",
        "16 March 2026",
        "tracking",
        "<h1>",
    ] {
        assert!(!body.contains(gone), "{gone}: {body}");
    }
}

#[test]
fn imports_a_json_feed_keeping_its_extensions() {
    let run = iom_news(&["import", "cli/tests/fixtures/partner-feed-1.0.json"]);
    // The item without a body is left out, said so, and the run fails after writing the rest.
    assert_eq!(run.code, 1, "{}", run.err);
    assert!(
        run.err
            .contains("partner-feed-1.0.json: item 2 (\"A story without a body\"): error: no body"),
        "{}",
        run.err
    );
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    assert_eq!(items(&feed).len(), 1);
    assert_sanitized(&feed);
    let item = &items(&feed)[0];
    assert_eq!(item["id"], "2041");
    assert_eq!(item["date_published"], "2026-03-09T19:00:00Z");
    assert_eq!(item["authors"][0]["name"], "NGO Field Team");
    // Relative against the feed's own feed_url.
    assert_eq!(item["image"], "https://ngo.example.org/img/mocoa.jpg");
    assert_eq!(item["_iom"]["release_type"], "Partner Story");
    assert_eq!(item["_iom"]["countries"], serde_json::json!(["COL"]));
    assert_eq!(
        item["_ngo"],
        serde_json::json!({ "programme": "Kitchens 2026", "internal": true })
    );
}

#[test]
fn carries_the_feeds_own_fields_from_the_first_feed_given() {
    let dir = scratch("feed-fields");
    let v10 = dir.join("v10.json");
    std::fs::write(
        &v10,
        r#"{"version": "https://jsonfeed.org/version/1", "title": "Partner 1.0",
            "author": {"name": "Feed Author", "url": "https://p.org/about"},
            "items": [{"id": "a", "content_text": "A."}]}"#,
    )
    .unwrap();
    let v11 = dir.join("v11.json");
    std::fs::write(
        &v11,
        r#"{"version": "https://jsonfeed.org/version/1.1", "title": "Partner 1.1",
            "feed_url": "https://p.org/news/feed.json", "language": "fr",
            "authors": [{"name": "Feed A", "avatar": "img/a.png"}],
            "icon": "img/icon.png", "favicon": "https://p.org/favicon.ico",
            "next_url": "https://p.org/news/feed-2.json", "user_comment": "hello",
            "items": [{"id": "b", "content_text": "B.", "language": "es"}]}"#,
    )
    .unwrap();
    let atom = dir.join("atom.xml");
    std::fs::write(
        &atom,
        r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom partner</title><id>urn:a</id><updated>2026-03-12T10:00:00Z</updated>
  <author><name>Partner Comms</name><email>comms@p.org</email></author>
  <icon>https://p.org/favicon.png</icon><logo>https://p.org/logo.png</logo>
  <entry><title>C</title><id>c</id><updated>2026-03-12T10:00:00Z</updated>
    <content type="text">C.</content></entry>
</feed>"#,
    )
    .unwrap();
    let (v10, v11, atom) = (
        v10.to_str().unwrap(),
        v11.to_str().unwrap(),
        atom.to_str().unwrap(),
    );
    let run = iom_news(&["import", v10]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_eq!(
        json(&run.out)["authors"],
        serde_json::json!([{ "name": "Feed Author", "url": "https://p.org/about" }])
    );
    let run = iom_news(&["import", v11]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    assert_eq!(feed["title"], "Partner 1.1");
    assert_eq!(
        feed["authors"],
        serde_json::json!([{ "name": "Feed A", "avatar": "https://p.org/news/img/a.png" }])
    );
    assert_eq!(feed["icon"], "https://p.org/news/img/icon.png");
    assert_eq!(feed["favicon"], "https://p.org/favicon.ico");
    // The feed's language, though its one item says another.
    assert_eq!(feed["language"], "fr");
    assert!(
        run.err.contains("not imported: import its pages too"),
        "{}",
        run.err
    );
    assert!(
        run.err
            .contains("warning: feed field \"user_comment\" left out"),
        "{}",
        run.err
    );
    let run = iom_news(&["import", atom]);
    assert_eq!(run.code, 0, "{}", run.err);
    let feed = json(&run.out);
    assert_eq!(
        feed["authors"],
        serde_json::json!([{ "name": "Partner Comms", "url": "mailto:comms@p.org" }])
    );
    assert_eq!(feed["icon"], "https://p.org/logo.png");
    assert_eq!(feed["favicon"], "https://p.org/favicon.png");
    // Several feeds: every field from the first given, whatever the names' order, and the
    // others' said to be left out.
    for (first, second, title) in [(atom, v11, "Atom partner"), (v11, atom, "Partner 1.1")] {
        let run = iom_news(&["import", first, second]);
        assert_eq!(run.code, 0, "{}", run.err);
        let feed = json(&run.out);
        assert_eq!(feed["title"], title);
        let from_first = json(&iom_news(&["import", first]).out);
        for key in ["authors", "icon", "favicon", "language", "home_page_url"] {
            assert_eq!(feed[key], from_first[key], "{key}");
        }
        assert!(
            run.err.contains(&format!(
                "{second}: warning: its feed's title, icon, favicon, authors"
            )) && run.err.contains(&format!(
                "the feed written takes them from {first}, the first feed given"
            )),
            "{}",
            run.err
        );
    }
}

#[test]
fn base_makes_relative_urls_absolute() {
    let run = iom_news(&[
        "import",
        "cli/tests/fixtures/markdown/2026-03-04-dakar-resource-centre.md",
        "cli/tests/fixtures/markdown/cox-bazar-monsoon.md",
        "--base",
        "https://www.iom.int/news/",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    assert_valid(&run.out, None);
    let feed = json(&run.out);
    assert_eq!(
        find(&feed, "2026-03-04-dakar-resource-centre")["image"],
        "https://www.iom.int/news/img/dakar-centre.jpg"
    );
    assert!(find(&feed, "cox-bazar-monsoon")["content_html"]
        .as_str()
        .unwrap()
        .contains("<a href=\"https://www.iom.int/news/monsoon-2025\">"));
    assert_eq!(iom_news(&["import", "x.md", "--base", "news/"]).code, 2);
}

#[test]
fn merges_into_a_feed_keeping_everything_it_had() {
    let dir = scratch("merge");
    let existing = dir.join("news.json");
    std::fs::write(
        &existing,
        r#"{
  "version": "https://jsonfeed.org/version/1",
  "title": "Our news",
  "_site": { "theme": "blue" },
  "next_url": "https://www.iom.int/news/page-2.json",
  "items": [
    {
      "id": "old-undated",
      "content_text": "An undated note.",
      "_iom": { "future_field": [1, 2] },
      "_cms": { "node": 7 }
    },
    {
      "id": "10400 at https://www.iom.int",
      "url": "https://www.iom.int/news/migrant-resource-centre-opens-in-dakar",
      "title": "Hand-edited title",
      "content_html": "<p>Edited by hand.</p>",
      "date_published": "2026-03-03T08:00:00Z"
    },
    {
      "id": "from-2020",
      "url": "https://www.iom.int/news/2020",
      "content_html": "<p>Old.</p>",
      "date_published": "2020-01-01T00:00:00Z"
    }
  ]
}
"#,
    )
    .unwrap();
    let run = iom_news(&[
        "import",
        "cli/tests/fixtures/drupal.xml",
        "cli/tests/fixtures/markdown/2026-03-04-dakar-resource-centre.md",
        "--merge",
        existing.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let parsed = Feed::parse(&run.out).unwrap();
    assert!(parsed.skipped.is_empty(), "{:#?}", parsed.skipped);
    // The unknown _iom field it had stays, with the warning the widget gives too.
    assert!(run.err.contains("news.json: item 1 (\"old-undated\"): warning: items[22]._iom.future_field: unknown field"), "{}", run.err);
    let feed = json(&run.out);
    // The feed's own fields, and its unknown extension fields, as they were.
    assert_eq!(feed["title"], "Our news");
    assert_eq!(feed["_site"], serde_json::json!({ "theme": "blue" }));
    assert_eq!(feed["next_url"], "https://www.iom.int/news/page-2.json");
    assert_eq!(feed["version"], "https://jsonfeed.org/version/1.1");
    // 3 of its own + 22 from RSS - 1 it had already (same guid); the Markdown release has the
    // URL of the feed's own item, so it is left out too.
    assert_eq!(items(&feed).len(), 24);
    let edited = find(&feed, "10400 at https://www.iom.int");
    assert_eq!(edited["title"], "Hand-edited title");
    let old = find(&feed, "old-undated");
    assert_eq!(old["_iom"]["future_field"], serde_json::json!([1, 2]));
    assert_eq!(old["_cms"]["node"], 7);
    assert!(
        run.err.contains(
            "drupal.xml:9: item 1 (\"Migrant Resource Centre Opens in Dakar\"): \
         warning: left out: "
        ),
        "{}",
        run.err
    );
    assert!(run.err.contains("news.json: item 2 (\"Hand-edited title\") has the id \"10400 at https://www.iom.int\" already"), "{}", run.err);
    assert!(run.err.contains("has the URL \"https://www.iom.int/news/migrant-resource-centre-opens-in-dakar\" already"), "{}", run.err);
    // Newest first; the undated last, in input order (the feed's own first).
    let ids: Vec<&str> = items(&feed)
        .iter()
        .map(|i| i["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids[0], "10421 at https://www.iom.int");
    assert_eq!(ids[21], "from-2020");
    assert_eq!(ids[22..], ["old-undated", "10406 at https://www.iom.int"]);
}

#[test]
fn an_unreadable_input_fails_and_writes_nothing() {
    let dir = scratch("unreadable");
    let broken = dir.join("broken.xml");
    std::fs::write(
        &broken,
        "<rss version=\"2.0\">\n<channel>\n<item><title>A</title>\n</channel>",
    )
    .unwrap();
    let not_a_feed = dir.join("data.json");
    std::fs::write(&not_a_feed, "{\"name\": \"not a feed\"}").unwrap();
    for (file, message) in [
        ("cli/tests/fixtures/missing.xml", "cannot read the file"),
        (
            broken.to_str().unwrap(),
            "not a feed that can be read (line 4, column 1)",
        ),
        (
            not_a_feed.to_str().unwrap(),
            "JSON, but not a JSON Feed: it has no \"version\"",
        ),
    ] {
        let run = iom_news(&["import", "cli/tests/fixtures/drupal.xml", file]);
        assert_eq!(run.code, 1, "{file}: {}", run.err);
        assert_eq!(run.out, "", "{file}");
        assert!(
            run.err.contains(&format!("{file}: error: {message}")),
            "{}",
            run.err
        );
        assert!(run.err.contains("nothing written"), "{}", run.err);
    }
    let run = iom_news(&[
        "import",
        "cli/tests/fixtures/drupal.xml",
        "--merge",
        "cli/tests/fixtures/drupal.xml",
    ]);
    assert_eq!((run.code, run.out.as_str()), (1, ""), "{}", run.err);
    assert!(
        run.err
            .contains("the feed to merge into is not valid JSON at line 1"),
        "{}",
        run.err
    );
}

#[test]
fn a_file_that_is_not_text_fails_with_what_it_looks_like() {
    let dir = scratch("binary");
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0\xb0V".to_vec();
    elf.extend((0..3000u32).map(|i| (i * 7 % 256) as u8));
    let mut data = b"Title\n\n".to_vec();
    data.extend((0..2000u32).map(|i| (i * 13 % 256) as u8));
    for (name, bytes, kind) in [
        ("program", elf, "an ELF program"),
        (
            "report.pdf",
            b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n".to_vec(),
            "a PDF document",
        ),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            "a PNG image",
        ),
        (
            "release.docx",
            b"PK\x03\x04\x14\0\x06\0\x08\0".to_vec(),
            "a ZIP archive, or a Word .docx",
        ),
        ("data.bin", data, "binary data"),
    ] {
        let path = dir.join(name);
        std::fs::write(&path, bytes).unwrap();
        let file = path.to_str().unwrap();
        let run = iom_news(&["import", "cli/tests/fixtures/release-word.txt", file]);
        assert_eq!((run.code, run.out.as_str()), (1, ""), "{name}: {}", run.err);
        assert!(
            run.err.contains(&format!(
                "{file}: error: not a text file (looks like {kind}"
            )),
            "{name}: {}",
            run.err
        );
        assert!(run.err.contains("nothing written"), "{}", run.err);
        // Neither a release made of it, nor Rust's escapes in what is said.
        for wrong in ["\\u{", "\\0", "read as", "not UTF-8", "note: id"] {
            assert!(
                !run.err.contains(&format!("{file}: {wrong}")) && !run.err.contains("\\u{"),
                "{name}: {wrong}: {}",
                run.err
            );
        }
    }
}

#[test]
fn an_item_that_cannot_be_shown_is_left_out_and_said_so() {
    let dir = scratch("left-out");
    let rss = dir.join("feed.xml");
    std::fs::write(
        &rss,
        "<rss version=\"2.0\"><channel><title>T</title>\n\
         <item><title>Good</title><guid>g1</guid><description>&lt;p&gt;Body&lt;/p&gt;</description></item>\n\
         <item><title>Only a title</title><guid>g2</guid></item>\n\
         </channel></rss>",
    )
    .unwrap();
    let run = iom_news(&["import", rss.to_str().unwrap()]);
    assert_eq!(run.code, 1, "{}", run.err);
    assert!(
        run.err
            .contains("feed.xml:3: item 2 (\"Only a title\"): error: no body"),
        "{}",
        run.err
    );
    let feed = json(&run.out);
    assert_eq!(items(&feed).len(), 1);
    assert_eq!(items(&feed)[0]["id"], "g1");
}

#[test]
fn wrong_arguments_exit_2() {
    for args in [
        vec!["import"],
        vec!["import", "a.xml", "--unknown"],
        vec!["import", "a.xml", "--date", "next week"],
        vec!["import", "a.xml", "--merge"],
    ] {
        let run = iom_news(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.err);
        assert!(run.err.contains("usage:"), "{}", run.err);
    }
    // A release's own fields need exactly one release.
    let run = iom_news(&[
        "import",
        "cli/tests/fixtures/drupal.xml",
        "--dateline",
        "Geneva",
    ]);
    assert_eq!((run.code, run.out.as_str()), (2, ""), "{}", run.err);
    assert!(
        run.err
            .contains("--dateline describes one release, but the inputs give 22"),
        "{}",
        run.err
    );
}

#[test]
fn release_flags_set_the_one_release() {
    let run = iom_news(&[
        "import",
        "cli/tests/fixtures/release-word.txt",
        "--id",
        "iom-2026-niger",
        "--date",
        "2026-03-18T09:00:00+01:00",
        "--url",
        "https://www.iom.int/news/niger",
        "--country",
        "Mali",
        "--feed-title",
        "IOM Niger",
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let feed = json(&run.out);
    assert_eq!(feed["title"], "IOM Niger");
    let item = &items(&feed)[0];
    assert_eq!(item["id"], "iom-2026-niger");
    assert_eq!(item["date_published"], "2026-03-18T09:00:00+01:00");
    assert_eq!(item["url"], "https://www.iom.int/news/niger");
    assert_eq!(item["_iom"]["countries"], serde_json::json!(["MLI", "NER"]));
}

#[test]
fn everything_imported_together_passes_validate() {
    let dir = scratch("all");
    let run = iom_news(&[
        "import",
        "-q",
        "cli/tests/fixtures/drupal.xml",
        "cli/tests/fixtures/partner-atom.xml",
        "cli/tests/fixtures/markdown/2026-03-10-geneva-forum.md",
        "cli/tests/fixtures/markdown/2026-03-04-dakar-resource-centre.md",
        "cli/tests/fixtures/markdown/haiti-dtm.md",
        "cli/tests/fixtures/release-word.txt",
        "cli/tests/fixtures/release-page.html",
        SEED,
    ]);
    assert_eq!(run.code, 0, "{}", run.err);
    let out = dir.join("news.json");
    std::fs::write(&out, &run.out).unwrap();
    let validate = iom_news(&["validate", out.to_str().unwrap()]);
    assert_eq!(validate.code, 0, "{}{}", validate.out, validate.err);
    // 34 inputs, less two Markdown releases whose URLs an RSS item has already.
    assert!(
        validate
            .out
            .contains("31 items usable, 0 skipped, 0 warnings"),
        "{}",
        validate.out
    );
}
