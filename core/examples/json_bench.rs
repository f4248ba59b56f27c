//! Times core's JSON reader alone on a generated feed, natively, beside serde_json's.
//!
//! `cargo run --release -p iom-news-core --example json_bench -- 10000`

use std::time::Instant;

use iom_news_core::{json, synth};

fn median(mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..7)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000);
    let text = synth::feed_text(count);
    let ours = median(|| drop(json::parse(&text).expect("synthetic feeds are JSON")));
    let serde = median(|| {
        drop(serde_json::from_str::<serde_json::Value>(&text).expect("synthetic feeds are JSON"))
    });
    println!(
        "read {count} items ({:.1} MB) into a tree: core::json median {ours:.1} ms, \
         serde_json {serde:.1} ms (7 runs each)",
        text.len() as f64 / 1e6
    );
}
