//! Feed files as bytes: the one way the widget and the CLI turn them into text.

/// A feed file's text, and what was wrong with its encoding, if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text: UTF-8 without a leading byte order mark, bad bytes replaced by U+FFFD.
    pub text: String,
    /// Where the bytes stop being UTF-8 (line, column, byte), when they do.
    pub problem: Option<String>,
}

/// Reads a feed file's bytes as browsers read a response's text: UTF-8, a leading byte order
/// mark dropped, each bad sequence replaced by U+FFFD (and the first one described).
pub fn decode(bytes: Vec<u8>) -> Decoded {
    let (mut text, problem) = match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let problem = crate::json::utf8_problem(e.as_bytes());
            (String::from_utf8_lossy(e.as_bytes()).into_owned(), problem)
        }
    };
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Decoded { text, problem }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_a_byte_order_mark_and_replaces_bad_bytes() {
        let decoded = decode(b"\xEF\xBB\xBF{\"a\": 1}".to_vec());
        assert_eq!(decoded.text, "{\"a\": 1}");
        assert_eq!(decoded.problem, None);
        let decoded = decode(b"\xEF\xBB\xBF{\n\"caf\xE9\"}".to_vec());
        assert_eq!(decoded.text, "{\n\"caf\u{FFFD}\"}");
        assert_eq!(
            decoded.problem.as_deref(),
            Some("not UTF-8 at line 2, column 5 (byte 0xE9); save the file as UTF-8")
        );
    }

    #[test]
    fn a_feed_with_a_byte_order_mark_parses() {
        let bytes = b"\xEF\xBB\xBF{\"version\": \"https://jsonfeed.org/version/1.1\", \"title\": \"T\", \"items\": []}";
        let decoded = decode(bytes.to_vec());
        assert!(crate::Feed::parse(&decoded.text).is_ok());
    }
}
