//! The command line, run as a user runs it.

use std::process::Command;

fn iom_news(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_iom-news"))
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .output()
        .expect("the binary runs");
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn validates_the_sample_feeds() {
    let (code, out) = iom_news(&["validate", "www/feed.json", "www/synthetic.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("www/feed.json: 1 items usable, 0 skipped, 0 warnings"),
        "{out}"
    );
    assert!(
        out.contains("www/synthetic.json: 12 items usable, 0 skipped, 0 warnings"),
        "{out}"
    );
}

#[test]
fn reports_bad_items_and_fails() {
    let dir = std::env::temp_dir().join(format!("iom-news-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.json");
    std::fs::write(
        &bad,
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"x"}]}"#,
    )
    .unwrap();
    let (code, out) = iom_news(&["validate", bad.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("0 items usable, 1 skipped, 0 warnings"),
        "{out}"
    );
    assert!(out.contains("items[0].content_html: has no body"), "{out}");
    assert!(out.contains("nothing to read"), "{out}");
}

#[test]
fn a_wrong_field_is_a_warning_and_fails_only_with_strict() {
    let dir = std::env::temp_dir().join(format!("iom-news-cli-strict-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let feed = dir.join("field.json");
    std::fs::write(
        &feed,
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
            {"id":"a","content_text":"x","date_published":"18/09/2026","image":"data:image/png;base64,AA=="}]}"#,
    )
    .unwrap();
    let path = feed.to_str().unwrap();
    let (code, out) = iom_news(&["validate", path]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 items usable, 0 skipped, 2 warnings"),
        "{out}"
    );
    assert!(
        out.contains("warning: items[0].date_published: not an RFC 3339 date: \"18/09/2026\""),
        "{out}"
    );
    assert!(out.contains("the release is shown without it"), "{out}");
    let (code, out) = iom_news(&["validate", "--strict", path]);
    assert_eq!(code, 1, "{out}");
}

#[test]
fn says_where_a_file_is_not_utf8() {
    let dir = std::env::temp_dir().join(format!("iom-news-cli-utf8-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"version\": 1,\n \"title\": \"Caf\xe9\"}").unwrap();
    let (code, out) = iom_news(&["validate", latin1.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}",);
    assert!(
        out.contains("not UTF-8 at line 2, column 15 (byte 0xE9); save the file as UTF-8"),
        "{out}"
    );
}

#[test]
fn prints_synthetic_feeds_and_rejects_bad_usage() {
    let (code, out) = iom_news(&["synthetic", "2"]);
    assert_eq!(code, 0);
    assert!(out.contains("\"Sample release 2\""));
    assert_eq!(iom_news(&["synthetic", "many"]).0, 2);
    assert_eq!(iom_news(&[]).0, 2);
}

#[test]
fn validate_resolves_relative_urls_as_the_widget_does() {
    let dir = std::env::temp_dir().join(format!("iom-news-cli-base-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let feed = dir.join("news.json");
    std::fs::write(
        &feed,
        r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[
            {"id":"a","content_text":"x","image":"img/a.jpg","url":"/news/a"},
            {"id":"b","content_text":"y","image":"javascript:alert(1)"}]}"#,
    )
    .unwrap();
    let path = feed.to_str().unwrap();
    // Without --base: the relative URLs resolve against a placeholder, said once.
    let (code, out) = iom_news(&["validate", path, path]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("news.json: 2 items usable, 0 skipped, 1 warnings"),
        "{out}"
    );
    assert_eq!(
        out.matches("note: relative URLs were resolved against")
            .count(),
        1,
        "{out}"
    );
    assert!(
        out.contains("items[1].image: the URL scheme \"javascript:\" is not allowed"),
        "{out}"
    );
    // With --base: against it, and no note.
    let (code, out) = iom_news(&["validate", "--base", "https://www.iom.int/news/", path]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("2 items usable, 0 skipped, 1 warnings"),
        "{out}"
    );
    assert!(!out.contains("note:"), "{out}");
    // A feed without relative URLs gets no note.
    let (code, out) = iom_news(&["validate", "www/feed.json"]);
    assert_eq!(code, 0, "{out}");
    assert!(!out.contains("note:"), "{out}");
    assert_eq!(iom_news(&["validate", "--base", "news/", path]).0, 2);
}

#[test]
fn reads_a_feed_with_a_byte_order_mark_as_the_widget_does() {
    // Editors on Windows save UTF-8 with a byte order mark; browsers drop it, so must we.
    let dir = std::env::temp_dir().join(format!("iom-news-cli-bom-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bom.json");
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend_from_slice(
        br#"{"version":"https://jsonfeed.org/version/1.1","title":"T","items":[{"id":"a","content_text":"x"}]}"#,
    );
    std::fs::write(&path, bytes).unwrap();
    let (code, out) = iom_news(&["validate", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(
        out.contains("1 items usable, 0 skipped, 0 warnings"),
        "{out}"
    );
    let (code, out) = iom_news(&["import", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn build_writes_pages_with_progress_for_long_runs() {
    let dir = std::env::temp_dir().join(format!("iom-news-cli-build-{}", std::process::id()));
    let dist = dir.join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    for file in [
        "iom-news.js",
        "iom-news-widget.js",
        "iom-news-widget_bg.wasm",
        "iom-news.css",
    ] {
        std::fs::write(dist.join(file), file).unwrap();
    }
    let (_, feed) = iom_news(&["synthetic", "1200"]);
    let path = dir.join("big.json");
    std::fs::write(&path, feed).unwrap();
    let out = dir.join("site");
    let args = |quiet: bool| {
        let mut a = vec![
            "build".to_string(),
            path.to_str().unwrap().to_string(),
            "--out".into(),
            out.to_str().unwrap().into(),
            "--dist".into(),
            dist.to_str().unwrap().into(),
            "--page-size".into(),
            "10".into(),
        ];
        if quiet {
            a.push("-q".into());
        }
        a
    };
    let loud: Vec<String> = args(false);
    let (code, said) = iom_news(&loud.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("page 120/120"), "{said}");
    assert!(
        said.contains("wrote 120 page file(s) of up to 10 releases: big.json"),
        "{said}"
    );
    assert!(out.join("big-120.json").is_file());
    assert!(out.join("fallback.html").is_file() && out.join("iom-news.css").is_file());
    let quiet: Vec<String> = args(true);
    let (code, said) = iom_news(&quiet.iter().map(String::as_str).collect::<Vec<_>>());
    assert_eq!((code, said.as_str()), (0, ""));
    // Without the widget's files it says what to do, and fails.
    let (code, said) = iom_news(&[
        "build",
        path.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "--dist",
        "/nonexistent",
    ]);
    assert_eq!(code, 1);
    assert!(said.contains("run `make dist`"), "{said}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn every_command_answers_help_and_rejects_unknown_options() {
    for command in ["import", "validate", "build", "synthetic"] {
        for help in ["--help", "-h"] {
            let (code, out) = iom_news(&[command, help]);
            assert_eq!(code, 0, "{command} {help}: {out}");
            assert!(
                out.starts_with(&format!("usage: iom-news {command}")),
                "{command} {help}: {out}"
            );
        }
        // --help anywhere before the files, and the files are not read.
        let (code, out) = iom_news(&[command, "www/feed.json", "--help"]);
        assert_eq!(code, 0, "{command}: {out}");
        assert!(!out.contains("items usable"), "{out}");
        let (code, out) = iom_news(&[command, "--strcit", "www/feed.json"]);
        assert_eq!(code, 2, "{command}: {out}");
        assert!(
            out.starts_with(&format!(
                "iom-news {command}: unknown option --strcit\nusage: iom-news {command}"
            )),
            "{command}: {out}"
        );
        assert!(!out.contains("cannot read"), "{out}");
    }
    let (code, out) = iom_news(&["--help"]);
    assert_eq!(code, 0, "{out}");
    for command in ["import", "validate", "build", "synthetic"] {
        assert!(out.contains(&format!("iom-news {command}")), "{out}");
    }
    let (code, out) = iom_news(&["help", "validate"]);
    assert_eq!(
        (code, out.starts_with("usage: iom-news validate")),
        (0, true),
        "{out}"
    );
    assert_eq!(iom_news(&["frob"]).0, 2);
    // A file whose name starts with a dash, after "--".
    let (code, out) = iom_news(&["validate", "--", "-missing.json"]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("-missing.json: cannot read"), "{out}");
}

#[test]
fn a_bad_base_is_explained_as_a_base() {
    for command in ["import", "validate"] {
        for (base, said) in [
            ("news/", "--base \"news/\" is not a whole address: relative links and images resolve against it"),
            ("ftp://x.org/", "--base \"ftp://x.org/\" is not a web address (ftp:)"),
            ("https://", "--base \"https://\": the URL \"https://\" has no host name"),
        ] {
            let (code, out) = iom_news(&[command, "--base", base, "www/feed.json"]);
            assert_eq!(code, 2, "{command} {base}: {out}");
            assert!(out.contains(said), "{command} {base}: {out}");
            assert!(!out.contains("feed_url"), "{command} {base}: {out}");
        }
    }
}
