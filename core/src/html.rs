//! Reading feed HTML as text, without a browser: the tags, attributes and text of a fragment,
//! as the HTML tokenizer cuts them.
//!
//! Implementation note: rendering never uses this. The widget renders bodies from the browser's
//! own parser (`DOMParser`) through the allow-list in [`crate::body`]; this tokenizer serves two
//! jobs on the text before or beside that:
//!
//! - [`searchable_text`]: the words a reader can see, for search, with the content of every
//!   element the allow-list removes (scripts, templates, SVG titles, ...) left out, decided by
//!   the same [`Element::classify`].
//! - [`without_inline_code`]: the text with `on*` handler and `style` attributes and `<style>`
//!   elements taken out before `DOMParser` sees it. Nothing in them ever runs or applies, but
//!   under a strict Content-Security-Policy the browser reports each one as a violation while
//!   parsing, so a feed could flood a host's report endpoint with what looks like an attack.
//!
//! Neither job is a security boundary: a mistake here can only add or miss a search word or a
//! violation report, never let markup through.

use std::borrow::Cow;

use crate::body::{Element, Treatment};

/// One piece of an HTML fragment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// Text, with character references not yet decoded.
    Text(&'a str),
    /// A start tag.
    Start(Tag<'a>),
    /// An end tag, its name in lowercase.
    End(String),
    /// A comment, a doctype or anything else that is no element.
    Other,
}

/// A start tag: its name in lowercase and where each attribute is in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tag<'a> {
    /// The tag name, in ASCII lowercase.
    pub name: String,
    /// Each attribute: its name (as written) and its whole text (`name="value"`).
    pub attributes: Vec<(&'a str, &'a str)>,
    /// Whether it ends with `/>`.
    pub self_closing: bool,
}

/// Elements whose content is text up to their end tag, never markup.
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Elements that never have content or an end tag.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];

/// The tokens of an HTML fragment, in order.
pub fn tokens(html: &str) -> Tokens<'_> {
    Tokens {
        html,
        pos: 0,
        raw: None,
    }
}

/// The iterator of [`tokens`].
pub struct Tokens<'a> {
    html: &'a str,
    pos: usize,
    /// Inside a raw-text element: its name, whose end tag ends the text.
    raw: Option<String>,
}

impl<'a> Iterator for Tokens<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let rest = self.html.get(self.pos..)?;
        if rest.is_empty() {
            return None;
        }
        if let Some(name) = self.raw.take() {
            let end = find_end_tag(rest, &name).unwrap_or(rest.len());
            if end > 0 {
                self.pos += end;
                return Some(Token::Text(&rest[..end]));
            }
        }
        let bytes = rest.as_bytes();
        if bytes[0] != b'<' {
            let end = rest.find('<').unwrap_or(rest.len());
            self.pos += end;
            return Some(Token::Text(&rest[..end]));
        }
        match bytes.get(1) {
            Some(b) if b.is_ascii_alphabetic() => Some(self.start_tag()),
            Some(b'/') if bytes.get(2).is_some_and(u8::is_ascii_alphabetic) => {
                let close = rest.find('>').map_or(rest.len(), |i| i + 1);
                let name = tag_name(&rest[2..]);
                self.pos += close;
                Some(Token::End(name))
            }
            Some(b'!') if rest.starts_with("<!--") => {
                let end = rest[4..].find("-->").map_or(rest.len(), |i| i + 7);
                self.pos += end;
                Some(Token::Other)
            }
            Some(b'!' | b'?' | b'/') => {
                let close = rest.find('>').map_or(rest.len(), |i| i + 1);
                self.pos += close;
                Some(Token::Other)
            }
            _ => {
                self.pos += 1;
                Some(Token::Text(&rest[..1]))
            }
        }
    }
}

