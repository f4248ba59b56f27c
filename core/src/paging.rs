//! Following a paged archive's `next_url` chain without looping.

/// What comes after a page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextPage {
    /// The chain ends here.
    End,
    /// A page not loaded yet.
    Url(String),
    /// The page points back at one already loaded: following it would loop.
    Loop(String),
}

/// Decides what follows a page, given the (absolute) URLs of every page loaded so far.
pub fn next_page(loaded: &[String], next_url: Option<&str>) -> NextPage {
    match next_url {
        None => NextPage::End,
        Some(url) if loaded.iter().any(|seen| same_page(seen, url)) => {
            NextPage::Loop(url.to_string())
        }
        Some(url) => NextPage::Url(url.to_string()),
    }
}

/// Two URLs name the same page when they differ only in their fragment.
fn same_page(a: &str, b: &str) -> bool {
    let strip = |u: &str| u.split('#').next().unwrap_or_default().to_string();
    strip(a) == strip(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn follows_new_pages_and_stops_at_loops() {
        let loaded = vec![
            "https://iom.int/news.json".to_string(),
            "https://iom.int/news-2.json".to_string(),
        ];
        assert_eq!(next_page(&loaded, None), NextPage::End);
        assert_eq!(
            next_page(&loaded, Some("https://iom.int/news-3.json")),
            NextPage::Url("https://iom.int/news-3.json".into())
        );
        assert_eq!(
            next_page(&loaded, Some("https://iom.int/news.json#top")),
            NextPage::Loop("https://iom.int/news.json#top".into())
        );
        assert_eq!(
            next_page(&loaded, Some("https://iom.int/news-2.json")),
            NextPage::Loop("https://iom.int/news-2.json".into())
        );
    }
}
