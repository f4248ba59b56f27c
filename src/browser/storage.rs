//! The page's local storage, where the last good copy of a feed is kept.
//!
//! Implementation note: storage can be disabled (a `SecurityError` on reading
//! `localStorage`), full (a `QuotaExceededError` on writing) or gone; every call here survives
//! that and says so by its result, never by throwing.

/// The value stored under `key`, if storage works and holds one.
pub fn get(key: &str) -> Option<String> {
    let storage = web_sys::window()?.local_storage().ok()??;
    storage.get_item(key).ok()?
}

/// Stores `value` under `key`; `false` when storage is disabled or full.
pub fn put(key: &str, value: &str) -> bool {
    let Some(Ok(Some(storage))) = web_sys::window().map(|w| w.local_storage()) else {
        return false;
    };
    storage.set_item(key, value).is_ok()
}
