//! `iom-news import FILE...`: RSS, Atom, JSON Feed, Markdown, text and HTML releases to one
//! JSON Feed 1.1 document with IOM's `_iom` extension, written to standard output.
//!
//! Implementation note: nothing is written until every input has been read; an input that
//! cannot be read (missing, not a format this reads, not well-formed) fails the run with exit
//! status 1 and no output. A problem inside an input is reported with its file and line (or
//! item number): a bad value is dropped and its release kept; a release that cannot be shown
//! at all is left out and the run exits with status 1 after writing the others.

mod countries;
mod country_names;
mod dates;
mod input;
mod item;
pub mod json;
mod json_feed;
mod markdown;
mod output;
mod page;
mod release;
mod report;
mod sanitize;
mod xml_feed;

use input::Format;
use item::Item;
use json::Json;
use report::{Level, Origin, Report};

pub use item::PLACEHOLDER_BASE;
pub use report::Quoted;

/// Fields that describe one release, given on the command line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReleaseFlags {
    /// `--id`.
    pub id: Option<String>,
    /// `--url`.
    pub url: Option<String>,
    /// `--title`.
    pub title: Option<String>,
    /// `--date`.
    pub date: Option<String>,
    /// `--dateline`.
    pub dateline: Option<String>,
    /// `--country`, repeated.
    pub countries: Vec<String>,
}

impl ReleaseFlags {
    fn first_given(&self) -> Option<&'static str> {
        [
            ("--id", self.id.is_some()),
            ("--url", self.url.is_some()),
            ("--title", self.title.is_some()),
            ("--date", self.date.is_some()),
            ("--dateline", self.dateline.is_some()),
            ("--country", !self.countries.is_empty()),
        ]
        .into_iter()
        .find(|(_, given)| *given)
        .map(|(name, _)| name)
    }
}

/// Values for every imported release that does not give its own.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Defaults {
    /// `--language`.
    pub language: Option<String>,
    /// `--region`.
    pub region: Option<String>,
    /// `--release-type`.
    pub release_type: Option<String>,
    /// `--tag`, repeated.
    pub tags: Vec<String>,
}

/// What `import` was asked to do.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The inputs, in order.
    pub files: Vec<String>,
    /// `--merge FEED`.
    pub merge: Option<String>,
    /// `--base URL`.
    pub base: Option<String>,
    /// `-q`.
    pub quiet: bool,
    /// `--feed-title`.
    pub feed_title: Option<String>,
    /// Fields of the one release imported.
    pub release: ReleaseFlags,
    /// Values for releases that lack them.
    pub defaults: Defaults,
}

/// Reads `import`'s arguments. `Err` says what is wrong with them.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if arg == "--" {
            options.files.extend(args.by_ref().cloned());
            break;
        }
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => (name, Some(value.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next().cloned())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match name {
            "-q" | "--quiet" => options.quiet = true,
            "--merge" => options.merge = Some(value()?),
            "--base" => options.base = Some(base_url(&value()?)?),
            "--feed-title" => options.feed_title = Some(value()?),
            "--id" => options.release.id = Some(value()?),
            "--url" => options.release.url = Some(value()?),
            "--title" => options.release.title = Some(value()?),
            "--date" => {
                let written = value()?;
                let date = dates::from_person(&written).ok_or_else(|| {
                    format!(
                        "--date {} is not a date; write 2009-08-04 or \
                         2009-08-04T10:00:00+08:00",
                        Quoted(&written)
                    )
                })?;
                options.release.date = Some(date);
            }
            "--dateline" => options.release.dateline = Some(value()?),
            "--country" => options.release.countries.push(value()?),
            "--language" => options.defaults.language = Some(value()?),
            "--region" => options.defaults.region = Some(value()?),
            "--release-type" => options.defaults.release_type = Some(value()?),
            "--tag" => options.defaults.tags.push(value()?),
            flag if flag.starts_with('-') && flag.len() > 1 => {
                return Err(format!("unknown option {flag}"))
            }
            file => options.files.push(file.to_string()),
        }
    }
    if options.files.is_empty() {
        return Err("import needs at least one FILE".into());
    }
    Ok(options)
}