impl<'a> Tokens<'a> {
    fn start_tag(&mut self) -> Token<'a> {
        let html = self.html;
        let start = self.pos;
        let name = tag_name(&html[start + 1..]);
        let mut i = start + 1 + name.len();
        let bytes = html.as_bytes();
        let mut attributes = Vec::new();
        let mut self_closing = false;
        loop {
            while bytes
                .get(i)
                .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
            {
                self_closing = bytes[i] == b'/';
                i += 1;
            }
            match bytes.get(i) {
                // A tag cut off by the end of the text is dropped, as browsers do.
                None => {
                    self.pos = html.len();
                    return Token::Other;
                }
                Some(b'>') => {
                    i += 1;
                    break;
                }
                Some(_) => self_closing = false,
            }
            let name_start = i;
            // An attribute name may start with `=`; it ends at space, `/`, `>` or `=`.
            i += 1;
            while bytes
                .get(i)
                .is_some_and(|b| !(b.is_ascii_whitespace() || matches!(b, b'/' | b'>' | b'=')))
            {
                i += 1;
            }
            let name_end = i;
            let mut j = i;
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            if bytes.get(j) == Some(&b'=') {
                j += 1;
                while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                    j += 1;
                }
                i = match bytes.get(j) {
                    Some(&quote @ (b'"' | b'\'')) => html[j + 1..]
                        .find(char::from(quote))
                        .map_or(html.len(), |k| j + 1 + k + 1),
                    _ => {
                        let mut k = j;
                        while bytes
                            .get(k)
                            .is_some_and(|b| !(b.is_ascii_whitespace() || *b == b'>'))
                        {
                            k += 1;
                        }
                        k
                    }
                };
            }
            let i_clamped = i.min(html.len());
            attributes.push((&html[name_start..name_end], &html[name_start..i_clamped]));
            i = i_clamped;
        }
        self.pos = i;
        if RAW_TEXT.contains(&name.as_str()) {
            self.raw = Some(name.clone());
        } else if name == "plaintext" {
            // Everything after it is text.
            self.raw = Some(String::from("\u{0}"));
        }
        Token::Start(Tag {
            name,
            attributes,
            self_closing,
        })
    }
}

/// The lowercase tag name at the start of `text`.
fn tag_name(text: &str) -> String {
    let end = text
        .find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .unwrap_or(text.len());
    text[..end].to_ascii_lowercase()
}

/// Where `</name` (any case, then a space, `/` or `>`) starts in `text`.
fn find_end_tag(text: &str, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find("</") {
        let start = from + at;
        let after = start + 2 + name.len();
        let matches = text
            .get(start + 2..after)
            .is_some_and(|n| n.eq_ignore_ascii_case(name))
            && bytes
                .get(after)
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'));
        if matches {
            return Some(start);
        }
        from = start + 2;
    }
    None
}

/// `html` without `on*` event handler attributes, `style` attributes and `<style>` elements:
/// the same text when it has none (no copy).
pub fn without_inline_code(html: &str) -> Cow<'_, str> {
    let mut out = String::new();
    let mut changed = false;
    let mut tokens = tokens(html);
    let mut skipping_style = false;
    loop {
        let before = tokens.pos;
        let Some(token) = tokens.next() else { break };
        let text = &html[before..tokens.pos];
        match token {
            Token::Start(tag) if tag.name == "style" => {
                skipping_style = true;
                changed = true;
            }
            Token::End(name) if name == "style" => skipping_style = false,
            _ if skipping_style => {}
            Token::Start(tag) if tag.attributes.iter().any(|(name, _)| inline_code(name)) => {
                changed = true;
                out.push('<');
                out.push_str(&tag.name);
                for (name, whole) in &tag.attributes {
                    if !inline_code(name) {
                        out.push(' ');
                        out.push_str(whole);
                    }
                }
                out.push_str(if tag.self_closing { "/>" } else { ">" });
            }
            _ => out.push_str(text),
        }
    }
    if changed {
        Cow::Owned(out)
    } else {
        Cow::Borrowed(html)
    }
}

fn inline_code(attribute: &str) -> bool {
    let lower = attribute.to_ascii_lowercase();
    lower == "style" || lower.starts_with("on")
}

