//! The reader's clock.

/// Now, as an RFC 3339 timestamp in UTC (`2026-12-02T14:00:00.000Z`).
pub fn now() -> String {
    js_sys::Date::new_0().to_iso_string().into()
}

/// How many days ago `timestamp` (RFC 3339) was; NaN when it cannot be read.
pub fn days_since(timestamp: &str) -> f64 {
    (js_sys::Date::now() - js_sys::Date::parse(timestamp)) / 86_400_000.0
}