/// Checks a `--base` value: an absolute http(s) URL. The error says what is wrong in the
/// terms of `--base`: the address the feed's relative links point from.
pub fn base_url(value: &str) -> Result<String, String> {
    const EXAMPLE: &str = "such as https://www.iom.int/news/";
    let value = value.trim();
    if value.is_empty() {
        return Err(format!(
            "--base needs the address relative links point from, {EXAMPLE}"
        ));
    }
    let scheme = value.split_once(':').map(|(s, _)| s).filter(|s| {
        s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    });
    match scheme {
        None => Err(format!(
            "--base {} is not a whole address: relative links and images resolve against it, so \
             it must start with https:// or http:// and name the site, {EXAMPLE}",
            Quoted(value)
        )),
        Some(s) if !s.eq_ignore_ascii_case("https") && !s.eq_ignore_ascii_case("http") => {
            Err(format!(
                "--base {} is not a web address ({s}:): the widget's links and images are, so \
                 the base must be an https: or http: address, {EXAMPLE}",
                Quoted(value)
            ))
        }
        Some(_) => iom_news_core::url::check(value, None, iom_news_core::url::Target::Web)
            .map_err(|e| format!("--base {}: {e}", Quoted(value))),
    }
}

/// What a run produced: the feed (when one is written), the messages, and the exit status.
#[derive(Debug)]
pub struct Outcome {
    /// The feed document, when one is written.
    pub feed: Option<String>,
    /// Messages for standard error, in order.
    pub messages: Vec<String>,
    /// 0: written with every input item; 1: an input could not be read (nothing written) or
    /// an item could not be imported (written without it); 2: the arguments are wrong.
    pub status: u8,
}

/// Runs `import`.
pub fn run(options: &Options) -> Outcome {
    let mut report = Report::new(options.quiet);
    let mut items: Vec<Item> = Vec::new();
    let mut infos = Vec::new();
    let mut unreadable = false;
    for path in &options.files {
        match read_one(path, options.release.title.as_deref(), &mut report) {
            Ok((info, mut found)) => {
                if found.is_empty() {
                    report.warning(&Origin::file(path), "no items in it");
                }
                infos.extend(info);
                items.append(&mut found);
            }
            Err(e) => {
                report.error(&Origin::file(path), e);
                unreadable = true;
            }
        }
    }
    let merge = match &options.merge {
        Some(path) => match read_merge(path) {
            Ok(merge) => Some(merge),
            Err(e) => {
                report.error(&Origin::file(path), e);
                unreadable = true;
                None
            }
        },
        None => None,
    };
    if unreadable {
        report.messages.push((
            Level::Error,
            "iom-news import: nothing written, as an input could not be read".into(),
        ));
        return finish(None, report, 1);
    }
    if let Some(flag) = options.release.first_given() {
        if items.len() != 1 {
            report.messages.push((
                Level::Error,
                format!(
                    "iom-news import: {flag} describes one release, but the inputs give {}; \
                     import that release on its own (with --merge to add it to a feed), or \
                     write the field in its file",
                    items.len()
                ),
            ));
            return finish(None, report, 2);
        }
    }

    let mut kept = Vec::new();
    let mut left_out = 0;
    for mut item in items {
        prepare(&mut item, options, &mut report);
        if item.check(&mut report) {
            kept.push(item);
        } else {
            left_out += 1;
        }
    }
    let count = kept.len();
    let feed = output::assemble(
        output::Parts {
            merge,
            items: kept,
            infos,
            title: options.feed_title.as_deref(),
            language: options.defaults.language.as_deref(),
            base: options.base.as_deref(),
        },
        &mut report,
    );
    let written = match &feed {
        Json::Object(root) => match root.get("items") {
            Some(Json::Array(items)) => items.len(),
            _ => 0,
        },
        _ => 0,
    };
    report.note(
        &Origin::file("iom-news import"),
        format!(
            "{written} item{} written ({count} imported from {} file{}{})",
            if written == 1 { "" } else { "s" },
            options.files.len(),
            if options.files.len() == 1 { "" } else { "s" },
            options
                .merge
                .as_ref()
                .map_or(String::new(), |m| format!(", merged into {m}"))
        ),
    );
    let status = if report.errors() > 0 || left_out > 0 {
        1
    } else {
        0
    };
    finish(Some(feed.to_pretty()), report, status)
}

fn finish(feed: Option<String>, report: Report, status: u8) -> Outcome {
    Outcome {
        feed,
        messages: report.messages.into_iter().map(|(_, m)| m).collect(),
        status,
    }
}

