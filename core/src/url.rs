//! The URL allow-list: which links the widget may render.
//!
//! Implementation note: resolving relative URLs needs a full URL parser; the browser has one
//! (`new URL(href, base)`), so the glue resolves and this module decides on the result. The
//! check is also safe on raw input: browsers drop ASCII tabs and newlines inside a scheme and
//! ignore leading control characters and spaces, so those are removed before the scheme is read.

/// The schemes a link may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// `https:`.
    Https,
    /// `http:`.
    Http,
    /// `mailto:`.
    Mailto,
    /// `tel:`.
    Tel,
}

/// The scheme of an absolute URL, if it is on the allow-list; `None` for any other scheme
/// (`javascript:`, `data:`, `vbscript:`, ...) and for URLs with no scheme.
pub fn allowed_scheme(url: &str) -> Option<Scheme> {
    let cleaned: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(8)
        .collect();
    let (scheme, _) = cleaned.split_once(':')?;
    match scheme.to_ascii_lowercase().as_str() {
        "https" => Some(Scheme::Https),
        "http" => Some(Scheme::Http),
        "mailto" => Some(Scheme::Mailto),
        "tel" => Some(Scheme::Tel),
        _ => None,
    }
}

/// A `tel:` URL (RFC 3966) for a phone number as people write it, e.g.
/// `+86 10 8532 5303, Ext. 203` gives `tel:+861085325303;ext=203`.
pub fn tel_href(phone: &str) -> Option<String> {
    // ASCII lowercasing keeps byte offsets, so `i` below is a valid index into `phone`.
    let lower = phone.to_ascii_lowercase();
    let (number, extension) = match lower.find("ext") {
        Some(i) => (&phone[..i], Some(&lower[i + 3..])),
        None => (phone, None),
    };
    let mut href = String::from("tel:");
    for (i, c) in number.trim().chars().enumerate() {
        match c {
            '+' if i == 0 => href.push('+'),
            '0'..='9' => href.push(c),
            ' ' | '-' | '.' | '(' | ')' | ',' | '/' => {}
            _ => return None,
        }
    }
    let digits = href.len() - "tel:".len() - usize::from(href.starts_with("tel:+"));
    if !(3..=17).contains(&digits) {
        return None;
    }
    if let Some(extension) = extension {
        let extension = extension.strip_prefix("ension").unwrap_or(extension);
        let ext: String = extension.chars().filter(char::is_ascii_digit).collect();
        let rest_ok = extension
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | ' '));
        if ext.is_empty() || !rest_ok {
            return None;
        }
        href.push_str(";ext=");
        href.push_str(&ext);
    }
    Some(href)
}

/// A `mailto:` URL for a plain e-mail address, or `None` when it is not one.
pub fn mailto_href(email: &str) -> Option<String> {
    let email = email.trim();
    let (local, domain) = email.split_once('@')?;
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+' | '\''))
    };
    if !plain(local) || !plain(domain) || !domain.contains('.') || domain.ends_with('.') {
        return None;
    }
    Some(format!("mailto:{email}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allows_only_four_schemes_in_any_case() {
        assert_eq!(allowed_scheme("https://iom.int"), Some(Scheme::Https));
        assert_eq!(allowed_scheme("HTTP://iom.int"), Some(Scheme::Http));
        assert_eq!(allowed_scheme("mailto:x@iom.int"), Some(Scheme::Mailto));
        assert_eq!(allowed_scheme("tel:+1"), Some(Scheme::Tel));
        for bad in [
            "javascript:alert(1)",
            "JAVASCRIPT:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html;base64,PHNjcmlwdD4=",
            "vbscript:msgbox",
            "/relative/path",
            "news.html",
            "",
        ] {
            assert_eq!(allowed_scheme(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn makes_tel_links_from_written_numbers() {
        assert_eq!(
            tel_href("+86 10 8532 5303, Ext. 203").as_deref(),
            Some("tel:+861085325303;ext=203")
        );
        assert_eq!(
            tel_href("+41 22 717 9111").as_deref(),
            Some("tel:+41227179111")
        );
        assert_eq!(tel_href("(022) 717-91").as_deref(), Some("tel:02271791"));
        assert_eq!(tel_href("call me"), None);
        assert_eq!(tel_href("12"), None);
        assert_eq!(
            tel_href("+1 555 0100 extension 7").as_deref(),
            Some("tel:+15550100;ext=7")
        );
        assert_eq!(tel_href("İİ ext 1"), None);
        assert_eq!(tel_href("+1 555 0100 ext"), None);
        assert_eq!(tel_href("+1 555 0100;phone-context=x"), None);
    }

    #[test]
    fn makes_mailto_links_from_plain_addresses() {
        assert_eq!(
            mailto_href(" kgormanbest@iom.int ").as_deref(),
            Some("mailto:kgormanbest@iom.int")
        );
        for bad in [
            "kgormanbest",
            "a@b",
            "a b@iom.int",
            "a@iom.int?bcc=x@y.z",
            "\"mailto:kgormanbest@iom.int\">kgormanbest@iom.int",
            "@iom.int",
        ] {
            assert_eq!(mailto_href(bad), None, "{bad}");
        }
    }
}
