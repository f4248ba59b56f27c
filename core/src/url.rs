//! The URL allow-list: which links the widget may render.
//!
//! Implementation note: resolving relative URLs needs a full URL parser; the browser has one
//! (`new URL(href, base)`), but this module resolves too (RFC 3986, [`resolve`]), so that the
//! widget, the CLI and the tests resolve alike; it also decides on the result. The
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
                .all(|c| address_char(c) || matches!(c, '.' | '-' | '_' | '+' | '\''))
    };
    if !plain(local) || !plain(domain) || !domain.contains('.') || domain.ends_with('.') {
        return None;
    }
    Some(format!("mailto:{email}"))
}

/// A letter or digit of an address, in any script: an ASCII one, or any character beyond
/// ASCII that is not a space, a control or an invisible formatting mark (bidi overrides,
/// zero-width characters). Implementation note: not `char::is_alphanumeric`, whose Unicode
/// tables cost kilobytes of wasm for this one check (bench/attempts.md).
fn address_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || (!c.is_ascii() && !c.is_whitespace() && !c.is_control() && !invisible(c))
}

/// An invisible formatting character: a bidi override or mark, a zero-width character, a soft
/// hyphen. In a URL or an address one can make a link read as something it is not (U+202E
/// turns "moc.evil" around into "live.com").
pub fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}'
            | '\u{61C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// A `mailto:` URL with only its addresses and its `subject` kept, or `None` when it has no
/// address.
pub fn plain_mailto(href: &str) -> Option<String> {
    let rest = href.get("mailto:".len()..)?;
    let (to, query) = rest.split_once('?').unwrap_or((rest, ""));
    if to.is_empty() || !to.contains('@') {
        return None;
    }
    let subject = query.split('&').find(|p| {
        p.get(..8)
            .is_some_and(|k| k.eq_ignore_ascii_case("subject="))
    });
    Some(match subject {
        Some(subject) => format!("mailto:{to}?{subject}"),
        None => format!("mailto:{to}"),
    })
}

/// A `tel:` URL as a plain number (see [`tel_href`]), or `None` for anything else: service
/// codes with `*` or `#` (`%23`), letters, parameters.
pub fn plain_tel(href: &str) -> Option<String> {
    let number = href.get("tel:".len()..)?.replace("%20", " ");
    let number = number.replace(";ext=", " ext ");
    tel_href(&number)
}

/// What a URL field may point at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A web page or file: `https:` or `http:` only.
    Web,
    /// A link: `https:`, `http:`, `mailto:` or `tel:`.
    Link,
}

/// Checks a URL from a feed and makes it absolute: relative URLs resolve against `base`
/// (RFC 3986, section 5). The error says what is wrong and what would be right.
pub fn check(raw: &str, base: Option<&str>, target: Target) -> Result<String, String> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(
            "the URL is empty; write a full address such as https://www.iom.int/news".into(),
        );
    }
    if let Some(c) = url.chars().find(|c| c.is_whitespace() || c.is_control()) {
        let what = if c == ' ' {
            "a space".to_string()
        } else {
            format!("the character U+{:04X}", u32::from(c))
        };
        let url = crate::quoted(url);
        return Err(format!(
            "the URL {url} contains {what}; encode spaces as %20 and remove line breaks"
        ));
    }
    if let Some(c) = url.chars().find(|&c| invisible(c)) {
        return Err(format!(
            "the URL {} contains the invisible character U+{:04X}, which can make a link look \
             like another; remove it",
            crate::quoted(url),
            u32::from(c)
        ));
    }
    // RFC 3986 never allows these unencoded; in a feed they are a mistake or an attack.
    const NEVER_IN_URLS: [char; 9] = ['<', '>', '"', '{', '}', '|', '\\', '^', '`'];
    if let Some(c) = url.chars().find(|c| NEVER_IN_URLS.contains(c)) {
        return Err(format!(
            "the URL {} contains the character '{c}', which URLs do not allow; encode it \
             (for example < as %3C)",
            crate::quoted(url)
        ));
    }
    let absolute = match scheme_of(url) {
        Some(_) => url.to_string(),
        None => {
            match base.filter(|b| matches!(allowed_scheme(b), Some(Scheme::Http | Scheme::Https))) {
                Some(base) => resolve(base, url),
                None => {
                    return Err(format!(
                        "the relative URL {} cannot be resolved: the feed has no absolute \
                     \"feed_url\"; write a full address such as https://www.iom.int/{}",
                        crate::quoted(url),
                        url.trim_start_matches('/')
                    ))
                }
            }
        }
    };
    let scheme = allowed_scheme(&absolute);
    let ok = match (scheme, target) {
        (Some(Scheme::Http | Scheme::Https), _) => {
            let rest = &absolute[absolute.find(':').unwrap_or(0) + 1..];
            let host = rest
                .strip_prefix("//")
                .map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
            if !host.is_some_and(|h| !h.is_empty() && !h.starts_with(':') && !h.starts_with('@')) {
                return Err(format!(
                    "the URL {} has no host name; write it as https://host/path",
                    crate::quoted(&absolute)
                ));
            }
            true
        }
        (Some(Scheme::Mailto | Scheme::Tel), Target::Link) => true,
        _ => false,
    };
    if !ok {
        let allowed = match target {
            Target::Web => "https: or http:",
            Target::Link => "https:, http:, mailto: or tel:",
        };
        let found = scheme_of(&absolute).unwrap_or_default();
        return Err(format!(
            "the URL scheme \"{found}:\" is not allowed here; use {allowed} (URL {})",
            crate::quoted(&absolute)
        ));
    }
    Ok(absolute)
}

