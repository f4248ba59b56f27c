//! Times `Feed::parse` on a generated feed, natively.
//!
//! `cargo run --release -p iom-news-core --example parse_bench -- 10000`

use std::time::Instant;

use iom_news_core::{synth, Feed};

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let text = synth::feed_text(count);
    let mut times = Vec::new();
    for _ in 0..7 {
        let start = Instant::now();
        let parsed = Feed::parse(&text).expect("synthetic feeds parse");
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(parsed.feed.items.len(), count);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "parse {count} items ({:.1} MB): median {:.1} ms, min {:.1} ms, max {:.1} ms (7 runs)",
        text.len() as f64 / 1e6,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}
