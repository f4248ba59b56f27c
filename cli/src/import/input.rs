//! Reading an input file: its bytes as text, and its format, told from its content.

use std::path::Path;

use super::report::{Origin, Report};

/// The formats `import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// RSS (0.9x, 1.0, 2.0) or Atom 1.0.
    XmlFeed,
    /// JSON Feed 1.0 or 1.1.
    JsonFeed,
    /// Markdown, with or without YAML front matter.
    Markdown,
    /// An HTML page.
    Html,
    /// A press release as plain text.
    Text,
}

impl Format {
    /// The format's name in messages.
    pub fn name(self) -> &'static str {
        match self {
            Format::XmlFeed => "an RSS or Atom feed",
            Format::JsonFeed => "a JSON Feed",
            Format::Markdown => "a Markdown release",
            Format::Html => "an HTML page",
            Format::Text => "a text release",
        }
    }
}

/// A file read into memory.
#[derive(Debug)]
pub struct Input {
    /// Its bytes (feed-rs reads the XML encoding declaration itself).
    pub bytes: Vec<u8>,
    /// Its text.
    pub text: String,
    /// What it is.
    pub format: Format,
}

/// Reads a file and tells its format. `Err` when it cannot be read.
pub fn read(path: &str, report: &mut Report) -> Result<Input, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read the file: {e}"))?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("the file is empty".into());
    }
    if let Some(kind) = binary(&bytes) {
        return Err(not_text(kind));
    }
    // The decoding's warnings wait until the text is known to be text.
    let mut said = Report::new(report.quiet);
    let text = decode(&bytes, path, &mut said);
    if control_characters(&text) {
        return Err(not_text("binary data"));
    }
    report.messages.append(&mut said.messages);
    let format = detect(&text, path);
    Ok(Input {
        bytes,
        text,
        format,
    })
}

/// The error for a file that is not text.
fn not_text(kind: &str) -> String {
    format!(
        "not a text file (looks like {kind}); import reads RSS, Atom and JSON feeds, Markdown, \
         and releases saved as text or as a web page"
    )
}

/// Known signatures of files that are not text, and what they are.
const SIGNATURES: [(&[u8], &str); 21] = [
    (b"\x7fELF", "an ELF program or library"),
    (b"\xfe\xed\xfa", "a macOS program"),
    (b"\xcf\xfa\xed\xfe", "a macOS program"),
    (b"\xce\xfa\xed\xfe", "a macOS program"),
    (b"\xca\xfe\xba\xbe", "a macOS program or Java class"),
    (b"\0asm", "a WebAssembly module"),
    (b"%PDF-", "a PDF document: copy its text into a text file"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\0", "a TIFF image"),
    (b"MM\0*", "a TIFF image"),
    (
        b"PK\x03\x04",
        "a ZIP archive, or a Word .docx: save it as Plain Text or as a Web Page",
    ),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "a Word .doc (or another Office file): save it as Plain Text or as a Web Page",
    ),
    (
        b"{\\rtf",
        "an RTF document: save it as Plain Text or as a Web Page",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\xfd7zXZ\0", "an xz archive"),
    (b"SQLite format 3\0", "an SQLite database"),
];

/// What a file that is not text is, from its first bytes: a known signature, or NUL bytes
/// (which no text has, unless it is UTF-16 or UTF-32 without a byte order mark, said so).
fn binary(bytes: &[u8]) -> Option<&'static str> {
    if let Some((_, kind)) = SIGNATURES
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
    {
        return Some(kind);
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Some("a WebP image");
    }
    // "MZ" alone could begin a text ("MZUZU, Malawi –"); a program has NULs right after.
    if bytes.starts_with(b"MZ") && bytes[..bytes.len().min(64)].contains(&0) {
        return Some("a Windows program");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        return Some("a video or an image (ISO media: MP4, MOV, HEIC, AVIF)");
    }
    if encoding_rs::Encoding::for_bom(bytes).is_some_and(|(e, _)| e != encoding_rs::UTF_8) {
        return None;
    }
    let head = &bytes[..bytes.len().min(65_536)];
    if !head.contains(&0) {
        return None;
    }
    // UTF-16 without a byte order mark: every other byte of ASCII text is NUL.
    let pairs = head.len() / 2;
    let even = head.iter().step_by(2).filter(|b| **b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|b| **b == 0).count();
    if pairs > 0 && (even * 10 >= pairs * 9 || odd * 10 >= pairs * 9) {
        return Some("UTF-16 text without a byte order mark: save it as UTF-8");
    }
    Some("binary data")
}

/// Whether decoded text has control characters that no text file has (beyond tabs, line
/// breaks and form feeds) in more than one character of a hundred: bytes that UTF-8 cannot
/// read and Windows-1252 reads as nonsense.
fn control_characters(text: &str) -> bool {
    let mut count = 0usize;
    let mut controls = 0usize;
    for c in text.chars().take(65_536) {
        count += 1;
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}') {
            controls += 1;
        }
    }
    controls > 0 && controls * 100 >= count
}