/// The scheme of a URL (lowercase), if it has a syntactically valid one (RFC 3986: a letter,
/// then letters, digits, `+`, `-` or `.`, then `:`).
fn scheme_of(url: &str) -> Option<String> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| scheme.to_ascii_lowercase())
}

/// The parts of an absolute URL (RFC 3986, appendix B).
struct Parts<'a> {
    scheme: &'a str,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
}

fn split(url: &str) -> Parts<'_> {
    let url = url.split('#').next().unwrap_or_default();
    let (scheme, rest) = url.split_once(':').unwrap_or(("", url));
    let (before_query, query) = match rest.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (rest, None),
    };
    let (authority, path) = match before_query.strip_prefix("//") {
        Some(r) => match r.find('/') {
            Some(i) => (Some(&r[..i]), &r[i..]),
            None => (Some(r), ""),
        },
        None => (None, before_query),
    };
    Parts {
        scheme,
        authority,
        path,
        query,
    }
}

/// Resolves a relative reference against an absolute base URL (RFC 3986, section 5.2).
pub fn resolve(base: &str, reference: &str) -> String {
    let base = split(base);
    let (reference, fragment) = match reference.split_once('#') {
        Some((r, f)) => (r, Some(f)),
        None => (reference, None),
    };
    let (ref_path_part, ref_query) = match reference.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (reference, None),
    };
    let mut out = format!("{}:", base.scheme);
    if let Some(rest) = ref_path_part.strip_prefix("//") {
        // Network-path reference: a new authority.
        let (authority, path) = match rest.find('/') {
            Some(i) => (&rest[..i], &rest[i..]),
            None => (rest, ""),
        };
        out.push_str("//");
        out.push_str(authority);
        out.push_str(&remove_dot_segments(path));
        push_query(&mut out, ref_query);
    } else {
        if let Some(authority) = base.authority {
            out.push_str("//");
            out.push_str(authority);
        }
        if ref_path_part.is_empty() {
            out.push_str(base.path);
            push_query(&mut out, ref_query.or(base.query));
        } else {
            let merged = if ref_path_part.starts_with('/') {
                ref_path_part.to_string()
            } else if base.authority.is_some() && base.path.is_empty() {
                format!("/{ref_path_part}")
            } else {
                let dir = &base.path[..base.path.rfind('/').map_or(0, |i| i + 1)];
                format!("{dir}{ref_path_part}")
            };
            out.push_str(&remove_dot_segments(&merged));
            push_query(&mut out, ref_query);
        }
    }
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

fn push_query(out: &mut String, query: Option<&str>) {
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
}

