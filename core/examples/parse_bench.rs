//! Times `Feed::parse` on a generated feed, natively.
//!
//! `cargo run --release -p iom-news-core --example parse_bench -- 10000`

use iom_news_core::{synth, Feed};

#[path = "common/mod.rs"]
mod common;
use common::{count_arg, median, times};

fn main() {
    let count = count_arg();
    let text = synth::feed_text(count);
    let mut times = times(7, || {
        let parsed = Feed::parse(&text).expect("synthetic feeds parse");
        assert_eq!(parsed.feed.items.len(), count);
    });
    let middle = median(times.clone());
    times.sort_by(f64::total_cmp);
    println!(
        "parse {count} items ({:.1} MB): median {:.1} ms, min {:.1} ms, max {:.1} ms (7 runs)",
        text.len() as f64 / 1e6,
        middle,
        times[0],
        times[times.len() - 1]
    );
}
