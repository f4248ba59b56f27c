//! The widget's deep link inside the page's URL fragment.
//!
//! Implementation note: the fragment belongs to the host page. The widget keeps one
//! `key=value` pair in it (`&`-separated, like a query string) and leaves every other part as
//! it found it, so a host that uses the fragment for itself keeps working. The search and
//! filters, when there are any, live beside it under `<key>.q` and `<key>.<facet name>` (the
//! names of [`crate::query::FACETS`]).

use crate::query::{Query, FACETS};

/// The key of a widget instance: `iom-news`, or `iom-news:<element id>` when the element has
/// an id, so that several instances on one page keep separate deep links.
pub fn key_for(element_id: Option<&str>) -> String {
    match element_id.map(str::trim).filter(|id| !id.is_empty()) {
        // A dot is encoded too: `<key>.q` and the like hold an instance's search, so the ids
        // `x` and `x.q` must not give keys that meet.
        Some(id) => format!("iom-news:{}", encode(id).replace('.', "%2E")),
        None => "iom-news".to_string(),
    }
}

/// The value stored under `key` in a fragment (with or without its leading `#`).
pub fn get(fragment: &str, key: &str) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .filter_map(|part| part.split_once('='))
        .find(|(k, _)| *k == key)
        .map(|(_, v)| decode(v))
        .filter(|v| !v.is_empty())
}

/// The fragment (without `#`) with `key` set to `value`, or removed when `value` is `None`;
/// other parts are kept in order.
pub fn set(fragment: &str, key: &str, value: Option<&str>) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut parts: Vec<String> = fragment
        .split('&')
        .filter(|part| !part.is_empty())
        .filter(|part| part.split_once('=').map(|(k, _)| k) != Some(key))
        .map(str::to_string)
        .collect();
    if let Some(value) = value {
        parts.push(format!("{key}={}", encode(value)));
    }
    parts.join("&")
}

/// The search and filters stored under `key` in a fragment (`iom-news.q=...&iom-news.country=MNG,SEN`).
pub fn get_query(fragment: &str, key: &str) -> Query {
    let mut query = Query {
        text: get(fragment, &format!("{key}.q")).unwrap_or_default(),
        ..Query::default()
    };
    for info in FACETS {
        if let Some(value) = get(fragment, &format!("{key}.{}", info.name)) {
            *query.filter.values_mut(info.facet) = crate::embed::list(&value);
        }
    }
    query
}

/// The fragment (without `#`) with `query` stored under `key`; empty parts are removed and
/// everything else is kept.
pub fn set_query(fragment: &str, key: &str, query: &Query) -> String {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let text = Some(query.text.trim()).filter(|t| !t.is_empty());
    let mut out = set(fragment, &format!("{key}.q"), text);
    for info in FACETS {
        let values = query.filter.values(info.facet).join(",");
        let values = Some(values.as_str()).filter(|v| !v.is_empty());
        out = set(&out, &format!("{key}.{}", info.name), values);
    }
    out
}

/// Percent-encodes everything but RFC 3986's unreserved characters.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(char::from(crate::HEX[usize::from(b >> 4)]));
            out.push(char::from(crate::HEX[usize::from(b & 15)]));
        }
    }
    out
}

/// Decodes percent-escapes; malformed escapes are kept as they are, invalid UTF-8 is replaced.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                let value = hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0);
                out.push(u8::try_from(value).unwrap_or(b'?'));
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::Facet;

    #[test]
    fn keys_are_per_instance() {
        assert_eq!(key_for(None), "iom-news");
        assert_eq!(key_for(Some(" ")), "iom-news");
        assert_eq!(key_for(Some("sidebar")), "iom-news:sidebar");
        assert_eq!(key_for(Some("a b")), "iom-news:a%20b");
        assert_eq!(key_for(Some("x.q")), "iom-news:x%2Eq");
        assert_ne!(key_for(Some("x.q")), format!("{}.q", key_for(Some("x"))));
    }

    #[test]
    fn sets_and_reads_its_own_key_and_keeps_the_rest() {
        let f = set("#section-2&tab=map", "iom-news", Some("release 1/é"));
        assert_eq!(f, "section-2&tab=map&iom-news=release%201%2F%C3%A9");
        assert_eq!(get(&f, "iom-news").as_deref(), Some("release 1/é"));
        assert_eq!(get(&f, "tab").as_deref(), Some("map"));
        assert_eq!(set(&f, "iom-news", None), "section-2&tab=map");
        assert_eq!(set("", "iom-news", Some("a")), "iom-news=a");
        assert_eq!(set("iom-news=a", "iom-news", Some("b")), "iom-news=b");
    }

    #[test]
    fn stores_the_query_beside_the_release_and_the_host_parts() {
        let query = Query {
            text: "labour é".into(),
            filter: crate::query::Filter::default()
                .with(Facet::Country, vec!["MNG".into(), "SEN".into()])
                .with(Facet::Year, vec!["2026".into()]),
        };
        let f = set_query("/about&iom-news=r1", "iom-news", &query);
        assert_eq!(
            f,
            "/about&iom-news=r1&iom-news.q=labour%20%C3%A9&iom-news.country=MNG%2CSEN&iom-news.year=2026"
        );
        assert_eq!(get_query(&f, "iom-news"), query);
        assert_eq!(get(&f, "iom-news").as_deref(), Some("r1"));
        assert_eq!(get_query(&f, "iom-news:other"), Query::default());
        assert_eq!(
            set_query(&f, "iom-news", &Query::default()),
            "/about&iom-news=r1"
        );
    }

    #[test]
    fn reads_nothing_from_foreign_or_broken_fragments() {
        assert_eq!(get("", "iom-news"), None);
        assert_eq!(get("#top", "iom-news"), None);
        assert_eq!(get("#iom-news=", "iom-news"), None);
        assert_eq!(get("#iom-news:other=x", "iom-news"), None);
        assert_eq!(get("#iom-news=%zz%4", "iom-news").as_deref(), Some("%zz%4"));
        assert_eq!(
            get("#iom-news=%FF", "iom-news").as_deref(),
            Some("\u{FFFD}")
        );
    }
}
