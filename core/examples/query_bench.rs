//! Times one search keystroke natively: the query engine over a generated feed, from
//! scratch and narrowing the previous keystroke's base, with the feed's facet index made once
//! and the previous keystroke's words not looked for again (as the widget does while typing).
//!
//! `cargo run --release -p iom-news-core --example query_bench -- 10000`

use std::time::Instant;

use iom_news_core::query::{run_with, FacetIndex, Filter, Indexed, Query};
use iom_news_core::{synth, Feed, Release};

#[path = "common/mod.rs"]
mod common;
use common::{count_arg, median};

fn main() {
    let count = count_arg();
    let feed = Feed::parse(&synth::feed_text(count))
        .expect("synthetic feeds parse")
        .feed;
    let start = Instant::now();
    let indexed: Vec<Indexed> = feed.items.iter().map(Indexed::of).collect();
    for (release, index) in feed.items.iter().zip(&indexed) {
        index.text(release);
    }
    let items: Vec<(&Release, &Indexed)> = feed.items.iter().zip(&indexed).collect();
    let facets = FacetIndex::of(&items);
    let index_ms = start.elapsed().as_secs_f64() * 1000.0;
    let query = |text: &str| Query {
        text: text.into(),
        ..Query::default()
    };
    let none = Filter::default();
    let (mut cold, mut narrowed) = (Vec::new(), Vec::new());
    for _ in 0..9 {
        let t = Instant::now();
        let previous = run_with(&items, &facets, &query("fille"), &none, None, &[]);
        cold.push(t.elapsed().as_secs_f64() * 1000.0);
        let t = Instant::now();
        let results = run_with(
            &items,
            &facets,
            &query("filler sample"),
            &none,
            Some(&previous.base),
            &query("fille").words(),
        );
        narrowed.push(t.elapsed().as_secs_f64() * 1000.0);
        assert!(!results.matches.is_empty());
    }
    let t = Instant::now();
    let _ = run_with(&items, &facets, &query(""), &none, None, &[]);
    let no_words = t.elapsed().as_secs_f64() * 1000.0;
    println!("{count} items: no search words (filters, facets, sort only): {no_words:.1} ms");
    println!(
        "{count} items: index {index_ms:.0} ms once; keystroke from scratch median {:.1} ms, \
         narrowing the previous keystroke median {:.1} ms (9 runs)",
        median(cold),
        median(narrowed)
    );
}