/// The text of a file: UTF-8 (or UTF-16 with a byte order mark); an HTML page in the
/// character set it declares; else Windows-1252, what Word writes when it saves a document as
/// text on Windows, with a warning saying where the first byte that is not UTF-8 is.
fn decode(bytes: &[u8], path: &str, report: &mut Report) -> String {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text.into_owned();
    }
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return text.to_string(),
        Err(e) => e,
    };
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    if head.trim_start().starts_with("<?xml") {
        // feed-rs decodes XML itself, from its declaration; this text only finds lines.
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let declared = head
        .split("charset=")
        .nth(1)
        .map(|rest| {
            rest.trim_start_matches(['"', '\''])
                .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .and_then(|label| encoding_rs::Encoding::for_label(label.as_bytes()));
    let encoding = declared.unwrap_or(encoding_rs::WINDOWS_1252);
    let valid = &bytes[..error.valid_up_to()];
    let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
    let column = valid.iter().rev().take_while(|b| **b != b'\n').count() + 1;
    if declared.is_none() {
        report.warning(
            &Origin::line(path, line),
            format!(
                "not UTF-8 (column {column}, byte 0x{:02X}); read as {}, as Word saves text on \
                 Windows: check its dashes and quotes, or save the file as UTF-8",
                bytes[error.valid_up_to()],
                encoding.name()
            ),
        );
    }
    encoding.decode_without_bom_handling(bytes).0.into_owned()
}

/// Tells a file's format from its content; the file name decides only between Markdown and
/// plain text.
pub fn detect(text: &str, path: &str) -> Format {
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        return Format::JsonFeed;
    }
    if super::markdown::split_front_matter(text).is_some() {
        return Format::Markdown;
    }
    if start.starts_with('<') {
        return match first_element(start).as_deref() {
            Some("rss" | "feed" | "rdf:rdf" | "rdf") => Format::XmlFeed,
            _ => Format::Html,
        };
    }
    let extension = Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("md" | "markdown" | "mdown") => Format::Markdown,
        _ => Format::Text,
    }
}

/// The name of the first element of a markup text (after the XML declaration, comments,
/// processing instructions and a DOCTYPE), lower case; `"!doctype html"` counts as `html`.
fn first_element(mut text: &str) -> Option<String> {
    loop {
        text = text.trim_start();
        if let Some(rest) = text.strip_prefix("<!--") {
            text = rest.split_once("-->").map_or("", |(_, r)| r);
        } else if text.starts_with("<?") {
            text = text.split_once("?>").map_or("", |(_, r)| r);
        } else if text.len() >= 9 && text[..9].eq_ignore_ascii_case("<!doctype") {
            let (doctype, rest) = text.split_once('>')?;
            if doctype.to_ascii_lowercase().contains("html") {
                return Some("html".into());
            }
            text = rest;
        } else if let Some(rest) = text.strip_prefix('<') {
            let name: String = rest
                .chars()
                .take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/')
                .collect();
            return Some(name.to_ascii_lowercase());
        } else {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_formats_from_content() {
        assert_eq!(
            detect(
                "<?xml version=\"1.0\"?>\n<!-- x -->\n<rss version=\"2.0\">",
                "a.html"
            ),
            Format::XmlFeed
        );
        assert_eq!(
            detect("<feed xmlns=\"http://www.w3.org/2005/Atom\">", "a"),
            Format::XmlFeed
        );
        assert_eq!(detect("<rdf:RDF>", "a.xml"), Format::XmlFeed);
        assert_eq!(detect("<!DOCTYPE html><html>", "a.xml"), Format::Html);
        assert_eq!(detect("<p>Hello</p>", "a.txt"), Format::Html);
        assert_eq!(
            detect("\u{feff} {\"version\": 1}", "a.xml"),
            Format::JsonFeed
        );
        assert_eq!(
            detect("---\ntitle: A\n---\nText", "a.txt"),
            Format::Markdown
        );
        assert_eq!(detect("# Title\n\nText", "a.md"), Format::Markdown);
        assert_eq!(detect("Title\n\nText", "a.txt"), Format::Text);
        assert_eq!(detect("Title\n\nText", "release"), Format::Text);
    }

    #[test]
    fn tells_files_that_are_not_text() {
        for (bytes, kind) in [
            (&b"\x7fELF\x02\x01\x01\0\0\0"[..], "an ELF program"),
            (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj", "a PDF document"),
            (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "a PNG image"),
            (b"\xff\xd8\xff\xe0\0\x10JFIF", "a JPEG image"),
            (b"PK\x03\x04\x14\0\x06\0", "a Word .docx"),
            (b"T\0i\0t\0l\0e\0\n\0", "UTF-16 text"),
            (b"Title\n\0\0\x01\x02 body", "binary data"),
            (b"MZ\x90\0\x03\0\0\0", "a Windows program"),
        ] {
            assert!(
                binary(bytes).is_some_and(|k| k.contains(kind)),
                "{kind}: {:?}",
                binary(bytes)
            );
        }
        for text in [
            &b"Title\n\nText"[..],
            b"\xef\xbb\xbfTitle",
            b"\xff\xfeT\0i\0",
            b"Dakar \x96 IOM",
            b"MZUZU, Malawi \xe2\x80\x93 IOM",
        ] {
            assert_eq!(binary(text), None);
        }
        assert!(control_characters("\u{1}\u{2}\u{3}abc"));
        assert!(!control_characters("Title\tA\r\n\u{c}Text"));
    }

    #[test]
    fn reads_windows_1252_with_a_warning() {
        let mut report = Report::new(false);
        let text = decode(b"Title\nDakar \x96 IOM", "r.txt", &mut report);
        assert_eq!(text, "Title\nDakar – IOM");
        assert!(
            report.says("r.txt:2: warning: not UTF-8 (column 7, byte 0x96)"),
            "{:?}",
            report.messages
        );
    }
}
