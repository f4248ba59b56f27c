//! `iom-news build FEED --out DIR`: what a static host serves. The feed split into pages chained
//! by `next_url`, the widget's files beside them, a `fallback.html` fragment (the first page as
//! plain, semantic HTML, rendered by the widget's own components) and an `index.html` that
//! shows them.

use std::io::Write;
use std::path::{Path, PathBuf};

use iom_news::prerender::{self, Fallback};
use iom_news_core::embed::Layout;
use iom_news_core::i18n::Lang;
use iom_news_core::query::{Filter, Query, Search};
use iom_news_core::{source, Feed, Release};

use crate::import::json::{Json, Object};

/// The widget's files a page needs, copied from the built `dist/`.
const WIDGET_FILES: [&str; 4] = [
    "iom-news.js",
    "iom-news-widget.js",
    "iom-news-widget_bg.wasm",
    "iom-news.css",
];

/// What `build` was asked.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// The feed file.
    pub feed: String,
    /// The folder to write.
    pub out: PathBuf,
    /// The widget's built files (`make dist`).
    pub dist: PathBuf,
    /// Releases per page file.
    pub page_size: usize,
    /// The fallback's language (else the feed's, else English).
    pub lang: Option<Lang>,
    /// The fallback's layout.
    pub layout: Layout,
    /// How many releases the fallback lists.
    pub shown: usize,
    /// No progress on standard error.
    pub quiet: bool,
}

/// Reads `build`'s arguments.
pub fn parse_args(args: &[String]) -> Result<Options, String> {
    let mut options = Options {
        feed: String::new(),
        out: PathBuf::new(),
        dist: PathBuf::from("dist"),
        page_size: 50,
        lang: None,
        layout: Layout::List,
        shown: 10,
        quiet: false,
    };
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        let mut value = |name: &str| {
            args.next()
                .cloned()
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match arg.as_str() {
            "--out" => options.out = PathBuf::from(value("--out")?),
            "--dist" => options.dist = PathBuf::from(value("--dist")?),
            "--page-size" => {
                options.page_size = value("--page-size")?
                    .parse()
                    .ok()
                    .filter(|n| (1..=10_000).contains(n))
                    .ok_or("--page-size must be a whole number from 1 to 10000")?
            }
            "--shown" => {
                options.shown = value("--shown")?
                    .parse()
                    .ok()
                    .filter(|n| (1..=100).contains(n))
                    .ok_or("--shown must be a whole number from 1 to 100")?
            }
            "--lang" => {
                let tag = value("--lang")?;
                options.lang = Some(Lang::from_tag(&tag).ok_or_else(|| {
                    format!("--lang {tag}: the widget speaks ar, en, es, fr, ru and zh")
                })?)
            }
            "--layout" => {
                options.layout = Layout::parse(&value("--layout")?).map_err(|(_, e)| e)?
            }
            "-q" | "--quiet" => options.quiet = true,
            other if other.starts_with('-') => return Err(format!("unknown option {other}")),
            other if options.feed.is_empty() => options.feed = other.to_string(),
            other => return Err(format!("one FEED only, not also {other}")),
        }
    }
    if options.feed.is_empty() || options.out.as_os_str().is_empty() {
        return Err("build needs FEED and --out DIR".into());
    }
    Ok(options)
}

