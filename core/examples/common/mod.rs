//! What the benchmark examples share: the item count argument and medians.

/// The first argument as a count of items, 10,000 when there is none.
pub fn count_arg() -> usize {
    std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(10_000)
}

/// The median of `times`.
pub fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

/// The milliseconds `f` takes, `runs` times.
#[allow(dead_code)] // not every example times a closure
pub fn times(runs: usize, mut f: impl FnMut()) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let start = std::time::Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect()
}