/// The text a reader sees of an HTML fragment, for searching: the content of elements the
/// allow-list removes is left out, elements it keeps or unwraps give their text, character
/// references are decoded, and elements are separated by a space.
pub fn searchable_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    // The name of the removed element being skipped, and how deep inside it.
    let mut skipping: Option<(String, usize)> = None;
    for token in tokens(html) {
        match (&mut skipping, token) {
            (Some((name, depth)), Token::Start(tag)) => {
                if tag.name == *name && !tag.self_closing {
                    *depth += 1;
                }
            }
            (Some((name, depth)), Token::End(end)) => {
                if end == *name {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
            }
            (Some(_), _) => {}
            (None, Token::Start(tag)) => {
                let void = VOID.contains(&tag.name.as_str()) || tag.self_closing;
                if Element::classify(&tag.name) == Treatment::Remove && !void {
                    skipping = Some((tag.name, 1));
                }
                out.push(' ');
            }
            (None, Token::End(_) | Token::Other) => out.push(' '),
            (None, Token::Text(text)) => decode_into(text, &mut out),
        }
    }
    out
}

/// Appends `text` with its character references decoded (the common named ones and every
/// numeric one); anything else is kept as written.
fn decode_into(text: &str, out: &mut String) {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let end = tail.find(';').filter(|&i| i <= 10);
        let decoded = end.and_then(|i| reference(&tail[1..i]));
        match (decoded, end) {
            (Some(c), Some(i)) => {
                out.push(c);
                rest = &tail[i + 1..];
            }
            _ => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
}

fn reference(entity: &str) -> Option<char> {
    let named = match entity {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => None,
    };
    named.or_else(|| {
        let number = entity.strip_prefix('#')?;
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse().ok()?,
        };
        char::from_u32(code)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn squash(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn search_sees_only_what_is_rendered() {
        let html = "<p>A &amp; B&#233;&#x41;<br>C</p><style>p{}</style>\
                    <template><p>hidden template</p></template>\
                    <noscript>no script text</noscript>\
                    <svg><title>svg title</title><text>svg text</text></svg>\
                    <select><option>an option</option></select>\
                    <script>var x = '</p>';</script>\
                    <div><span>kept</span> <b>bold</b></div>&bogus; &";
        assert_eq!(
            squash(&searchable_text(html)),
            "A & BéA C kept bold &bogus; &"
        );
    }

    #[test]
    fn nested_removed_elements_are_skipped_whole() {
        let html = "<template>a<template>b</template>c</template>d<textarea>e</p></textarea>f";
        assert_eq!(squash(&searchable_text(html)), "d f");
        assert_eq!(squash(&searchable_text("x<img src=a alt=b>y")), "x y");
    }

    #[test]
    fn takes_out_inline_handlers_and_styles_only() {
        let html = "<p onclick=\"alert(1)\" class=x style='color:red'>Hi <b ONMOUSEOVER=x() title=\"a > b\">b</b></p>\
                    <style>p { color: red }</style><img src=\"a.png\" onerror=alert(1) alt=\"on style\"/>\
                    <p>on style= text stays</p><script>var onload = 1</script>";
        assert_eq!(
            without_inline_code(html),
            "<p class=x>Hi <b title=\"a > b\">b</b></p><img src=\"a.png\" alt=\"on style\"/>\
             <p>on style= text stays</p><script>var onload = 1</script>"
        );
        let plain = "<p>Nothing to take out.</p>";
        assert!(matches!(without_inline_code(plain), Cow::Borrowed(_)));
    }

    #[test]
    fn odd_markup_reads_without_panicking() {
        for html in [
            "<",
            "<p",
            "<p a",
            "<p a=",
            "<p a=\"",
            "</",
            "</p",
            "<!--",
            "<!-- x",
            "<?x",
            "a<1b",
            "<p\u{e9} \u{e9}=\u{e9}>",
            "<style>",
            "<plaintext><p>x",
            "<p/ onclick=x>",
            "<p =x onclick=y>",
            "<textarea></textare",
            "&#xFFFFFF;&#99999999999;",
        ] {
            let _ = searchable_text(html);
            let _ = without_inline_code(html);
        }
        assert_eq!(without_inline_code("<p/ onclick=x>"), "<p>");
    }
}