/// RFC 3986, section 5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing_slash = false;
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => trailing_slash = i == last,
            ".." => {
                if output.len() > 1 {
                    output.pop();
                }
                trailing_slash = i == last;
            }
            s => {
                output.push(s);
                trailing_slash = false;
            }
        }
    }
    let mut joined = output.join("/");
    if trailing_slash && !joined.ends_with('/') {
        joined.push('/');
    }
    if path.starts_with('/') && !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    joined
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_references_as_rfc_3986_says() {
        // The normal and abnormal examples of RFC 3986, section 5.4.
        let base = "http://a/b/c/d;p?q";
        for (reference, expected) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("g?y", "http://a/b/c/g?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("g#s", "http://a/b/c/g#s"),
            (";x", "http://a/b/c/;x"),
            ("", "http://a/b/c/d;p?q"),
            (".", "http://a/b/c/"),
            ("./", "http://a/b/c/"),
            ("..", "http://a/b/"),
            ("../", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../..", "http://a/"),
            ("../../g", "http://a/g"),
            ("../../../g", "http://a/g"),
            ("/./g", "http://a/g"),
            ("/../g", "http://a/g"),
            ("g.", "http://a/b/c/g."),
            ("..g", "http://a/b/c/..g"),
            ("./../g", "http://a/b/g"),
            ("./g/.", "http://a/b/c/g/"),
            ("g/./h", "http://a/b/c/g/h"),
            ("g/../h", "http://a/b/c/h"),
        ] {
            assert_eq!(resolve(base, reference), expected, "{reference:?}");
        }
        assert_eq!(
            resolve("https://iom.int", "news.json"),
            "https://iom.int/news.json"
        );
    }

    #[test]
    fn checks_feed_urls_with_actionable_messages() {
        let base = Some("https://www.iom.int/feeds/news.json");
        assert_eq!(
            check("../img/a.jpg", base, Target::Web).as_deref(),
            Ok("https://www.iom.int/img/a.jpg")
        );
        assert_eq!(
            check("mailto:a@iom.int", None, Target::Link).as_deref(),
            Ok("mailto:a@iom.int")
        );
        assert_eq!(
            check("javascript:alert(1)", base, Target::Link).unwrap_err(),
            "the URL scheme \"javascript:\" is not allowed here; use https:, http:, mailto: or \
             tel: (URL \"javascript:alert(1)\")"
        );
        assert_eq!(
            check("mailto:a@iom.int", base, Target::Web).unwrap_err(),
            "the URL scheme \"mailto:\" is not allowed here; use https: or http: (URL \
             \"mailto:a@iom.int\")"
        );
        assert_eq!(
            check("news/1", None, Target::Web).unwrap_err(),
            "the relative URL \"news/1\" cannot be resolved: the feed has no absolute \
             \"feed_url\"; write a full address such as https://www.iom.int/news/1"
        );
        assert_eq!(
            check("https://www.iom.int/a b", None, Target::Web).unwrap_err(),
            "the URL \"https://www.iom.int/a b\" contains a space; encode spaces as %20 and \
             remove line breaks"
        );
        assert_eq!(
            check("https:/www.iom.int", None, Target::Web).unwrap_err(),
            "the URL \"https:/www.iom.int\" has no host name; write it as https://host/path"
        );
        assert!(check("data:image/png;base64,AAAA", base, Target::Web).is_err());
        assert!(check("<script>alert(1)</script>", base, Target::Web)
            .unwrap_err()
            .contains("contains the character '<', which URLs do not allow"));
        assert!(check("", base, Target::Web).is_err());
    }

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
            "a\u{202E}b@iom.int",
            "a\u{200B}@iom.int",
            "a\u{3000}b@iom.int",
            "a@iom\u{85}.int",
        ] {
            assert_eq!(mailto_href(bad), None, "{bad}");
        }
        // Addresses in other scripts (RFC 6530) are addresses too.
        for good in ["josé@iom.int", "почта@пример.рф", "用户@例子.广告"] {
            assert_eq!(mailto_href(good), Some(format!("mailto:{good}")), "{good}");
        }
    }
}