/// Builds the folder; the messages say what was done or what went wrong.
pub fn run(options: &Options) -> Result<Vec<String>, String> {
    let bytes =
        std::fs::read(&options.feed).map_err(|e| format!("{}: cannot read: {e}", options.feed))?;
    let decoded = source::decode(bytes);
    if let Some(problem) = &decoded.problem {
        return Err(format!("{}: {problem}", options.feed));
    }
    // The feed must be one the widget can show; its problems are validate's to list.
    let parsed = Feed::parse_with_base(&decoded.text, Some("https://relative.invalid/"))
        .map_err(|e| format!("{}: {e}", options.feed))?;
    let mut messages = Vec::new();
    if !parsed.is_clean() {
        messages.push(format!(
            "{}: {} warnings and {} skipped items (see `iom-news validate {}`); building anyway",
            options.feed,
            parsed.warnings.len(),
            parsed.skipped.len(),
            options.feed
        ));
    }
    let document: Json = serde_json::from_str(&decoded.text)
        .map_err(|e| format!("{}: not JSON: {e}", options.feed))?;
    let Json::Object(root) = document else {
        return Err(format!("{}: not a JSON Feed object", options.feed));
    };
    for file in WIDGET_FILES {
        if !options.dist.join(file).is_file() {
            return Err(format!(
                "{}: no {file}; run `make dist` (or `make release` for a release folder) first, or give --dist with the widget's built files",
                options.dist.display()
            ));
        }
    }
    std::fs::create_dir_all(&options.out)
        .map_err(|e| format!("{}: cannot create: {e}", options.out.display()))?;

    let stem = Path::new(&options.feed)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .unwrap_or("news")
        .to_string();
    let pages = paginate(&root, &stem, options.page_size);
    let total = pages.len();
    let mut progress = Progress::new(options.quiet, total);
    for (i, (name, page)) in pages.iter().enumerate() {
        write(
            &options.out.join(name),
            &Json::Object(page.clone()).to_pretty(),
        )?;
        progress.step(i + 1);
    }
    progress.done();
    messages.push(format!(
        "wrote {total} page file(s) of up to {} releases: {}",
        options.page_size,
        pages.first().map(|(n, _)| n.as_str()).unwrap_or_default()
    ));

    for file in WIDGET_FILES {
        std::fs::copy(options.dist.join(file), options.out.join(file))
            .map_err(|e| format!("cannot copy {file}: {e}"))?;
    }
    messages.push(format!(
        "copied the widget's files from {}",
        options.dist.display()
    ));

    let lang = options
        .lang
        .or_else(|| parsed.feed.language.as_deref().and_then(Lang::from_tag))
        .unwrap_or_default();
    let first = &pages[0].0;
    let fallback = fallback_html(&parsed.feed, lang, options)?;
    write(&options.out.join("fallback.html"), &fallback)?;
    write(
        &options.out.join("index.html"),
        &index_html(&parsed.feed, lang, first, &fallback, options.layout),
    )?;
    messages.push(format!(
        "wrote fallback.html ({} releases, {}) and index.html",
        parsed.feed.items.len().min(options.shown),
        lang.tag()
    ));
    Ok(messages)
}

/// The feed's items in pages of `size`: each page has the feed's other fields, its items, and
/// a `next_url` naming the next file (relative, so the folder works wherever it is served).
fn paginate(root: &Object, stem: &str, size: usize) -> Vec<(String, Object)> {
    let items = match root.get("items") {
        Some(Json::Array(items)) => items.clone(),
        _ => Vec::new(),
    };
    let chunks: Vec<&[Json]> = if items.is_empty() {
        vec![&[][..]]
    } else {
        items.chunks(size).collect()
    };
    let name = |i: usize| {
        if i == 0 {
            format!("{stem}.json")
        } else {
            format!("{stem}-{}.json", i + 1)
        }
    };
    let count = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let mut page = root.clone();
            // Its own address is where the folder is served: a feed_url would point elsewhere.
            page.remove("feed_url");
            page.remove("next_url");
            page.set("items", Json::Array(chunk.to_vec()));
            if i + 1 < count {
                page.set("next_url", Json::String(name(i + 1)));
            }
            (name(i), page)
        })
        .collect()
}

/// The first releases as HTML, through the widget's components.
fn fallback_html(feed: &Feed, lang: Lang, options: &Options) -> Result<String, String> {
    // The widget's first page: newest first, each release once in the reader's language.
    let all: Vec<&Release> = feed.items.iter().collect();
    let mut search = Search::new(&all);
    search.prefer(lang.tag());
    let first = search
        .run(&all, &Query::default(), &Filter::default())
        .matches;
    let releases: Vec<(Release, Option<String>)> = first
        .iter()
        .map(|&i| &feed.items[i])
        .take(options.shown)
        .map(|r| {
            let date = r
                .date_published
                .as_deref()
                .and_then(|d| human_date(d, lang));
            (r.clone(), date)
        })
        .collect();
    let fallback = Fallback {
        title: feed.title.clone(),
        releases,
        lang,
        layout: options.layout,
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("the fallback could not be rendered: {e}"))?;
    Ok(runtime.block_on(prerender::render(fallback)))
}

