//! Times core's JSON reader alone on a generated feed, natively, beside serde_json's.
//!
//! `cargo run --release -p iom-news-core --example json_bench -- 10000`

use iom_news_core::{json, synth};

#[path = "common/mod.rs"]
mod common;
use common::{count_arg, median, times};

fn main() {
    let count = count_arg();
    let text = synth::feed_text(count);
    let ours = median(times(7, || {
        drop(json::parse(&text).expect("synthetic feeds are JSON"))
    }));
    let serde = median(times(7, || {
        drop(serde_json::from_str::<serde_json::Value>(&text).expect("synthetic feeds are JSON"))
    }));
    println!(
        "read {count} items ({:.1} MB) into a tree: core::json median {ours:.1} ms, \
         serde_json {serde:.1} ms (7 runs each)",
        text.len() as f64 / 1e6
    );
}
