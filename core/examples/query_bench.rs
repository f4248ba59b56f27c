//! Times one search keystroke natively: a search session over a generated feed, from scratch
//! and narrowing the previous keystroke (as the widget does while the reader types).
//!
//! `cargo run --release -p iom-news-core --example query_bench -- 10000`

use std::time::Instant;

use iom_news_core::query::{Filter, Query, Search};
use iom_news_core::{synth, Feed, Release};

#[path = "common/mod.rs"]
mod common;
use common::{count_arg, median};

fn main() {
    let count = count_arg();
    let feed = Feed::parse(&synth::feed_text(count))
        .expect("synthetic feeds parse")
        .feed;
    let items: Vec<&Release> = feed.items.iter().collect();
    let start = Instant::now();
    let search = Search::new(&items);
    search.prepare(&items, 0, items.len());
    let index_ms = start.elapsed().as_secs_f64() * 1000.0;
    let query = |text: &str| Query {
        text: text.into(),
        ..Query::default()
    };
    let none = Filter::default();
    let (mut cold, mut narrowed) = (Vec::new(), Vec::new());
    let mut session = search;
    for _ in 0..9 {
        // A query that narrows nothing before it: searched from scratch.
        let _ = session.run(&items, &query("zzz"), &none);
        let t = Instant::now();
        let _ = session.run(&items, &query("fille"), &none);
        cold.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let results = session.run(&items, &query("filler sample"), &none);
        narrowed.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(!results.matches.is_empty());
    }
    let t = Instant::now();
    let _ = session.run(&items, &query(""), &none);
    let no_words = t.elapsed().as_secs_f64() * 1000.0;
    println!("{count} items: no search words (filters, facets, sort only): {no_words:.1} ms");
    println!(
        "{count} items: index {index_ms:.0} ms once; keystroke from scratch median {:.1} ms, \
         narrowing the previous keystroke median {:.1} ms (9 runs)",
        median(cold),
        median(narrowed)
    );
}
