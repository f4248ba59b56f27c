//! `iom-news`: the authoring tool for iom-news feeds.
//!
//! ```text
//! iom-news validate FILE...   check feeds; report every problem; exit 1 on any
//! iom-news synthetic COUNT    print a synthetic feed of COUNT sample releases
//! ```

use std::process::ExitCode;

use iom_news_core::{json, synth, Feed};

const USAGE: &str = "usage:\n  iom-news validate FILE...\n  iom-news synthetic COUNT";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("validate") if args.len() > 1 => validate(&args[1..]),
        Some("synthetic") if args.len() == 2 => match args[1].parse::<usize>() {
            Ok(count) => {
                print!("{}", synth::feed_text(count));
                ExitCode::SUCCESS
            }
            Err(_) => fail(&format!("COUNT must be a whole number, not {:?}", args[1])),
        },
        _ => fail(USAGE),
    }
}

fn validate(paths: &[String]) -> ExitCode {
    let mut ok = true;
    for path in paths {
        let text = match std::fs::read(path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            Ok(Err(e)) => {
                let problem = json::utf8_problem(e.as_bytes()).unwrap_or_default();
                eprintln!("{path}: {problem} (the widget would show replacement characters there)");
                ok = false;
                continue;
            }
            Err(e) => {
                eprintln!("{path}: cannot read: {e}");
                ok = false;
                continue;
            }
        };
        match Feed::parse(&text) {
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
                ok &= parsed.is_clean();
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

fn fail(message: &str) -> ExitCode {
    eprintln!("{message}");
    ExitCode::from(2)
}