/// A date as a reader reads it, in the fallback's language ("15 September 2026",
/// "15 septembre 2026", "2026年9月15日"); the widget says it with the browser's `Intl` once it runs.
fn human_date(rfc3339: &str, lang: Lang) -> Option<String> {
    let (year, rest) = rfc3339.split_once('-')?;
    let month: usize = rest.get(..2)?.parse().ok()?;
    let day: u32 = rest.get(3..5)?.parse().ok()?;
    let name = |names: [&'static str; 12]| names.get(month.checked_sub(1)?).copied();
    Some(match lang {
        Lang::En => format!(
            "{} {day}, {year}",
            name([
                "January",
                "February",
                "March",
                "April",
                "May",
                "June",
                "July",
                "August",
                "September",
                "October",
                "November",
                "December"
            ])?
        ),
        Lang::Fr => format!(
            "{day} {} {year}",
            name([
                "janvier",
                "février",
                "mars",
                "avril",
                "mai",
                "juin",
                "juillet",
                "août",
                "septembre",
                "octobre",
                "novembre",
                "décembre"
            ])?
        ),
        Lang::Es => format!(
            "{day} de {} de {year}",
            name([
                "enero",
                "febrero",
                "marzo",
                "abril",
                "mayo",
                "junio",
                "julio",
                "agosto",
                "septiembre",
                "octubre",
                "noviembre",
                "diciembre"
            ])?
        ),
        Lang::Ru => format!(
            "{day} {} {year} г.",
            name([
                "января",
                "февраля",
                "марта",
                "апреля",
                "мая",
                "июня",
                "июля",
                "августа",
                "сентября",
                "октября",
                "ноября",
                "декабря"
            ])?
        ),
        Lang::Ar => format!(
            "{day} {} {year}",
            name([
                "يناير",
                "فبراير",
                "مارس",
                "أبريل",
                "مايو",
                "يونيو",
                "يوليو",
                "أغسطس",
                "سبتمبر",
                "أكتوبر",
                "نوفمبر",
                "ديسمبر"
            ])?
        ),
        Lang::Zh => format!("{year}年{month}月{day}日"),
    })
}

/// A page that shows the feed: the loader in the head (no layout shift), the widget, and the
/// fallback inside it (what crawlers, readers without JavaScript and everyone before the widget
/// mounts see).
fn index_html(feed: &Feed, lang: Lang, first: &str, fallback: &str, layout: Layout) -> String {
    let title = feed.title.as_deref().unwrap_or("IOM News");
    let layout = match layout {
        Layout::List => "",
        Layout::Cards => " layout=\"cards\"",
        Layout::Compact => " layout=\"compact\"",
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\" dir=\"{dir}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<link rel=\"icon\" href=\"data:,\">\n<script src=\"iom-news.js\"></script>\n</head>\n<body>\n\
         <main>\n<iom-news feed=\"{first}\"{layout}>\n{fallback}\n</iom-news>\n</main>\n</body>\n</html>\n",
        lang = lang.tag(),
        dir = lang.dir(),
        title = escape(title),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: cannot write: {e}", path.display()))
}

/// A counter on standard error for long runs: "page 12/400", rewritten in place.
struct Progress {
    quiet: bool,
    total: usize,
    shown: bool,
}

impl Progress {
    fn new(quiet: bool, total: usize) -> Progress {
        Progress {
            // A few pages are written before anyone could read a counter.
            quiet: quiet || total < 20,
            total,
            shown: false,
        }
    }

    fn step(&mut self, done: usize) {
        if self.quiet || (!done.is_multiple_of(10) && done != self.total) {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\riom-news build: page {done}/{}", self.total);
        let _ = err.flush();
        self.shown = true;
    }

    fn done(&self) {
        if self.shown {
            eprintln!();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_a_feed_into_pages_chained_by_next_url() {
        let root: Json = serde_json::from_str(
            r#"{"version":"https://jsonfeed.org/version/1.1","title":"T","feed_url":"https://x/f.json",
                "items":[{"id":"1"},{"id":"2"},{"id":"3"},{"id":"4"},{"id":"5"}],"_x":{"kept":true}}"#,
        )
        .unwrap();
        let Json::Object(root) = root else { panic!() };
        let pages = paginate(&root, "news", 2);
        let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["news.json", "news-2.json", "news-3.json"]);
        assert_eq!(pages[0].1.str("next_url"), Some("news-2.json"));
        assert_eq!(pages[1].1.str("next_url"), Some("news-3.json"));
        assert_eq!(pages[2].1.get("next_url"), None);
        assert!(pages
            .iter()
            .all(|(_, p)| p.get("feed_url").is_none() && p.get("_x").is_some()));
        let Some(Json::Array(last)) = pages[2].1.get("items") else {
            panic!()
        };
        assert_eq!(last.len(), 1);
    }

    #[test]
    fn says_dates_as_readers_read_them() {
        let date = "2026-09-15T10:00:00Z";
        assert_eq!(
            human_date(date, Lang::En).as_deref(),
            Some("September 15, 2026")
        );
        assert_eq!(
            human_date(date, Lang::Fr).as_deref(),
            Some("15 septembre 2026")
        );
        assert_eq!(human_date(date, Lang::Zh).as_deref(), Some("2026年9月15日"));
        assert_eq!(human_date("2026-13-01T00:00:00Z", Lang::En), None);
    }
}
