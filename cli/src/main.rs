//! `iom-news`: the authoring tool for iom-news feeds.
//!
//! ```text
//! iom-news import FILE... [--merge FEED] [--base URL] [-q]   releases and feeds to one feed
//! iom-news validate [--base URL] [--strict] FILE...   check feeds as the widget reads them
//! iom-news build FEED --out DIR [--page-size N] [--dist DIR] [-q]   pages, widget, fallback
//! iom-news synthetic COUNT    print a synthetic feed of COUNT sample releases
//! ```

mod build;
mod import;

use std::io::Write;
use std::process::ExitCode;

use iom_news_core::{source, synth, Feed};

/// A command: its name, its synopsis (the usage line) and what it does, with its options.
struct Command {
    name: &'static str,
    synopsis: &'static str,
    help: &'static str,
}

const IMPORT: Command = Command {
    name: "import",
    synopsis: "iom-news import FILE... [--merge FEED] [--base URL] [-q] [options]",
    help:
        "      RSS, Atom, JSON Feed, Markdown (YAML front matter), text or HTML releases, detected
      from their content, to one JSON Feed 1.1 on standard output, newest first, without
      duplicates. --merge FEED adds them to an existing feed; --base URL resolves relative
      links and images; -q leaves out the notes (warnings and errors stay).
      For the one release imported: --id ID --url URL --title TEXT --date 2026-03-04
        --dateline \"Ulaanbaatar, Mongolia\" --country NAME_OR_CODE (repeatable)
      For every release that does not say: --language TAG --region TEXT
        --release-type TEXT --tag TEXT (repeatable)
      For the feed: --feed-title TEXT
      Exit status: 0 written; 1 an input could not be read (nothing written) or a release
      could not be imported (written without it); 2 wrong arguments.",
};

const VALIDATE: Command = Command {
    name: "validate",
    synopsis: "iom-news validate [--base URL] [--strict] FILE...",
    help: "      Check feeds as the widget reads them: a wrong field is a warning (the release is shown
      without it), an item with nothing to show is skipped. Exit status 1 when an item is
      skipped or a file is no usable feed; with --strict, on any warning too; 2 wrong
      arguments. Relative URLs resolve against --base (else a placeholder for the address
      the file is served from, as the widget resolves them against that).",
};

const BUILD: Command = Command {
    name: "build",
    synopsis: "iom-news build FEED --out DIR [--page-size N] [--shown N] [--lang TAG]
                [--layout list|cards|compact] [--dist DIR] [-q]",
    help: "      What a static host serves: the feed split into files of --page-size releases (50)
      chained by next_url, the widget's files (from --dist, default dist/: run make dist),
      fallback.html (the first --shown releases, 10, as plain HTML made by the widget's own
      components: paste it inside <iom-news>) and an index.html that shows them. Progress on
      standard error for long runs; -q for none.",
};

const SYNTHETIC: Command = Command {
    name: "synthetic",
    synopsis: "iom-news synthetic COUNT",
    help: "      Print a feed of COUNT sample releases (made-up data, for trying the widget).",
};

const COMMANDS: [Command; 4] = [IMPORT, VALIDATE, BUILD, SYNTHETIC];

/// Every command's usage.
fn usage() -> String {
    let mut text = String::from("usage:\n");
    for command in &COMMANDS {
        text.push_str(&format!("  {}\n{}\n", command.synopsis, command.help));
    }
    text.push_str("  iom-news COMMAND --help    one command's usage\n  iom-news --version");
    text
}

/// A command's usage, for its --help.
fn help(command: &Command) -> ExitCode {
    println!("usage: {}\n{}", command.synopsis, command.help);
    ExitCode::SUCCESS
}

/// Wrong arguments to a command: what is wrong, its usage line, where to read more; status 2.
fn wrong(command: &Command, problem: &str) -> ExitCode {
    eprintln!(
        "iom-news {}: {problem}\nusage: {}\n(iom-news {} --help says more)",
        command.name, command.synopsis, command.name
    );
    ExitCode::from(2)
}