/// Reads one input file into items.
fn read_one(
    path: &str,
    title: Option<&str>,
    report: &mut Report,
) -> Result<(Option<xml_feed::FeedInfo>, Vec<Item>), String> {
    let input = input::read(path, report)?;
    let origin = Origin::file(path);
    report.note(&origin, format!("read as {}", input.format.name()));
    match input.format {
        Format::XmlFeed => {
            let (info, items) = xml_feed::read(&input.bytes, &input.text, path, report)?;
            Ok((Some(info), items))
        }
        Format::JsonFeed => {
            let value: Json = serde_json::from_str(&input.text).map_err(|e| {
                format!(
                    "not valid JSON at line {}, column {}: {e}",
                    e.line(),
                    e.column()
                )
            })?;
            let (info, items) = json_feed::read(&value, path, report)?;
            Ok((Some(info), items))
        }
        Format::Markdown => Ok((None, vec![markdown::read(&input.text, path, report)?])),
        Format::Html => Ok((
            None,
            vec![page::from_page(&input.text, &origin, title, report)],
        )),
        Format::Text => Ok((
            None,
            vec![release::from_text(&input.text, &origin, title, report)],
        )),
    }
}

/// Reads the `--merge` feed: any JSON Feed, kept whole.
fn read_merge(path: &str) -> Result<output::MergeFeed, String> {
    let bytes =
        std::fs::read(path).map_err(|e| format!("cannot read the feed to merge into: {e}"))?;
    let text = match iom_news_core::source::decode(bytes) {
        iom_news_core::source::Decoded {
            problem: Some(problem),
            ..
        } => return Err(format!("the feed to merge into is {problem}")),
        decoded => decoded.text,
    };
    let value: Json = serde_json::from_str(&text).map_err(|e| {
        format!(
            "the feed to merge into is not valid JSON at line {}, column {}: {e}",
            e.line(),
            e.column()
        )
    })?;
    let Json::Object(root) = value else {
        return Err("the feed to merge into is not a JSON Feed object".into());
    };
    if !json_feed::VERSIONS.contains(&root.str("version").unwrap_or_default()) {
        return Err(
            "the feed to merge into is not a JSON Feed (its \"version\" is missing or unknown)"
                .into(),
        );
    }
    if !matches!(root.get("items"), Some(Json::Array(_))) {
        return Err("the feed to merge into has no \"items\" list".into());
    }
    Ok(output::MergeFeed {
        path: path.to_string(),
        root,
    })
}

/// Sanitizes an item's body, applies the command line's fields, and lifts the IOM fields its
/// body carries.
fn prepare(item: &mut Item, options: &Options, report: &mut Report) {
    if let Some(base) = &options.base {
        item.base = Some(base.clone());
    }
    let flags = &options.release;
    if let Some(title) = &flags.title {
        item.title = Some(title.clone());
    }
    let at = item.at();
    if let Some(html) = item.content_html.take() {
        let clean = sanitize::sanitize(&html, item.base.as_deref());
        if !clean.removed.is_empty() {
            report.note(
                &at,
                format!(
                    "removed from the body with their content: {}",
                    clean.removed.join(", ")
                ),
            );
        }
        for dropped in &clean.dropped {
            report.warning(&at, format!("a URL in the body was removed: {dropped}"));
        }
        item.content_html = Some(clean.html);
    }
    if let Some(written) = &flags.dateline {
        match release::dateline(&format!("{written} –")) {
            Some(found) => {
                item.iom.dateline = Some(found.place);
                item.iom.countries.extend(found.countries);
            }
            None => item.iom.dateline = Some(written.clone()),
        }
    }
    item.iom.countries.extend(flags.countries.iter().cloned());
    release::lift_fields(item, report);
    if let Some(id) = &flags.id {
        item.id = Some(id.clone());
    }
    if let Some(url) = &flags.url {
        item.url = Some(url.clone());
    }
    if let Some(date) = &flags.date {
        item.date_published = Some(date.clone());
    }
    let defaults = &options.defaults;
    if item.language.is_none() {
        item.language = defaults.language.clone();
    }
    if item.iom.region.is_none() {
        item.iom.region = defaults.region.clone();
    }
    if item.iom.release_type.is_none() {
        item.iom.release_type = defaults.release_type.clone();
    }
    if item.tags.is_empty() {
        item.tags = defaults.tags.clone();
    }
    if item.id.is_none() {
        if let Some(url) = &item.url {
            item.id = Some(url.clone());
        } else if let Some(title) = &item.title {
            let id = release::slug(title);
            if !id.is_empty() {
                report.note(
                    &item.at(),
                    format!(
                        "id {} made from the title (give --id to choose another)",
                        Quoted(&id)
                    ),
                );
                item.id = Some(id);
            }
        }
    }
}