/// Whether the arguments ask for help (before a `--` that ends the options).
fn asks_for_help(args: &[String]) -> bool {
    args.iter()
        .take_while(|a| *a != "--")
        .any(|a| a == "--help" || a == "-h")
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(first) = args.first().map(String::as_str) else {
        eprintln!("{}", usage());
        return ExitCode::from(2);
    };
    let rest = &args[1..];
    if let Some(command) = COMMANDS.iter().find(|c| c.name == first) {
        if asks_for_help(rest) {
            return help(command);
        }
    }
    match first {
        "--help" | "-h" | "help" => match rest.first() {
            Some(name) => match COMMANDS.iter().find(|c| c.name == name) {
                Some(command) => help(command),
                None => fail(&format!(
                    "iom-news: no command {}\n{}",
                    import::Quoted(name),
                    usage()
                )),
            },
            None => {
                println!("{}", usage());
                ExitCode::SUCCESS
            }
        },
        "--version" | "-V" => {
            println!("iom-news {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        "import" => match import::parse_args(rest) {
            Ok(options) => run_import(&options),
            Err(e) => wrong(&IMPORT, &e),
        },
        "validate" => match validate_args(rest) {
            Ok((base, strict, paths)) => validate(&paths, base.as_deref(), strict),
            Err(e) => wrong(&VALIDATE, &e),
        },
        "build" => match build::parse_args(rest) {
            Ok(options) => match build::run(&options) {
                Ok(messages) => {
                    if !options.quiet {
                        for message in messages {
                            eprintln!("iom-news build: {message}");
                        }
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("iom-news build: {e}");
                    ExitCode::FAILURE
                }
            },
            Err(e) => wrong(&BUILD, &e),
        },
        "synthetic" => match rest {
            [count] if !count.starts_with('-') => match count.parse::<usize>() {
                Ok(count) => {
                    print!("{}", synth::feed_text(count));
                    ExitCode::SUCCESS
                }
                Err(_) => wrong(
                    &SYNTHETIC,
                    &format!(
                        "COUNT must be a whole number, not {}",
                        import::Quoted(count)
                    ),
                ),
            },
            [] => wrong(&SYNTHETIC, "COUNT is missing"),
            [option, ..] if option.starts_with('-') => {
                wrong(&SYNTHETIC, &format!("unknown option {option}"))
            }
            _ => wrong(&SYNTHETIC, "one COUNT only"),
        },
        other => fail(&format!(
            "iom-news: no command {}\n{}",
            import::Quoted(other),
            usage()
        )),
    }
}

fn run_import(options: &import::Options) -> ExitCode {
    let outcome = import::run(options);
    let mut stderr = std::io::stderr().lock();
    for message in &outcome.messages {
        let _ = writeln!(stderr, "{message}");
    }
    if let Some(feed) = &outcome.feed {
        let mut stdout = std::io::stdout().lock();
        if stdout
            .write_all(feed.as_bytes())
            .and_then(|()| stdout.flush())
            .is_err()
        {
            let _ = writeln!(stderr, "iom-news import: cannot write to standard output");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::from(outcome.status)
}

/// `validate`'s `--base URL`, `--strict` and files.
fn validate_args(args: &[String]) -> Result<(Option<String>, bool, Vec<String>), String> {
    let mut base = None;
    let mut strict = false;
    let mut paths = Vec::new();
    let mut args = args.iter();
    while let Some(arg) = args.next() {
        if let Some(value) = arg.strip_prefix("--base=") {
            base = Some(import::base_url(value)?);
        } else if arg == "--base" {
            let value = args.next().ok_or("--base needs a URL")?;
            base = Some(import::base_url(value)?);
        } else if arg == "--strict" {
            strict = true;
        } else if arg == "--" {
            paths.extend(args.by_ref().cloned());
        } else if arg.starts_with('-') && arg.len() > 1 {
            return Err(format!("unknown option {arg}"));
        } else {
            paths.push(arg.clone());
        }
    }
    if paths.is_empty() {
        return Err("validate needs at least one FILE".into());
    }
    Ok((base, strict, paths))
}

/// The address relative URLs of `path` resolve against when no `--base` is given: a
/// placeholder with the file's name, standing for wherever the file will be served from.
fn placeholder_base(path: &str) -> String {
    let name = std::path::Path::new(path)
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_default();
    let encoded: String = name
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                char::from(b).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect();
    format!("{}{encoded}", import::PLACEHOLDER_BASE)
}

fn validate(paths: &[String], base: Option<&str>, strict: bool) -> ExitCode {
    let mut ok = true;
    let mut said_placeholder = false;
    for path in paths {
        // The bytes are read as the widget reads them (core's source::decode): a byte order
        // mark is dropped, bad UTF-8 is replaced and reported.
        let text = match std::fs::read(path).map(source::decode) {
            Ok(decoded) => {
                if let Some(problem) = &decoded.problem {
                    println!(
                        "{path}: warning: {problem} (the widget shows replacement characters there)"
                    );
                    ok &= !strict;
                }
                decoded.text
            }
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                ok = false;
                continue;
            }
        };
        let placeholder = placeholder_base(path);
        match Feed::parse_with_base(&text, Some(base.unwrap_or(&placeholder))) {
            Ok(parsed) => {
                println!(
                    "{path}: {} items usable, {} skipped, {} warnings",
                    parsed.feed.items.len(),
                    parsed.skipped.len(),
                    parsed.warnings.len()
                );
                for warning in &parsed.warnings {
                    println!("{path}: warning: {warning}");
                }
                for skipped in &parsed.skipped {
                    println!("{path}: {skipped}");
                }
                if base.is_none()
                    && !said_placeholder
                    && mentions(&parsed.feed, import::PLACEHOLDER_BASE)
                {
                    println!(
                        "note: relative URLs were resolved against {}<file name>, standing for \
                         the address each file will be served from (the widget resolves them \
                         against that); give --base URL to check them against the real one",
                        import::PLACEHOLDER_BASE
                    );
                    said_placeholder = true;
                }
                ok &= parsed.skipped.is_empty() && (!strict || parsed.warnings.is_empty());
            }
            Err(e) => {
                println!("{path}: {e}");
                ok = false;
            }
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

/// Whether any URL of the feed starts with `prefix`.
fn mentions(feed: &Feed, prefix: &str) -> bool {
    let starts = |url: &Option<String>| url.as_deref().is_some_and(|u| u.starts_with(prefix));
    let authors = |authors: &[iom_news_core::feed::Author]| {
        authors.iter().any(|a| starts(&a.url) || starts(&a.avatar))
    };
    [
        &feed.home_page_url,
        &feed.feed_url,
        &feed.next_url,
        &feed.icon,
        &feed.favicon,
    ]
    .into_iter()
    .any(starts)
        || authors(&feed.authors)
        || feed.items.iter().any(|item| {
            [
                &item.url,
                &item.external_url,
                &item.image,
                &item.banner_image,
            ]
            .into_iter()
            .any(starts)
                || authors(&item.authors)
                || item.attachments.iter().any(|a| a.url.starts_with(prefix))
                || item
                    .iom
                    .translations
                    .iter()
                    .any(|(_, t)| t.starts_with(prefix))
        })
}

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}
